package org.corroborate.search.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.DomListenerRegistration;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.FrameExtension;
import org.corroborate.search.IndexBuildingException;
import org.corroborate.search.SearchHit;
import org.corroborate.search.SearchKind;
import org.corroborate.search.SearchRequest;
import org.corroborate.search.SearchResults;
import org.corroborate.search.SearchService;

/**
 * The quick search in the app frame: a "Search" button in the top bar and Ctrl+K (⌘K on macOS) from
 * any page open a dialog whose box shows the top hits as one types (after a short pause); a hit opens
 * the workspace at its place, Enter opens the full search page ({@link SearchView}) with the words,
 * Esc closes.
 */
@org.springframework.stereotype.Component
class QuickSearch implements FrameExtension {

    /** Hits shown in the dialog. */
    static final int TOP_HITS = 8;
    /** The pause after the last key before the dialog searches, in milliseconds. */
    static final int DEBOUNCE_MS = 250;

    private final SearchService search;

    QuickSearch(SearchService search) {
        this.search = search;
    }

    @Override
    public Component navbarItem() {
        Button open = new Button("Search", VaadinIcon.SEARCH.create());
        open.setId("quick-search-open");
        open.addClassName("cb-quick-search-open");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        open.setAriaLabel("Search (Ctrl+K)");
        open.setTooltipText("Search the corpus (Ctrl+K, ⌘K on macOS)");
        Dialog[] shown = {null}; // this frame's open dialog: Ctrl+K again does not open a second one
        open.addClickListener(e -> openDialog(shown));
        // Registered with the button's life: the shortcuts work on every page the frame shows.
        Shortcuts.addShortcutListener(open, () -> openDialog(shown), Key.KEY_K, KeyModifier.CONTROL);
        Shortcuts.addShortcutListener(open, () -> openDialog(shown), Key.KEY_K, KeyModifier.META);
        return open;
    }

    private void openDialog(Dialog[] shown) {
        UI ui = UI.getCurrent();
        if (shown[0] != null && shown[0].isOpened()) {
            return;
        }
        Dialog dialog = new Dialog();
        shown[0] = dialog;
        dialog.setId("quick-search");
        dialog.setHeaderTitle("Quick search");
        dialog.addClassName("cb-quick-search");
        dialog.setWidth("min(40rem, 96vw)");
        TextField box = new TextField();
        box.setId("quick-search-q");
        box.setAriaLabel("Search words");
        box.setPlaceholder("Words, \"a phrase\", prefix*");
        box.setPrefixComponent(VaadinIcon.SEARCH.create());
        box.setWidthFull();
        box.setMaxLength(1000);
        box.setValueChangeMode(ValueChangeMode.TIMEOUT);
        box.setValueChangeTimeout(DEBOUNCE_MS);
        Div found = new Div();
        found.setId("quick-search-hits");
        found.addClassName("cb-quick-search-hits");
        found.getElement().setAttribute("aria-live", "polite");
        Span hint = new Span("Enter: all results on the search page · Esc: close");
        hint.addClassName("cb-quick-search-hint");
        box.addValueChangeListener(e -> show(found, e.getValue()));
        // Enter takes the words as they are in the box (they may not have reached the server yet).
        DomListenerRegistration enter = box.getElement().addEventListener("keydown", e -> {
            String words = e.getEventData().get("element.value").asString();
            if (words != null && !words.isBlank()) {
                dialog.close();
                ui.navigate(SearchView.class, SearchView.linkOf(words.strip()));
            }
        });
        enter.setFilter("event.key === 'Enter'");
        enter.addEventData("element.value");
        dialog.add(box, found, hint);
        dialog.open();
        box.focus();
    }

    private void show(Div found, String words) {
        found.removeAll();
        if (words == null || words.isBlank()) {
            return;
        }
        SearchResults results;
        try {
            results = search.search(new SearchRequest(words.strip(), null, null, null, null, null, null, null, null,
                    null, null, null, 0, TOP_HITS));
        } catch (WorkbenchException | IndexBuildingException e) {
            Span refused = new Span(e.getMessage());
            refused.setId("quick-search-refused");
            refused.addClassName("cb-quick-search-refused");
            found.add(refused);
            return;
        }
        if (results.hits().isEmpty()) {
            Span none = new Span("No hits.");
            none.setId("quick-search-none");
            found.add(none);
            return;
        }
        Span count = new Span(results.total() + (results.total() == 1 ? " hit" : " hits")
                + (results.total() > results.hits().size() ? ", the first " + results.hits().size() : ""));
        count.addClassName("cb-quick-search-count");
        found.add(count);
        int index = 0;
        for (SearchHit hit : results.hits()) {
            Anchor link = new Anchor(SearchLink.place(hit), "");
            link.setId("quick-hit-" + index++);
            link.addClassName("cb-quick-hit");
            Span title = new Span((hit.kind() == SearchKind.TEXT ? "" : hit.annotation().label() + " by "
                    + hit.annotation().author() + " · ") + (hit.sourceTitle() == null ? "Source " + hit.source()
                    : hit.sourceTitle()));
            title.addClassName("cb-quick-hit-title");
            link.add(title, new Snippet(hit.snippet(), hit.highlights()));
            link.getElement().addEventListener("click", e -> found.getParent()
                    .filter(Dialog.class::isInstance).map(Dialog.class::cast).ifPresent(Dialog::close));
            found.add(link);
        }
    }
}
