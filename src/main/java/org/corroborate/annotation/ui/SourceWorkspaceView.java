package org.corroborate.annotation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.annotation.AnnotationBroadcaster;
import org.corroborate.annotation.AnnotationChanged;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.Notifications;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.source.SourceDetails;
import org.corroborate.source.SourceService;
import org.corroborate.source.ui.ProvenancePanel;

/**
 * Where a reviewer annotates one source: the text with highlights, label buttons and hotkeys,
 * the selected annotation's editor, the list of annotations, the source's provenance, and
 * colleagues' changes arriving live.
 */
@Route("sources")
@PermitAll
public class SourceWorkspaceView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final SourceService sources;
    private final AnnotationService annotations;
    private final List<WorkspaceExtension> extensions;
    private final org.corroborate.audit.AuditService audit;
    private final List<Runnable> ownChangeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AnnotationBroadcaster broadcaster;
    private final CurrentActor actor;
    private final LabelScheme scheme;

    private final SourceTextElement text = new SourceTextElement();
    private final Map<Long, AnnotationDetails> visible = new LinkedHashMap<>();
    private final Map<Long, String> notes = new java.util.HashMap<>();
    private WorkspaceExtension.Workspace workspace;
    private final Checkbox everyone = new Checkbox("Show everyone's annotations");
    private final AvatarGroup present = new AvatarGroup();
    private AnnotationEditor editor;
    private AnnotationList list;
    private SourceDetails source;
    private String me;
    private boolean seesColleagues;
    private AnnotationBroadcaster.Subscription subscription;
    private String title = "Source";

    public SourceWorkspaceView(SourceService sources, AnnotationService annotations, List<WorkspaceExtension> extensions,
                               AnnotationBroadcaster broadcaster, CurrentActor actor, SchemeService schemes,
                               org.corroborate.audit.AuditService audit) {
        this.audit = audit;
        this.sources = sources;
        this.annotations = annotations;
        this.extensions = extensions;
        this.broadcaster = broadcaster;
        this.actor = actor;
        this.scheme = schemes.current();
        addClassName("cb-workspace");
        setSizeFull();
    }

    @Override
    public void setParameter(BeforeEvent event, Long sourceId) {
        removeAll();
        try {
            source = sources.get(sourceId);
        } catch (WorkbenchException e) {
            add(new H2("No such source"), new Span(e.getMessage()), libraryLink());
            return;
        }
        me = actor.require();
        title = source.source().title();
        editor = new AnnotationEditor(annotations, audit, scheme, this::applySaved, this::applyDeleted);
        editor.setSelectionSource(this::withSelection);
        list = new AnnotationList(scheme, a -> select(a, true));
        seesColleagues = annotations.seesColleagues(sourceId);
        everyone.setValue(actor.has(Role.SUPERVISOR) && seesColleagues);

        text.setId("source-text");
        text.setText(source.text());
        text.setLabels(scheme.labels().stream()
                .map(l -> new SourceTextElement.Label(l.name(), l.title(), l.color(), l.hotkey())).toList());
        text.addTagListener(e -> create(e.start(), e.end(), e.label()));
        text.addAnnotationSelectedListener(e -> select(visible.get(Long.valueOf(e.id())), false));
        text.addDeleteListener(e -> deleteFromKeyboard(Long.valueOf(e.id())));
        text.addEscapeListener(e -> select(null, false));
        reload();

        Div reading = new Div(header(), text);
        reading.addClassName("cb-workspace-text");
        TabSheet side = new TabSheet();
        side.addClassName("cb-workspace-side");
        side.add("Annotation", editor);
        side.add("All annotations", list);
        side.add("Provenance", new ProvenancePanel(source.source()));
        add(reading, side);
    }

    private Div header() {
        H2 heading = new H2(source.source().title());
        heading.setId("source-title");
        HorizontalLayout labels = new HorizontalLayout();
        labels.addClassName("cb-label-buttons");
        for (LabelScheme.Label label : scheme.labels()) {
            Button button = new Button(label.title() + (label.hotkey() == null ? "" : " · " + label.hotkey()),
                    e -> tagSelection(label.name()));
            button.setId("tag-" + label.name());
            button.getStyle().set("--cb-label-color", label.color());
            button.addClassName("cb-label-button");
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            labels.add(button);
        }
        everyone.setId("show-everyone");
        everyone.setEnabled(seesColleagues);
        everyone.setTooltipText(seesColleagues ? "Your colleagues' annotations are drawn dashed"
                : "Blind mode: colleagues' annotations appear once you submit this source");
        everyone.addValueChangeListener(e -> redraw());
        Checkbox snap = new Checkbox("Snap to words", true);
        snap.setId("snap-to-words");
        snap.addValueChangeListener(e -> text.setSnapToWords(e.getValue()));
        present.setId("present");
        present.setMaxItemsVisible(5);
        HorizontalLayout options = new HorizontalLayout(everyone, snap);
        HorizontalLayout progress = new HorizontalLayout();
        progress.setAlignItems(FlexComponent.Alignment.CENTER);
        workspace = new WorkspaceExtension.Workspace() {
            @Override
            public long sourceId() {
                return source.source().id();
            }

            @Override
            public com.vaadin.flow.shared.Registration onOwnChange(Runnable listener) {
                ownChangeListeners.add(listener);
                return () -> ownChangeListeners.remove(listener);
            }

            @Override
            public void visibilityChanged() {
                colleaguesMayBeVisible();
            }
        };
        extensions.stream().map(extension -> extension.toolbarItem(workspace)).filter(java.util.Objects::nonNull)
                .forEach(progress::add);
        options.setAlignItems(FlexComponent.Alignment.CENTER);
        options.addClassName("cb-workspace-options");
        progress.add(present);
        HorizontalLayout first = new HorizontalLayout(labels);
        HorizontalLayout second = new HorizontalLayout(options, progress);
        for (HorizontalLayout row : List.of(first, second)) {
            row.setWidthFull();
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            row.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
            row.addClassName("cb-workspace-row");
        }
        Div header = new Div(libraryLink(), heading, first, second);
        header.addClassName("cb-workspace-header");
        if (actor.has(Role.SUPERVISOR)) {
            Checkbox blind = new Checkbox("Blind mode", source.source().blind());
            blind.setId("blind-mode");
            blind.setTooltipText("Reviewers see colleagues' annotations only after they submit");
            blind.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    sources.setBlind(List.of(source.source().id()), e.getValue());
                    Notifications.success(e.getValue() ? "Blind mode is on for this source."
                            : "Blind mode is off for this source.");
                }
            });
            options.add(blind);
        } else if (source.source().blind()) {
            Span blind = new Span("Blind mode");
            blind.setId("blind-marker");
            blind.addClassName("cb-blind-marker");
            blind.getElement().setAttribute("title", "Colleagues' annotations appear once you submit this source");
            heading.add(blind);
        }
        return header;
    }

    private static Anchor libraryLink() {
        Anchor back = new Anchor("", "← Library");
        back.getElement().setAttribute("router-link", true);
        return back;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (source == null) {
            return;
        }
        UI ui = event.getUI();
        subscription = broadcaster.subscribe(source.source().id(), me,
                change -> ui.access(() -> applyRemote(change)),
                names -> ui.access(() -> showPresence(names)),
                sees -> ui.access(() -> visibilityPushed(sees)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    private void reload() {
        notes.clear();
        extensions.forEach(extension -> extension.tooltipNotes(source.source().id())
                .forEach((id, note) -> notes.merge(id, note, (a, b) -> a + " — " + b)));
        visible.clear();
        annotations.visible(source.source().id(), null).forEach(a -> visible.put(a.id(), a));
        redraw();
    }

    /** Full redraw: on opening, or when the choice of whose annotations to show changes. */
    private void redraw() {
        text.setHighlights(shown().stream().map(this::highlight).toList());
        list.setAnnotations(shown());
    }

    private List<AnnotationDetails> shown() {
        return visible.values().stream().filter(this::isShown).toList();
    }

    private boolean isShown(AnnotationDetails a) {
        return a.author().equals(me) || everyone.getValue() && seesColleagues;
    }

    private SourceTextElement.Highlight highlight(AnnotationDetails a) {
        LabelScheme.Label label = scheme.label(a.label()).orElseThrow();
        StringBuilder tooltip = new StringBuilder(a.label()).append(" by ").append(a.author());
        label.attributes().forEach(attribute -> {
            String value = a.attributes().get(attribute.name());
            if (value != null) {
                tooltip.append(" — ").append(attribute.title().toLowerCase()).append(": ").append(value);
            }
        });
        if (a.note() != null) {
            tooltip.append(" — note: ").append(a.note());
        }
        if (notes.containsKey(a.id())) {
            tooltip.append(" — ").append(notes.get(a.id()));
        }
        return new SourceTextElement.Highlight(String.valueOf(a.id()), a.start(), a.end(), a.label(), label.color(),
                a.author().equals(me), tooltip.toString());
    }

    private void tagSelection(String label) {
        withSelection((start, end) -> create(start, end, label));
    }

    /** Runs an action with the text selected in the browser (code points), or says to select first. */
    private void withSelection(java.util.function.BiConsumer<Integer, Integer> action) {
        text.getElement().executeJs("return this.getTextSelection()").then(result -> {
            if (result == null || result.isNull() || result.get("end").asInt() <= result.get("start").asInt()) {
                Notifications.error("Select some text first.");
                return;
            }
            action.accept(result.get("start").asInt(), result.get("end").asInt());
        });
    }

    private void create(int start, int end, String label) {
        try {
            AnnotationDetails created = annotations.create(source.source().id(),
                    AnnotationRequest.create(start, end, label, Map.of(), null));
            text.clearTextSelection();
            store(created);
            ownChangeListeners.forEach(Runnable::run);
            select(created, false);
            editor.focusFirstField();
        } catch (WorkbenchException | org.springframework.security.access.AccessDeniedException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void select(AnnotationDetails annotation, boolean reveal) {
        if (annotation == null) {
            editor.clear();
            text.setSelectedId(null);
            list.select(null);
            return;
        }
        // Imported work is nobody's live work here: only a supervisor changes it, with a reason.
        boolean mine = annotation.author().equals(me) && annotation.imported() == null;
        boolean supervisor = actor.has(Role.SUPERVISOR);
        editor.show(annotation, mine || supervisor, !mine);
        editor.setExtensionPanels(extensions.stream()
                .map(extension -> extension.annotationPanel(workspace, annotation))
                .filter(java.util.Objects::nonNull).toList());
        if (reveal) {
            text.reveal(String.valueOf(annotation.id()));
        } else {
            text.setSelectedId(String.valueOf(annotation.id()));
        }
        list.select(annotation);
    }

    private void deleteFromKeyboard(long id) {
        AnnotationDetails annotation = visible.get(id);
        if (annotation == null) {
            return;
        }
        if (!annotation.author().equals(me)) {
            select(annotation, false);
            Notifications.error(actor.has(Role.SUPERVISOR)
                    ? "To delete a colleague's annotation, give a reason in the panel and press Delete there."
                    : "You can delete only your own annotations.");
            return;
        }
        try {
            annotations.delete(id, annotation.version(), null);
            applyDeleted(annotation);
        } catch (WorkbenchException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void applySaved(AnnotationDetails saved) {
        store(saved);
        ownChangeListeners.forEach(Runnable::run);
        select(saved, false);
    }

    private void applyDeleted(AnnotationDetails deleted) {
        visible.remove(deleted.id());
        text.remove(String.valueOf(deleted.id()));
        list.setAnnotations(shown());
        if (editor.shown() != null && editor.shown().id().equals(deleted.id())) {
            editor.clear();
        }
    }

    /** Puts one annotation into the view without redrawing the rest of the text. */
    private void store(AnnotationDetails annotation) {
        visible.put(annotation.id(), annotation);
        if (isShown(annotation)) {
            text.upsert(highlight(annotation));
        } else {
            text.remove(String.valueOf(annotation.id()));
        }
        list.setAnnotations(shown());
    }

    /** A colleague's committed change: shown at once, without touching a selection in progress. */
    private void applyRemote(AnnotationChanged change) {
        if (change.isDeletion()) {
            AnnotationDetails gone = visible.get(change.deletedId());
            if (gone != null) {
                applyDeleted(gone);
            }
            return;
        }
        AnnotationDetails annotation = change.annotation();
        if (!annotation.author().equals(me) && !seesColleagues) {
            return;
        }
        AnnotationDetails before = visible.get(annotation.id());
        if (before != null && before.version() >= annotation.version()) {
            return;
        }
        store(annotation);
        if (editor.shown() != null && editor.shown().id().equals(annotation.id()) && !change.actor().equals(me)) {
            Notifications.error(change.actor() + " just changed this annotation; the panel shows their version.");
            select(annotation, false);
        }
    }

    private void showPresence(Set<String> names) {
        present.setItems(names.stream().filter(n -> !n.equals(me))
                .map(n -> new AvatarGroup.AvatarGroupItem(n)).toList());
        present.getElement().setAttribute("title", names.size() <= 1 ? "Only you have this source open"
                : "Also here: " + String.join(", ", names.stream().filter(n -> !n.equals(me)).toList()));
        present.getElement().setAttribute("data-names", String.join(",", names));
    }

    private void colleaguesMayBeVisible() {
        visibilityPushed(annotations.seesColleagues(source.source().id()));
    }

    /**
     * Whether the viewer may see colleagues' annotations changed (a submission, or blind mode switched
     * by a supervisor): what they may no longer see leaves the view at once, what they now may is loaded.
     */
    void visibilityPushed(boolean sees) {
        boolean couldSee = seesColleagues;
        seesColleagues = sees;
        everyone.setEnabled(seesColleagues);
        everyone.setTooltipText(seesColleagues ? "Your colleagues' annotations are drawn dashed"
                : "Blind mode: colleagues' annotations appear once you submit this source");
        if (!couldSee && seesColleagues) {
            reload();
        } else if (couldSee && !seesColleagues) {
            visible.values().removeIf(a -> !a.author().equals(me));
            notes.clear();
            if (editor.shown() != null && !editor.shown().author().equals(me)) {
                editor.clear();
                text.setSelectedId(null);
            }
            redraw();
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · Corroborate";
    }
}
