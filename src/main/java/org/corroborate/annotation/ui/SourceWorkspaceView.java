package org.corroborate.annotation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.corroborate.annotation.AnnotationBroadcaster;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.annotation.ReviewChanged;
import org.corroborate.annotation.relation.RelationBroadcaster;
import org.corroborate.annotation.relation.RelationService;
import org.corroborate.audit.AuditService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.NoSuchObject;
import org.corroborate.base.ui.Notifications;
import org.corroborate.base.ui.ReasonDialog;
import org.corroborate.base.ui.StateBadge;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.project.ProjectService;
import org.corroborate.project.ui.CurrentProject;
import org.corroborate.source.SourceDetails;
import org.corroborate.annotation.version.SourceRevisionService;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.corroborate.source.ui.Pages;
import org.corroborate.source.ui.ProvenancePanel;
import org.corroborate.source.ui.WorkQueue;
import org.corroborate.base.ui.PersonMark;

/**
 * Where a reviewer annotates one source: the text with highlights, label buttons and hotkeys,
 * the selected annotation's editor, the list of annotations, the source's provenance, and
 * colleagues' changes arriving live. What is shown and what may be done is decided by
 * {@link WorkspaceModel}; this view binds it to components.
 */
@Route("sources")
@PermitAll
public class SourceWorkspaceView extends Div implements HasUrlParameter<Long>, HasDynamicTitle, BeforeLeaveObserver {

    private final SourceService sources;
    private final AnnotationService annotations;
    private final List<WorkspaceExtension> extensions;
    private final AuditService audit;
    private final AnnotationBroadcaster broadcaster;
    private final CurrentActor actor;
    private final SchemeService schemes;
    private final ProjectService projects;
    private final CurrentProject currentProject;
    private final RelationService relationService;
    private final RelationBroadcaster relationBroadcaster;
    private WorkspaceRelations relations;
    private LabelScheme scheme;
    private GuidelinesPanel guidelines;

    private final SourceTextElement text = new SourceTextElement();
    private final Anchor skipLink = skipLink();
    /** Mine, Everyone's or Gold: what the text shows, remembered per person ({@link LayerPreference}). */
    private final RadioButtonGroup<WorkspaceModel.Layer> layers = new RadioButtonGroup<>();
    private final LayerPreference layerPreference;
    private final WorkQueue queue;
    private WorkQueue.Place place;
    /** Who the colleagues drawn in the text are: their initials and colours, beside the text. */
    private final Div legend = new Div();
    /** As many patterns as frontend/components/source-text/styles.ts draws (LABEL_PATTERNS). */
    private static final int LABEL_PATTERNS = 5;
    private GoldPanel goldPanel;
    private final AvatarGroup present = new AvatarGroup();
    private WorkspaceModel model;
    private WorkspaceExtension.Workspace workspace;
    private AnnotationEditor editor;
    private AnnotationList list;
    private SourceDetails source;
    private AnnotationBroadcaster.Subscription subscription;
    private String title = "Source";
    private final Button undo = new Button("Undo");
    private final Button redo = new Button("Redo");
    /** Says what the last undo or redo did, for screen readers and anyone looking. */
    private final Span undoStatus = new Span();
    private final SourceRevisionService revisions;
    private PageStatus pageStatus;
    private H2 sourceTitle;
    private OrphanedPanel orphaned;
    private Runnable stopWatchingHistory = () -> { };

    public SourceWorkspaceView(SourceService sources, AnnotationService annotations, List<WorkspaceExtension> extensions,
                               AnnotationBroadcaster broadcaster, CurrentActor actor, SchemeService schemes, ProjectService projects,
                               AuditService audit, CurrentProject currentProject, LayerPreference layerPreference,
                               WorkQueue queue, RelationService relationService, RelationBroadcaster relationBroadcaster,
                               SourceRevisionService revisions) {
        this.revisions = revisions;
        this.relationService = relationService;
        this.relationBroadcaster = relationBroadcaster;
        this.layerPreference = layerPreference;
        this.queue = queue;
        this.audit = audit;
        this.currentProject = currentProject;
        this.sources = sources;
        this.annotations = annotations;
        this.extensions = extensions;
        this.broadcaster = broadcaster;
        this.actor = actor;
        this.schemes = schemes;
        this.projects = projects;
        addClassName("cb-workspace");
        setSizeFull();
        getElement().addEventListener("cb-undo", e -> undo());
        getElement().addEventListener("cb-redo", e -> redo());
    }

    @Override
    public void setParameter(BeforeEvent event, Long sourceId) {
        removeAll();
        try {
            source = sources.get(sourceId);
        } catch (WorkbenchException e) {
            event.rerouteToError(new NoSuchObject("No such source", e.getMessage()), e.getMessage());
            return;
        }
        title = source.source().title();
        long projectId = source.source().project();
        currentProject.set(projectId); // the frame's project switcher then names the source's project
        place = queue.around(projectId, sourceId);
        scheme = schemes.current(projectId);
        guidelines = new GuidelinesPanel(projects.guidelines(projectId));
        model = new WorkspaceModel(sourceId, new WorkspaceModel.Viewer(actor.require(),
                        projects.holds(projectId, Role.SUPERVISOR)),
                scheme, WorkspaceModel.Annotations.of(annotations), this::tooltipNotes, this::goldLayer, new Screen());
        goldPanel = new GoldPanel(scheme);
        model.useHistory(UndoHistories.of(event.getUI(), sourceId));
        editor = new AnnotationEditor(annotations, audit, scheme, model::changed, model::seen, model::delete);
        // The selection a span moved to is used up, as after tagging: left selected, the next click on
        // the text would only clear it instead of selecting what was clicked.
        editor.setSelectionSource(action -> withSelection((start, end) -> {
            action.accept(start, end);
            text.clearTextSelection();
        }));
        editor.setOnEscape(() -> guarded(() -> {
            model.select(null, false);
            text.focusText();
        }));
        list = new AnnotationList(scheme, a -> guarded(() -> model.select(a, true)), model::query, model::mark);
        list.setPages(pagesOf(source.source()));
        editor.setPages(pagesOf(source.source()));
        workspace = new WorkspaceExtension.Workspace() {
            @Override
            public long sourceId() {
                return sourceId;
            }

            @Override
            public Registration onOwnChange(Runnable listener) {
                return model.onOwnChange(listener)::run;
            }

            @Override
            public void visibilityChanged() {
                model.refreshVisibility();
            }

            @Override
            public Registration onReviewChange(Consumer<ReviewChanged> listener) {
                return model.onReviewChange(listener)::run;
            }

            @Override
            public boolean hasNext() {
                return place.next() != null;
            }

            @Override
            public void openNext() {
                if (place.next() != null) {
                    getUI().ifPresent(ui -> ui.navigate("sources/" + place.next()));
                }
            }

            @Override
            public void recordUndoable(UndoableAction action) {
                model.history().record(action);
            }
        };

        text.setId("source-text");
        text.setText(source.text());
        Pages pages = pagesOf(source.source());
        text.setPageStarts(pages.starts());
        pageStatus = new PageStatus(pages);
        text.addCaretPageListener(e -> pageStatus.caretOn(e.page()));
        // Archived labels are drawn but take no hotkey: they are not offered for new spans.
        text.setLabels(scheme.labels().stream()
                .map(l -> new SourceTextElement.Label(l.name(), l.title(), l.color(), l.archived() ? null : l.hotkey()))
                .toList());
        text.addTagListener(e -> guarded(() -> create(e.start(), e.end(), e.label())));
        text.addAnnotationSelectedListener(e -> guarded(() -> model.selectById(e.id())));
        text.addDeleteListener(e -> guarded(() -> model.deleteFromKeyboard(e.id())));
        text.addEscapeListener(e -> guarded(() -> model.select(null, false)));
        text.addOpenListener(e -> guarded(() -> {
            model.selectById(e.id());
            if (editor.isVisible() && editor.shown() != null) {
                editor.focusFirstField();
            }
        }));
        text.setGlobalKeys(true);
        text.setKeymap(Keymap.GROUPS);
        relations = new WorkspaceRelations(relationService, relationBroadcaster, text, scheme, sourceId,
                actor.require(), projects.holds(projectId, Role.SUPERVISOR),
                id -> model.shown().stream().filter(a -> a.id() == id).findFirst(),
                action -> model.history().record(action),
                action -> guarded(() -> undoStatus.setText(model.undo(action).message())));
        model.open(layerPreference.chosen().orElse(null));
        relations.reload();
        if (model.readOnly() != null) {
            editor.readOnly();
        }
        layers.setItems(WorkspaceModel.Layer.values());
        layers.setItemLabelGenerator(WorkspaceModel.Layer::title);
        layers.setValue(model.layer());
        layers.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() != model.layer()) {
                model.show(e.getValue());
                if (e.isFromClient()) {
                    layerPreference.choose(model.layer());
                }
            }
        });

        legend.setId("colleague-legend");
        legend.addClassName("cb-colleague-legend");
        legend.getElement().setAttribute("aria-label", "Who is who in the text");
        Div reading = new Div(header(), legend, text, pageStatus);
        reading.addClassName("cb-workspace-text");
        TabSheet side = new TabSheet();
        side.addClassName("cb-workspace-side");
        // Orphans (a new version did not find their quotes) head the Annotation tab while there are any;
        // the versions follow the provenance: more tabs would overflow the side panel.
        orphaned = new OrphanedPanel(scheme, () -> orphansOf(sourceId), orphan -> guarded(() -> {
            model.select(orphan, false);
            editor.moveShownToSelection(() -> orphaned.refresh());
        }));
        orphaned.setVisible(orphaned.count() > 0);
        side.add("Annotation", new Div(orphaned, goldPanel, editor));
        side.add("All annotations", list);
        side.add("Provenance", new Div(provenancePanel(projectId), versionsPanel(sourceId, projectId)));
        add(reading, guidelines, side);
        revealAsked(event);
    }

    /**
     * {@code ?at=START-END} (code points), as the agreement dashboard links to a disagreement: show that place.
     * With {@code &annotation=ID} (a search hit), that annotation is selected and flashed, switching from
     * Mine to Everyone's when it is a colleague's that blind mode lets the viewer see; an annotation not
     * shown falls back to the place.
     */
    private void revealAsked(BeforeEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        if (parameters.getSingleParameter("annotation").filter(this::revealAnnotation).isPresent()) {
            return;
        }
        parameters.getSingleParameter("at").ifPresent(at -> {
            String[] range = at.split("-", 2);
            try {
                int start = Integer.parseInt(range[0].strip());
                int end = range.length > 1 ? Integer.parseInt(range[1].strip()) : start;
                text.revealRange(start, end);
            } catch (NumberFormatException e) {
                // A mistyped place opens the source at its start, as a link without one does.
            }
        });
    }

    /** Selects and reveals a shown annotation by its id (text); false when it is not shown. */
    private boolean revealAnnotation(String id) {
        if (!id.chars().allMatch(Character::isDigit) || id.isEmpty() || id.length() > 18) {
            return false;
        }
        long wanted = Long.parseLong(id);
        if (model.shown().stream().noneMatch(a -> a.id() == wanted) && model.layer() == WorkspaceModel.Layer.MINE
                && model.offers(WorkspaceModel.Layer.EVERYONE)) {
            layers.setValue(WorkspaceModel.Layer.EVERYONE);
        }
        if (model.shown().stream().noneMatch(a -> a.id() == wanted)) {
            return false;
        }
        model.selectById(id);
        text.reveal(id);
        return true;
    }

    /** The pages of a paged source (a PDF), for its page breaks and the pages of the caret and spans. */
    private static Pages pagesOf(SourceSummary source) {
        return Pages.of(source.pages());
    }

    /**
     * The Provenance tab: the source's provenance, its original file (for a document) and, for those who
     * may edit it (its project's overseers and the person who imported it), its editing through
     * {@link SourceService#editProvenance} (version checked: 409 when someone else edited it meanwhile).
     */
    private ProvenancePanel provenancePanel(long projectId) {
        SourceSummary summary = source.source();
        ProvenancePanel.Original original = summary.originalSha256() == null ? null
                : new ProvenancePanel.Original(summary.originFileName(), summary.mediaType(),
                source.originalSize() == null ? 0 : source.originalSize(), summary.originalSha256(),
                source.documentMetadata(), () -> sources.original(summary.id()).content());
        boolean mayEdit = projects.oversees(projectId) || actor.require().equals(summary.importedBy());
        ProvenancePanel.Editor editor = !mayEdit ? null : change -> {
            Map<String, String> fields = new HashMap<>();
            fields.put("title", change.title());
            fields.put("publisher", change.publisher());
            fields.put("author", change.author());
            fields.put("url", change.url());
            fields.put("published", change.published() == null ? null : change.published().toString());
            return sources.editProvenance(change.source(), fields, change.version(), null);
        };
        return new ProvenancePanel(summary, original, editor, saved -> {
            title = saved.title();
            sourceTitle.setText(saved.title());
        });
    }

    /**
     * The Versions tab: the source's versions, and for its project's overseers "New version", whose
     * dialog adds the version through {@link SourceRevisionService} (re-anchoring every annotation) and
     * shows the report; closing it after a version was added opens the source's new text.
     */
    private VersionsPanel versionsPanel(long sourceId, long projectId) {
        if (!projects.oversees(projectId)) {
            return new VersionsPanel(sources, sourceId, null);
        }
        int basedOn = sources.currentVersion(sourceId);
        NewVersionDialog.Revise revise = new NewVersionDialog.Revise() {
            @Override
            public ReanchorReportView fromText(String text, String note) {
                return ReanchorReportView.of(revisions.revise(sourceId, basedOn, sources.versionFromText(text), note));
            }

            @Override
            public ReanchorReportView fromFile(String fileName, byte[] content, String note) {
                return ReanchorReportView.of(revisions.revise(sourceId, basedOn,
                        sources.versionFromFile(fileName, content), note));
            }
        };
        long maxFile = Math.max(sources.maxFileBytes(), sources.maxFileBytes("version.pdf"));
        return new VersionsPanel(sources, sourceId, () -> new NewVersionDialog(maxFile, revise,
                () -> getUI().ifPresent(ui -> ui.getPage().reload())).open());
    }

    /** The source's annotations a new version orphaned, as the viewer sees them. */
    private List<AnnotationDetails> orphansOf(long sourceId) {
        return model.orphans();
    }

    /** The gold layer as the extensions read it (the adjudication service's read path, blind mode included). */
    private List<GoldMark> goldLayer(long sourceId) {
        return extensions.stream().flatMap(extension -> extension.goldLayer(sourceId).stream()).toList();
    }

    /** The extensions' tooltip lines for a source, joined per annotation. */
    private Map<Long, String> tooltipNotes(long sourceId) {
        Map<Long, String> notes = new HashMap<>();
        extensions.forEach(extension -> extension.tooltipNotes(sourceId)
                .forEach((id, note) -> notes.merge(id, note, (a, b) -> a + " — " + b)));
        return notes;
    }

    private Div header() {
        H2 heading = new H2(source.source().title());
        sourceTitle = heading;
        heading.setId("source-title");
        HorizontalLayout labels = new HorizontalLayout();
        labels.addClassName("cb-label-buttons");
        for (LabelScheme.Label label : scheme.offered()) {
            Button button = new Button(label.title() + (label.hotkey() == null ? "" : " · " + label.hotkey()),
                    e -> withSelection((start, end) -> create(start, end, label.name())));
            button.setId("tag-" + label.name());
            button.getStyle().set("--cb-label-color", label.color())
                    // the label's pattern in the text (styles.ts), so that the buttons are its legend
                    .set("--cb-label-pattern", "var(--cb-pattern-" + scheme.labels().indexOf(label) % LABEL_PATTERNS + ")");
            button.addClassName("cb-label-button");
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            if (label.description() != null && !label.description().isBlank()) {
                button.setTooltipText(label.description());
            }
            button.setEnabled(model.readOnly() == null);
            labels.add(button);
        }
        layers.setId("layer");
        layers.setAriaLabel("Show");
        layers.addClassName("cb-layer-switch");
        showColleaguesAllowed(model.seesColleagues());
        Checkbox snap = new Checkbox("Snap to words", true);
        snap.setId("snap-to-words");
        snap.addValueChangeListener(e -> text.setSnapToWords(e.getValue()));
        present.setId("present");
        present.setMaxItemsVisible(5);
        HorizontalLayout options = new HorizontalLayout(undoButtons(), layers, snap, guidelines.toggle());
        options.setAlignItems(FlexComponent.Alignment.CENTER);
        options.addClassName("cb-workspace-options");
        HorizontalLayout progress = new HorizontalLayout();
        progress.setAlignItems(FlexComponent.Alignment.CENTER);
        extensions.stream().map(extension -> extension.toolbarItem(workspace)).filter(Objects::nonNull)
                .forEach(progress::add);
        progress.add(present);
        HorizontalLayout first = new HorizontalLayout(labels);
        HorizontalLayout second = new HorizontalLayout(options, progress);
        for (HorizontalLayout row : List.of(first, second)) {
            row.setWidthFull();
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            row.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
            row.addClassName("cb-workspace-row");
        }
        Div header = new Div(queueBar(), heading, first, second);
        header.addClassName("cb-workspace-header");
        if (model.readOnly() != null) {
            // Said before anything is tried: the source is the viewer's to read, not to annotate.
            Div notice = new Div(new Span("Read only. "), new Span(model.readOnly()));
            notice.setId("read-only-notice");
            notice.addClassName("cb-read-only-notice");
            notice.getElement().setAttribute("role", "status");
            header.addComponentAtIndex(2, notice);
        }
        if (model.maySwitchBlindMode()) {
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
        } else if (model.showsBlindMarker(source.source().blind())) {
            StateBadge blind = StateBadge.blindMode("Blind mode",
                    "Colleagues' annotations appear once you submit this source");
            blind.setId("blind-marker");
            heading.add(blind);
        }
        return header;
    }

    /**
     * The library link and the work queue: previous and next source in the order of the library's
     * listing as the viewer left it (or of their assigned sources), with where this one stands.
     */
    private Div queueBar() {
        Button previous = new Button("‹ Previous", e -> getUI().ifPresent(ui -> ui.navigate("sources/" + place.previous())));
        previous.setId("previous-source");
        previous.setEnabled(place.previous() != null);
        Button next = new Button("Next ›", e -> getUI().ifPresent(ui -> ui.navigate("sources/" + place.next())));
        next.setId("next-source");
        next.setEnabled(place.next() != null);
        for (Button button : List.of(previous, next)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        Span where = new Span(place.position() == 0 ? place.name()
                : place.position() + " of " + place.size() + " · " + place.name());
        where.setId("queue-position");
        where.addClassName("cb-muted");
        Div bar = new Div(libraryLink(), previous, where, next);
        bar.addClassName("cb-queue-bar");
        return bar;
    }

    private static Anchor skipLink() {
        Anchor link = new Anchor("#source-text", "Skip to text");
        link.setId("skip-to-text");
        link.addClassName("cb-skip-to-text");
        return link;
    }

    /** The Undo and Redo buttons, their tooltips naming what they would undo or redo. */
    private HorizontalLayout undoButtons() {
        undo.setId("undo");
        redo.setId("redo");
        undo.setIcon(VaadinIcon.ARROW_BACKWARD.create());
        redo.setIcon(VaadinIcon.ARROW_FORWARD.create());
        redo.setIconAfterText(true);
        for (Button button : List.of(undo, redo)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        undo.addClickListener(e -> undo());
        redo.addClickListener(e -> redo());
        undoStatus.setId("undo-status");
        undoStatus.addClassName("cb-visually-hidden");
        undoStatus.getElement().setAttribute("role", "status");
        HorizontalLayout buttons = new HorizontalLayout(undo, redo, undoStatus);
        buttons.setSpacing(false);
        buttons.addClassName("cb-undo-buttons");
        stopWatchingHistory.run();
        stopWatchingHistory = model.history().onChange(this::showHistory);
        showHistory();
        return buttons;
    }

    private void showHistory() {
        UndoHistory history = model.history();
        undo.setEnabled(history.nextUndo().isPresent());
        redo.setEnabled(history.nextRedo().isPresent());
        undo.setTooltipText(history.nextUndo().map(a -> "Undo " + a.description() + " (Ctrl+Z)")
                .orElse("Nothing to undo in this source"));
        redo.setTooltipText(history.nextRedo().map(a -> "Redo " + a.description() + " (Ctrl+Shift+Z)")
                .orElse("Nothing to redo"));
        undo.getElement().setAttribute("aria-label", history.nextUndo().map(a -> "Undo " + a.description())
                .orElse("Undo"));
        redo.getElement().setAttribute("aria-label", history.nextRedo().map(a -> "Redo " + a.description())
                .orElse("Redo"));
        // The browser shows the next step's effect on the text at the key press or click, before the
        // server has done it (the round trip is most of an undo's time); the server's drawing follows.
        getElement().executeJs("this.$cbPreview = {undo: $0, redo: $1}", preview(model.undoPreview()),
                preview(model.redoPreview()));
    }

    private static tools.jackson.databind.node.BaseJsonNode preview(WorkspaceModel.Preview preview) {
        var node = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (preview != null && preview.hide() != null) {
            node.put("hide", preview.hide());
        }
        if (preview != null && preview.show() != null) {
            node.set("show", SourceTextElement.json(preview.show()));
        }
        return node;
    }

    private void undo() {
        guarded(() -> model.undo().ifPresent(outcome -> undoStatus.setText(outcome.message())));
    }

    private void redo() {
        guarded(() -> model.redo().ifPresent(outcome -> undoStatus.setText(outcome.message())));
    }

    /**
     * Runs what would leave the editor (another annotation, Esc, an undo, a new span) at once when
     * nothing there is unsaved; otherwise asks first: Save, Discard or Keep editing.
     */
    private void guarded(Runnable proceed) {
        if (editor == null || !editor.isUnsaved()) {
            proceed.run();
            return;
        }
        AnnotationDetails open = editor.shown();
        new UnsavedChangesDialog(() -> {
            if (editor.save()) {
                proceed.run();
            }
        }, () -> {
            editor.discard();
            proceed.run();
        }, () -> {
            text.setSelectedId(String.valueOf(open.id()));
            editor.focusFirstField();
        }).open();
    }

    /** Leaving the workspace (another route, the library, a link) with unsaved edits asks first. */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (editor == null || !editor.isUnsaved()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction leave = event.postpone();
        new UnsavedChangesDialog(() -> {
            if (editor.save()) {
                leave.proceed();
            }
        }, () -> {
            editor.discard();
            leave.proceed();
        }, editor::focusFirstField).open();
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
        addSkipLink();
        UI ui = event.getUI();
        guidelines.restore(ui);
        // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y anywhere in the workspace but inside a text field (where they
        // undo typing); closing the tab with unsaved edits in the editor asks the browser's question.
        getElement().executeJs("""
                const view = this;
                if (view.$cbKeys) { document.removeEventListener('keydown', view.$cbKeys); }
                view.$cbKeys = e => {
                  if (!view.isConnected) { document.removeEventListener('keydown', view.$cbKeys); return; }
                  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
                  const key = e.key.toLowerCase();
                  const redo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey);
                  if (key !== 'z' && !redo) return;
                  // a field that takes typing keeps its own undo; a check box or radio button does not
                  const typing = e.composedPath().some(n => n instanceof HTMLElement && (n.isContentEditable
                      || ['TEXTAREA', 'SELECT'].includes(n.tagName)
                      || (n.tagName === 'INPUT' && !['checkbox', 'radio', 'button'].includes(n.type))));
                  if (typing || document.querySelector('vaadin-dialog-overlay[opened], vaadin-dialog[opened]')) return;
                  e.preventDefault();
                  view.$cbForesee(redo ? 'redo' : 'undo');
                  view.dispatchEvent(new CustomEvent(redo ? 'cb-redo' : 'cb-undo'));
                };
                view.$cbForesee = which => {
                  const step = view.$cbPreview && view.$cbPreview[which];
                  const text = document.getElementById('source-text');
                  if (!step || !text || document.querySelector('#annotation-editor[data-unsaved="true"]')) return;
                  view.$cbPreview[which] = null;
                  if (step.hide) text.removeAnnotation(step.hide);
                  if (step.show) text.upsertAnnotation(step.show);
                };
                for (const which of ['undo', 'redo']) {
                  const button = document.getElementById(which);
                  if (button && !button.$cbForeseen) {
                    button.$cbForeseen = true;
                    button.addEventListener('click', () => view.$cbForesee(which), true);
                  }
                }
                document.addEventListener('keydown', view.$cbKeys);
                if (!window.$cbUnsavedGuard) {
                  window.$cbUnsavedGuard = e => {
                    if (document.querySelector('#annotation-editor[data-unsaved="true"]')) {
                      e.preventDefault();
                      e.returnValue = '';
                    }
                  };
                  window.addEventListener('beforeunload', window.$cbUnsavedGuard);
                }
                """);
        relations.listen(ui);
        subscription = broadcaster.subscribe(source.source().id(), actor.require(),
                change -> ui.access(() -> model.remoteChange(change)),
                names -> ui.access(() -> showPresence(names)),
                sees -> ui.access(() -> model.visibilityChanged(sees)),
                review -> ui.access(() -> model.reviewChanged(review)));
        // The heartbeat that keeps the viewer present for colleagues; a browser that stops beating leaves.
        getElement().executeJs("clearInterval(this.__cbBeat); const view = this;"
                + "this.__cbBeat = setInterval(() => view.$server.presenceBeat(), $0)", broadcaster.heartbeat().toMillis());
    }

    /** The browser's heartbeat: this view is still open. */
    @ClientCallable
    private void presenceBeat() {
        if (subscription != null) {
            subscription.beat();
        }
    }

    /**
     * "Skip to text", the first Tab stop of the page (first in the frame's navigation bar), shown
     * when focused; the text component focuses itself when it is followed (Alt+T does the same).
     */
    private void addSkipLink() {
        AppLayout layout = findAncestor(AppLayout.class);
        if (layout != null) {
            skipLink.removeFromParent();
            skipLink.getElement().setAttribute("slot", "navbar");
            layout.getElement().insertChild(0, skipLink.getElement());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        getElement().executeJs("clearInterval(this.__cbBeat)");
        skipLink.removeFromParent();
        stopWatchingHistory.run();
        if (relations != null) {
            relations.close();
        }
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    private void create(int start, int end, String label) {
        if (model.create(start, end, label) != null) {
            text.clearTextSelection();
            editor.focusFirstField();
        }
    }

    /** Runs an action with the text selected in the browser (code points), or says to select first. */
    private void withSelection(BiConsumer<Integer, Integer> action) {
        text.getElement().executeJs("return this.getTextSelection()").then(result -> {
            if (result == null || result.isNull() || result.get("end").asInt() <= result.get("start").asInt()) {
                Notifications.warning("Select some text first.");
                return;
            }
            action.accept(result.get("start").asInt(), result.get("end").asInt());
        });
    }

    private void showPresence(Set<String> names) {
        WorkspaceModel.Presence presence = model.presence(names);
        List<AvatarGroup.AvatarGroupItem> avatars = new java.util.ArrayList<>();
        for (String name : presence.others()) {
            // Each avatar in the person's own colour: the group's user colour i is set to it.
            PersonMark mark = model.mark(name);
            AvatarGroup.AvatarGroupItem avatar = new AvatarGroup.AvatarGroupItem(name);
            avatar.setAbbreviation(mark.initials());
            avatar.setColorIndex(avatars.size());
            present.getStyle().set("--vaadin-user-color-" + avatars.size(), mark.color());
            avatars.add(avatar);
        }
        present.setItems(avatars);
        present.getElement().setAttribute("title", presence.title());
        present.getElement().setAttribute("data-names", String.join(",", names));
    }

    private void showColleaguesAllowed(boolean allowed) {
        layers.setItemEnabledProvider(model::offers);
        layers.setTooltipText(model.everyoneHint());
        if (!allowed) {
            layers.setValue(model.layer());
        }
    }

    /** The legend beside the text: each author drawn, with their initials in their colour; colleagues dashed. */
    private void showLegend(List<String> authors) {
        legend.removeAll();
        List<String> drawn = authors.stream().filter(name -> !name.isEmpty()).toList();
        boolean colleagues = drawn.stream().anyMatch(name -> !name.equals(actor.require()));
        legend.setVisible(colleagues);
        if (!colleagues) {
            return;
        }
        legend.add(new Span("In the text: "));
        for (String name : drawn) {
            PersonMark mark = model.mark(name);
            boolean me = name.equals(actor.require());
            Span badge = new Span(mark.initials());
            badge.addClassName("cb-person-badge");
            badge.getStyle().set("background", mark.color());
            Span line = new Span();
            line.addClassName(me ? "cb-legend-solid" : "cb-legend-dashed");
            line.getStyle().set("--cb-person-color", mark.color());
            Span entry = new Span(badge, new Span(me ? name + " (you)" : name), line);
            entry.addClassName("cb-legend-entry");
            entry.getElement().setAttribute("data-person", name);
            entry.getElement().setAttribute("data-initials", mark.initials());
            entry.getElement().setAttribute("data-color", mark.color());
            legend.add(entry);
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · Corroborate";
    }

    /** The model's instructions, carried out on this view's components. */
    private final class Screen implements WorkspaceModel.Display {

        @Override
        public void drawAll(List<Highlight> highlights) {
            text.setHighlights(highlights);
        }

        @Override
        public void draw(Highlight highlight) {
            text.upsert(highlight);
        }

        @Override
        public void erase(long annotationId) {
            text.remove(String.valueOf(annotationId));
        }

        @Override
        public void list(WorkspaceModel.Listing listing) {
            list.show(listing);
            showLegend(listing.reviewers());
        }

        @Override
        public void open(AnnotationDetails annotation, WorkspaceModel.Access access, boolean reveal) {
            goldPanel.clear();
            editor.setVisible(true);
            editor.show(annotation, access.editable(), access.needsReason());
            List<com.vaadin.flow.component.Component> panels = new java.util.ArrayList<>();
            panels.add(relations.panel(annotation, model.readOnly() == null));
            extensions.stream().map(extension -> extension.annotationPanel(workspace, annotation))
                    .filter(Objects::nonNull).forEach(panels::add);
            editor.setExtensionPanels(panels);
            if (reveal) {
                text.reveal(String.valueOf(annotation.id()));
            } else {
                text.setSelectedId(String.valueOf(annotation.id()));
            }
            list.select(annotation);
            pageStatus.selected(annotation.start(), annotation.end());
        }

        @Override
        public void layerShown(WorkspaceModel.Layer layer) {
            layers.setValue(layer);
            close();
        }

        @Override
        public void openGold(GoldMark mark) {
            editor.clear();
            editor.setVisible(false);
            list.select(null);
            goldPanel.show(mark);
            text.setSelectedId(mark.highlightId());
        }

        @Override
        public void close() {
            boolean gold = model.layer() == WorkspaceModel.Layer.GOLD;
            if (gold) {
                goldPanel.prompt(!model.goldShown().isEmpty());
            } else {
                goldPanel.clear();
            }
            editor.clear();
            editor.setVisible(!gold);
            text.setSelectedId(null);
            list.select(null);
            pageStatus.selected(null, null);
        }

        @Override
        public void colleaguesAllowed(boolean allowed) {
            showColleaguesAllowed(allowed);
        }

        @Override
        public void askReasonToDelete(AnnotationDetails annotation) {
            new ReasonDialog("Delete " + annotation.author() + "'s " + scheme.titleOf(annotation.label()) + " “"
                    + (annotation.text().length() > 40 ? annotation.text().substring(0, 39) + "…" : annotation.text())
                    + "”", "Delete", reason -> model.delete(annotation, reason)).setDestructive().open();
        }

        @Override
        public void askRequired(int start, int end, String label, List<LabelScheme.Attribute> required) {
            Dialog dialog = new Dialog("New " + scheme.titleOf(label) + ": " + (required.size() == 1 ? "its required attribute"
                    : "its required attributes"));
            dialog.setId("required-dialog");
            Map<String, AbstractField<?, String>> fields = new LinkedHashMap<>();
            for (LabelScheme.Attribute attribute : required) {
                AbstractField<?, String> field = AttributeFieldFactory.field(attribute, null,
                        () -> annotations.suggestions(source.source().id(), attribute.name()));
                fields.put(attribute.name(), field);
                dialog.add(field);
            }
            Button confirm = new Button("Create", e -> {
                Map<String, String> values = new LinkedHashMap<>();
                fields.forEach((name, field) -> {
                    if (field.getValue() != null && !field.getValue().isBlank()) {
                        values.put(name, field.getValue());
                    }
                });
                model.create(start, end, label, values);
                dialog.close();
                text.clearTextSelection();
            });
            confirm.setId("required-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
            dialog.open();
            fields.values().stream().findFirst().ifPresent(field -> ((Focusable<?>) field).focus());
        }

        @Override
        public void warn(String message) {
            Notifications.warning(message);
        }

        @Override
        public void inform(String message) {
            Notifications.info(message);
        }

        @Override
        public void offerUndo(String message, UndoableAction deletion) {
            Notifications.undoable(message, () -> guarded(() -> undoStatus.setText(model.undo(deletion).message())));
        }

        @Override
        public void changedUnderneath(AnnotationDetails theirs, String actor, WorkspaceModel.Access access) {
            AnnotationDetails open = editor.shown();
            if (open != null && open.id().equals(theirs.id()) && editor.isUnsaved()) {
                editor.conflict(theirs, actor);
                return;
            }
            inform(actor + " just changed this annotation; the panel shows their version.");
            open(theirs, access, false);
        }
    }
}
