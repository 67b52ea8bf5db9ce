package org.corroborate.search.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.util.Locale;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.Notifications;
import org.corroborate.search.SearchIndexService;
import org.corroborate.search.SearchIndexStatus;
import org.springframework.context.annotation.Scope;

/**
 * The search index's rebuild on the search page: while the index is being rebuilt, a progress bar
 * with "Search index being rebuilt: N of M", kept current through server push (at most four updates
 * a second); hidden otherwise. For administrators also the button "Rebuild search index"
 * ({@link SearchIndexService#reindex}). A prototype bean: a view injects its own.
 */
@SpringComponent
@Scope("prototype")
@Uses(ProgressBar.class)
public class IndexProgress extends Div {

    /** The fewest milliseconds between two pushed updates of a running rebuild. */
    private static final long PUSH_INTERVAL_MS = 250;

    private final SearchIndexService index;
    private final ProgressBar bar = new ProgressBar();
    private final Span text = new Span();
    private final Div building = new Div();
    private final Button rebuild = new Button("Rebuild search index");
    private Runnable stopWatching;
    private volatile long lastPush;

    public IndexProgress(SearchIndexService index, CurrentActor actor) {
        this.index = index;
        addClassName("cb-index-progress");
        building.addClassName("cb-index-progress-building");
        text.setId("index-progress-text");
        bar.getElement().setAttribute("aria-labelledby", "index-progress-text");
        building.add(text, bar);
        building.getElement().setAttribute("role", "status");
        rebuild.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        rebuild.addClassName("cb-index-rebuild");
        rebuild.addClickListener(e -> startRebuild());
        rebuild.setVisible(actor.has(Role.ADMIN));
        add(building, rebuild);
        show(index.status());
    }

    /** Shows the state: the bar while building, nothing (or the admin's button) otherwise. */
    public void show(SearchIndexStatus status) {
        building.setVisible(status.building() || !status.ready());
        if (status.building()) {
            text.setText(status.total() > 0
                    ? String.format(Locale.ROOT, "Search index being rebuilt: %,d of %,d", status.done(), status.total())
                    : "Search index being rebuilt…");
            bar.setIndeterminate(status.total() == 0);
            bar.setMin(0);
            bar.setMax(Math.max(1, status.total()));
            bar.setValue(Math.min(status.done(), Math.max(1, status.total())));
        } else if (!status.ready()) {
            text.setText("The search index is not ready: its last rebuild failed.");
            bar.setIndeterminate(false);
            bar.setValue(0);
        }
        rebuild.setEnabled(!status.building());
        setVisible(building.isVisible() || rebuild.isVisible());
    }

    /** What the bar says now (tests). */
    public String text() {
        return building.isVisible() ? text.getText() : "";
    }

    private void startRebuild() {
        try {
            show(index.reindex());
            Notifications.info("The search index is being rebuilt; searches answer again when it is done.");
        } catch (WorkbenchException e) {
            Notifications.warning(e.getMessage());
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        show(index.status());
        stopWatching = index.watch(status -> {
            long now = System.currentTimeMillis();
            boolean step = status.building() && status.done() > 0 && status.done() < status.total();
            if (step && now - lastPush < PUSH_INTERVAL_MS) {
                return;
            }
            lastPush = now;
            ui.access(() -> show(status));
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (stopWatching != null) {
            stopWatching.run();
            stopWatching = null;
        }
        super.onDetach(event);
    }
}
