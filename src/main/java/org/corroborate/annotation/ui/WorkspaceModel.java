package org.corroborate.annotation.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.corroborate.annotation.AnnotationChanged;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.annotation.LabelledSpanRules;
import org.corroborate.annotation.ReviewChanged;
import org.corroborate.base.ui.LabelChip;
import org.corroborate.base.ui.PersonMark;
import org.corroborate.scheme.LabelScheme;

/**
 * The annotation workspace of one source without Vaadin: which annotations the viewer sees (blind
 * mode, the Mine / Everyone's / Gold switch, the list's filters and order), which one is selected, how each
 * is highlighted, what the viewer may do to it, and how a change (the viewer's own, or a colleague's
 * pushed live) alters what is shown. {@link SourceWorkspaceView} binds it to components through
 * {@link Display}; failures of the service calls propagate to the caller (in the UI, the session's
 * error handler), after which nothing shown has changed.
 */
final class WorkspaceModel {

    /** The filter value that lets everything through. */
    static final String ALL = "";

    private final long sourceId;
    private final Viewer viewer;
    private final LabelScheme scheme;
    private final Annotations annotations;
    private final LongFunction<Map<Long, String>> tooltipNotes;
    private final LongFunction<List<GoldMark>> goldLayer;
    private final Display display;

    private final Map<Long, AnnotationDetails> visible = new LinkedHashMap<>();
    private final Map<Long, String> notes = new HashMap<>();
    private final List<Runnable> ownChangeListeners = new CopyOnWriteArrayList<>();
    private final Map<String, GoldMark> gold = new LinkedHashMap<>();
    private final List<Consumer<ReviewChanged>> reviewListeners = new CopyOnWriteArrayList<>();
    private boolean seesColleagues;
    /** Why the viewer may not annotate this source (not assigned to them), or null when they may. */
    private String readOnly;
    private Layer layer = Layer.MINE;
    private AnnotationQuery query = AnnotationQuery.EVERYTHING;
    /** Everyone on screen (authors shown, people present, the viewer) and their marks. */
    private Set<String> people = Set.of();
    private Set<String> presentNames = Set.of();
    private Map<String, PersonMark> marks = Map.of();
    private AnnotationDetails selected;
    private UndoHistory history = new UndoHistory();

    /**
     * What the text shows: the viewer's annotations, everyone's (when blind mode allows), or the gold
     * layer, read-only. Each person's choice is remembered by name ({@link LayerPreference}).
     */
    enum Layer {
        MINE("Mine"), EVERYONE("Everyone's"), GOLD("Gold");

        private final String title;

        Layer(String title) {
            this.title = title;
        }

        String title() {
            return title;
        }
    }

    /** Who looks: their username, and whether they are a supervisor. */
    record Viewer(String name, boolean supervisor) {}

    /** What the viewer may do to an annotation in the editor: change it, and whether only with a reason. */
    record Access(boolean editable, boolean needsReason) {}

    /**
     * The list tab's content: the rows after the filters, the reviewers to filter by ({@link #ALL}
     * first), the reviewer filter in force, and the counts line ("2 annotations · Fact 1 · Quote 1", by the labels' titles).
     */
    record Listing(List<AnnotationDetails> rows, List<String> reviewers, String reviewer, String counts) {}

    /** Who else has the source open ({@code others}, without the viewer) and how to say it. */
    record Presence(List<String> others, String title) {}

    /** What the workspace asks of the annotations: {@link AnnotationService} in the application, a fake in tests. */
    interface Annotations {

        /** The source's annotations the viewer may see. */
        List<AnnotationDetails> visible(long sourceId);

        /** Whether the viewer may see colleagues' annotations in this source (not while blind mode hides them). */
        boolean seesColleagues(long sourceId);

        AnnotationDetails create(long sourceId, AnnotationRequest request);

        /** Deletes an annotation at the version the viewer saw; a reason when it is not the viewer's own. */
        void delete(long id, long version, String reason);

        /** Changes an annotation at the version in the request (an undo or redo of a change). */
        AnnotationDetails update(long id, AnnotationRequest request);

        /** Brings a deleted annotation back under its id, at the version it was deleted at. */
        AnnotationDetails restore(long id, long version, String reason);

        /** Why the viewer may not annotate the source (it is not assigned to them), or empty when they may. */
        default java.util.Optional<String> refusalToAnnotate(long sourceId) {
            return java.util.Optional.empty();
        }

        static Annotations of(AnnotationService service) {
            return new Annotations() {
                @Override
                public List<AnnotationDetails> visible(long sourceId) {
                    return service.visible(sourceId, null);
                }

                @Override
                public boolean seesColleagues(long sourceId) {
                    return service.seesColleagues(sourceId);
                }

                @Override
                public AnnotationDetails create(long sourceId, AnnotationRequest request) {
                    return service.create(sourceId, request);
                }

                @Override
                public void delete(long id, long version, String reason) {
                    service.delete(id, version, reason);
                }

                @Override
                public AnnotationDetails update(long id, AnnotationRequest request) {
                    return service.update(id, request);
                }

                @Override
                public AnnotationDetails restore(long id, long version, String reason) {
                    return service.restore(id, version, reason);
                }

                @Override
                public java.util.Optional<String> refusalToAnnotate(long sourceId) {
                    return service.refusalToAnnotate(sourceId);
                }
            };
        }
    }

    /** What the model tells the screen; the view does each with its components. */
    interface Display {

        /** Replaces every highlight (opening, or a change of whose annotations are shown). */
        void drawAll(List<Highlight> highlights);

        /** Adds or replaces one highlight. */
        void draw(Highlight highlight);

        /** Removes one highlight. */
        void erase(long annotationId);

        void list(Listing listing);

        /** Shows an annotation as selected: in the editor, in the text ({@code reveal}: scrolled to), in the list. */
        void open(AnnotationDetails annotation, Access access, boolean reveal);

        /** Nothing is selected any more. */
        void close();

        /** Whether the viewer may now see colleagues' annotations and the gold layer (for the layer switch). */
        void colleaguesAllowed(boolean allowed);

        /** The layer shown changed (the switch follows it). */
        default void layerShown(Layer layer) { }

        /** Shows a gold span as selected, read-only, in place of the editor. */
        default void openGold(GoldMark mark) { }

        /** Asks the viewer for the reason to delete a colleague's (or imported) annotation, then calls {@link #delete}. */
        void askReasonToDelete(AnnotationDetails annotation);

        /**
         * Asks the viewer for the values of a label's required attributes before a span of it over
         * {@code [start, end)} is created, then calls {@link #create(int, int, String, Map)}.
         */
        void askRequired(int start, int end, String label, List<LabelScheme.Attribute> required);

        /** Tells the viewer something went differently than they may think (nothing was done, and why). */
        void warn(String message);

        /** Tells the viewer something worth knowing that is no problem (a colleague's change arrived). */
        default void inform(String message) {
            warn(message);
        }

        /** The viewer deleted an annotation: offer to take it back at once (a toast with an Undo button). */
        default void offerUndo(String message, UndoableAction deletion) { }

        /**
         * Someone else ({@code actor}) changed the annotation open in the editor: the screen shows their
         * version, or, when the viewer has unsaved edits, the two side by side to choose from.
         */
        default void changedUnderneath(AnnotationDetails theirs, String actor, Access access) {
            inform(actor + " just changed this annotation; the panel shows their version.");
            open(theirs, access, false);
        }
    }

    /**
     * @param tooltipNotes extra tooltip lines by annotation id for a source (colleagues' verdicts, say)
     */
    WorkspaceModel(long sourceId, Viewer viewer, LabelScheme scheme, Annotations annotations,
                   LongFunction<Map<Long, String>> tooltipNotes, Display display) {
        this(sourceId, viewer, scheme, annotations, tooltipNotes, source -> List.of(), display);
    }

    /**
     * @param tooltipNotes extra tooltip lines by annotation id for a source (colleagues' verdicts, say)
     * @param goldLayer    the source's gold layer as the viewer may read it
     */
    WorkspaceModel(long sourceId, Viewer viewer, LabelScheme scheme, Annotations annotations,
                   LongFunction<Map<Long, String>> tooltipNotes, LongFunction<List<GoldMark>> goldLayer,
                   Display display) {
        this.sourceId = sourceId;
        this.viewer = viewer;
        this.scheme = scheme;
        this.annotations = annotations;
        this.tooltipNotes = tooltipNotes;
        this.goldLayer = goldLayer;
        this.display = display;
    }

    /** Loads the annotations and shows them; supervisors start with everyone's shown, if they may see them. */
    void open() {
        open(null);
    }

    /**
     * Loads the annotations and shows them in the layer the viewer chose before (their preference),
     * if the switch offers it now; without a choice, supervisors start with everyone's shown, if they
     * may see them, and others with their own.
     */
    void open(Layer preferred) {
        readOnly = annotations.refusalToAnnotate(sourceId).orElse(null);
        seesColleagues = annotations.seesColleagues(sourceId);
        layer = viewer.supervisor() && seesColleagues ? Layer.EVERYONE : Layer.MINE;
        if (preferred != null && offers(preferred)) {
            layer = preferred;
            if (layer == Layer.GOLD) {
                gold.clear();
                goldLayer.apply(sourceId).forEach(mark -> gold.put(mark.highlightId(), mark));
            }
        }
        reload();
    }

    Layer layer() {
        return layer;
    }

    /**
     * Whether the switch offers a layer now: colleagues' work and gold only where blind mode allows
     * (Everyone's stays offered once chosen, drawing only the viewer's own until then).
     */
    boolean offers(Layer candidate) {
        return candidate == Layer.MINE || seesColleagues || candidate == Layer.EVERYONE && layer == Layer.EVERYONE;
    }

    /**
     * Shows a layer (one the switch does not offer now shows the viewer's own instead); switching to
     * Gold reads the gold layer anew. What is selected stays selected only if it is still shown.
     */
    void show(Layer wanted) {
        Layer next = offers(wanted) ? wanted : Layer.MINE;
        boolean changed = next != layer;
        layer = next;
        if (layer == Layer.GOLD) {
            gold.clear();
            goldLayer.apply(sourceId).forEach(mark -> gold.put(mark.highlightId(), mark));
        }
        if (changed && selected != null) {
            select(null, false);
        }
        redraw();
        display.layerShown(layer);
    }

    /** The gold spans shown (in the Gold view), in text order. */
    List<GoldMark> goldShown() {
        return layer == Layer.GOLD ? List.copyOf(gold.values()) : List.of();
    }

    long sourceId() {
        return sourceId;
    }

    /**
     * Why the viewer may only read this source (the project requires assignments and it is not
     * assigned to them), or null when they may annotate it.
     */
    String readOnly() {
        return readOnly;
    }

    boolean seesColleagues() {
        return seesColleagues;
    }

    boolean showsEveryone() {
        return layer == Layer.EVERYONE;
    }

    /** The hint on the layer switch. */
    String everyoneHint() {
        return seesColleagues ? "Mine: your annotations. Everyone's: colleagues' too, dashed in their colour with their initials. Gold: the "
                + "adjudicated gold layer, read-only"
                : "Blind mode: colleagues' annotations and the gold layer appear once you submit this source";
    }

    /** Only supervisors switch blind mode. */
    boolean maySwitchBlindMode() {
        return viewer.supervisor();
    }

    /** Others see that the source is in blind mode (supervisors see the switch instead). */
    boolean showsBlindMarker(boolean sourceIsBlind) {
        return !viewer.supervisor() && sourceIsBlind;
    }

    AnnotationDetails selected() {
        return selected;
    }

    /** Lists what this query keeps, in its order. */
    void query(AnnotationQuery wanted) {
        query = wanted == null ? AnnotationQuery.EVERYTHING : wanted;
        display.list(listing());
    }

    AnnotationQuery query() {
        return query;
    }

    /** How a person is marked on this screen (initials and colour, distinct from everyone else on it). */
    PersonMark mark(String name) {
        PersonMark mark = marks.get(name);
        return mark != null ? mark : PersonMark.of(name);
    }

    /**
     * Creates an annotation of the viewer's over code points {@code [start, end)} and selects it. A label
     * with required attributes cannot be created bare: the screen is asked for their values instead
     * ({@link Display#askRequired}), and null is returned until {@link #create(int, int, String, Map)}.
     */
    AnnotationDetails create(int start, int end, String label) {
        if (layer == Layer.GOLD) {
            display.warn("The gold layer is read-only: choose Mine or Everyone's to annotate.");
            return null;
        }
        if (readOnly != null) {
            display.warn(readOnly);
            return null;
        }
        List<LabelScheme.Attribute> required = scheme.label(label)
                .map(l -> LabelledSpanRules.missing(l, Map.of())).orElse(List.of());
        if (!required.isEmpty()) {
            display.askRequired(start, end, label, required);
            return null;
        }
        return create(start, end, label, Map.of());
    }

    /** Creates an annotation of the viewer's with these attribute values and selects it. */
    AnnotationDetails create(int start, int end, String label, Map<String, String> attributes) {
        AnnotationDetails created = annotations.create(sourceId,
                AnnotationRequest.create(start, end, label, attributes, null));
        saved(created);
        history.record(new Created(created));
        return created;
    }

    /** The viewer saved an annotation (in the editor): shown as it now is, and selected. */
    void saved(AnnotationDetails saved) {
        store(saved);
        ownChangeListeners.forEach(Runnable::run);
        select(saved, false);
    }

    /** An annotation is gone (deleted here or elsewhere): it leaves the text, the list and the selection. */
    void deleted(AnnotationDetails deleted) {
        visible.remove(deleted.id());
        display.erase(deleted.id());
        display.list(listing());
        if (selected != null && selected.id().equals(deleted.id())) {
            selected = null;
            display.close();
        }
    }

    /**
     * The viewer pressed Delete on an annotation: their own live work goes at once; a supervisor is
     * asked for a reason first; anyone else is told they may not.
     */
    void deleteFromKeyboard(long id) {
        AnnotationDetails annotation = visible.get(id);
        if (annotation == null) {
            return;
        }
        if (isOwnLiveWork(annotation) && readOnly != null) {
            select(annotation, false);
            display.warn(readOnly);
            return;
        }
        if (isOwnLiveWork(annotation)) {
            delete(annotation, null);
            return;
        }
        select(annotation, false);
        if (viewer.supervisor()) {
            display.askReasonToDelete(annotation);
        } else {
            display.warn(annotation.imported() != null ? "Only a supervisor may delete imported work."
                    : "You can delete only your own annotations.");
        }
    }

    /**
     * Deletes an annotation at the version on show, with a reason (null for the viewer's own); the
     * deletion goes on the undo history and the screen offers to undo it at once.
     */
    void delete(AnnotationDetails annotation, String reason) {
        AnnotationDetails current = visible.getOrDefault(annotation.id(), annotation);
        annotations.delete(current.id(), current.version(), reason);
        deleted(current);
        Deleted deletion = new Deleted(current, reason);
        history.record(deletion);
        display.offerUndo("Deleted " + describe(current) + ".", deletion);
    }

    /**
     * The viewer changed an annotation in the editor (label, attributes, note, or its span):
     * shown as it now is, and the change goes on the undo history.
     */
    void changed(AnnotationDetails before, AnnotationDetails after) {
        saved(after);
        if (after.version() > before.version()) {
            history.record(new Changed(before, after));
        }
    }

    /**
     * The viewer learnt an annotation's current state without choosing to look at it (a save that
     * found it changed since): drawn as it is, and kept as the selected one's state, while the
     * editor goes on showing what the viewer typed.
     */
    void seen(AnnotationDetails current) {
        store(current);
        if (selected != null && selected.id().equals(current.id())) {
            selected = current;
        }
    }

    /** The undo history of this source in this tab (kept by the view across visits of the source). */
    UndoHistory history() {
        return history;
    }

    /** Uses the history the view kept for this source in this tab, so that steps survive leaving and coming back. */
    void useHistory(UndoHistory kept) {
        this.history = kept;
    }

    /** Takes back the viewer's newest step; a refusal is told to the viewer. Empty when there is nothing to undo. */
    java.util.Optional<UndoHistory.Outcome> undo() {
        return tell(history.undo());
    }

    /** Takes back one particular step (from an undo toast). */
    UndoHistory.Outcome undo(UndoableAction action) {
        return tell(java.util.Optional.of(history.undo(action))).orElseThrow();
    }

    /** Does the newest undone step again; a refusal is told to the viewer. */
    java.util.Optional<UndoHistory.Outcome> redo() {
        return tell(history.redo());
    }

    private java.util.Optional<UndoHistory.Outcome> tell(java.util.Optional<UndoHistory.Outcome> outcome) {
        outcome.filter(o -> !o.done()).ifPresent(o -> {
            // The browser may have shown the step already (its preview): put the text back as it is.
            redraw();
            display.warn(o.message());
        });
        return outcome;
    }

    /**
     * What the text will show after the next undo or redo, so that the browser can show it at the
     * key press, before the server has done it: a highlight to remove ({@code hide}, its id) or to
     * draw ({@code show}). The server's own drawing follows and wins; a refused step redraws.
     */
    record Preview(String hide, Highlight show) {}

    /** A step of this model's that can tell its {@link Preview}s. */
    private interface Foreseeable {
        Preview undoPreview();

        Preview redoPreview();
    }

    /** What the next undo will show, or null (nothing to undo, or nothing visible changes, as for a verdict). */
    Preview undoPreview() {
        return history.nextUndo().filter(Foreseeable.class::isInstance).map(Foreseeable.class::cast)
                .map(Foreseeable::undoPreview).orElse(null);
    }

    /** What the next redo will show, or null. */
    Preview redoPreview() {
        return history.nextRedo().filter(Foreseeable.class::isInstance).map(Foreseeable.class::cast)
                .map(Foreseeable::redoPreview).orElse(null);
    }

    private Preview showing(AnnotationDetails state) {
        return isShown(state) ? new Preview(null, highlight(state)) : null;
    }

    private static Preview hiding(AnnotationDetails state) {
        return new Preview(String.valueOf(state.id()), null);
    }

    /** "FACT ‘the boats leak’": an annotation as undo names it. */
    static String describe(AnnotationDetails a) {
        String text = a.text().length() > 40 ? a.text().substring(0, 39) + "…" : a.text();
        return a.label() + " \u2018" + text + "\u2019";
    }

    private static String orEmpty(String note) {
        return note == null ? "" : note;
    }

    /** A create: undone by deleting it, redone by restoring it under its id. */
    private final class Created implements UndoableAction, Foreseeable {
        private AnnotationDetails current;

        Created(AnnotationDetails created) {
            this.current = created;
        }

        @Override
        public String description() {
            return "create of " + describe(current);
        }

        @Override
        public void undo() {
            AnnotationDetails now = visible.getOrDefault(current.id(), current);
            annotations.delete(current.id(), current.version(), "Undo: " + description());
            deleted(now);
        }

        @Override
        public void redo() {
            current = annotations.restore(current.id(), current.version(), "Redo: " + description());
            saved(current);
        }

        @Override
        public Preview undoPreview() {
            return hiding(current);
        }

        @Override
        public Preview redoPreview() {
            return showing(current);
        }
    }

    /** A change of label, attributes, note or span: undone and redone by saving the other state at the version left. */
    private final class Changed implements UndoableAction, Foreseeable {
        private final AnnotationDetails before;
        private final AnnotationDetails after;
        private AnnotationDetails current;

        Changed(AnnotationDetails before, AnnotationDetails after) {
            this.before = before;
            this.after = after;
            this.current = after;
        }

        @Override
        public String description() {
            boolean moved = before.start() != after.start() || before.end() != after.end();
            return (moved ? "move of " : "change of ") + describe(before);
        }

        @Override
        public void undo() {
            current = save(before, "Undo: ");
        }

        @Override
        public void redo() {
            current = save(after, "Redo: ");
        }

        @Override
        public Preview undoPreview() {
            return showing(as(before));
        }

        @Override
        public Preview redoPreview() {
            return showing(as(after));
        }

        /** The current annotation with the span, label, attributes and note of a state. */
        private AnnotationDetails as(AnnotationDetails state) {
            return new AnnotationDetails(current.id(), current.sourceId(), state.start(), state.end(), state.label(),
                    state.attributes(), state.note(), current.author(), current.createdAt(), current.modifiedAt(),
                    state.text(), state.contextBefore(), state.contextAfter(), current.version(), current.imported(),
                    current.project(), current.schemeVersion());
        }

        private AnnotationDetails save(AnnotationDetails state, String why) {
            AnnotationDetails saved = annotations.update(current.id(), new AnnotationRequest(state.start(), state.end(),
                    state.label(), state.attributes(), orEmpty(state.note()), current.version(), why + description()));
            saved(saved);
            return saved;
        }
    }

    /** A delete: undone by restoring the annotation under its id, redone by deleting it again. */
    private final class Deleted implements UndoableAction, Foreseeable {
        private AnnotationDetails current;
        private final String reason;

        Deleted(AnnotationDetails deleted, String reason) {
            this.current = deleted;
            this.reason = reason;
        }

        @Override
        public String description() {
            return "delete of " + describe(current);
        }

        @Override
        public void undo() {
            current = annotations.restore(current.id(), current.version(), "Undo: " + description()
                    + (reason == null ? "" : " (deleted because: " + reason + ")"));
            saved(current);
        }

        @Override
        public void redo() {
            annotations.delete(current.id(), current.version(), "Redo: " + description());
            deleted(current);
        }

        @Override
        public Preview undoPreview() {
            return showing(current);
        }

        @Override
        public Preview redoPreview() {
            return hiding(current);
        }
    }

    /**
     * The viewer pressed Delete on a highlight, named as the text component names it: gold spans are
     * read-only, so only an annotation's id counts.
     */
    void deleteFromKeyboard(String id) {
        if (id != null && !gold.containsKey(id) && id.chars().allMatch(Character::isDigit) && !id.isEmpty()) {
            deleteFromKeyboard(Long.parseLong(id));
        }
    }

    /**
     * Selects the annotation (or, in the Gold view, the gold span) with this id as the text component
     * names it, or nothing if it is not shown.
     */
    void selectById(String id) {
        if (id != null && layer == Layer.GOLD) {
            GoldMark mark = gold.get(id);
            selected = null;
            if (mark == null) {
                display.close();
            } else {
                display.openGold(mark);
            }
            return;
        }
        select(id == null || !id.chars().allMatch(Character::isDigit) || id.isEmpty() ? null
                : visible.get(Long.valueOf(id)), false);
    }

    /** How a gold span is drawn: solid in its label's colour, with the decision's reason in the tooltip. */
    Highlight highlight(GoldMark mark) {
        LabelScheme.Label label = scheme.label(mark.label()).orElse(null);
        StringBuilder tooltip = new StringBuilder("Gold ").append(scheme.titleOf(mark.label()));
        describe(tooltip, label, mark.attributes(), mark.note());
        tooltip.append(" — decided by ").append(mark.decidedBy()).append(": ").append(mark.reason());
        return new Highlight(mark.highlightId(), mark.start(), mark.end(), mark.label(),
                label == null ? LabelChip.UNKNOWN_COLOR : label.color(), true, tooltip.toString());
    }

    /**
     * The annotations the viewer may see that a new version of the text orphaned (their quote was not
     * found), by their old start: never drawn, listed to re-anchor by hand.
     */
    List<AnnotationDetails> orphans() {
        return visible.values().stream().filter(AnnotationDetails::orphaned)
                .sorted(java.util.Comparator.comparingInt(AnnotationDetails::start)).toList();
    }

    /** Selects an annotation (null: nothing); {@code reveal} scrolls the text to it. */
    void select(AnnotationDetails annotation, boolean reveal) {
        selected = annotation;
        if (annotation == null) {
            display.close();
        } else {
            display.open(annotation, access(annotation), reveal);
        }
    }

    /**
     * What the viewer may do to an annotation: their own live work freely (unless the source is
     * read-only for them, {@link #readOnly}); a supervisor anyone's with a reason; imported work is
     * nobody's live work here, so only a supervisor changes it.
     */
    Access access(AnnotationDetails annotation) {
        boolean mine = isOwnLiveWork(annotation);
        return new Access(mine && readOnly == null || viewer.supervisor(), !mine);
    }

    /** How an annotation is drawn: its label's colour, solid if the viewer's, and a tooltip with its details. */
    Highlight highlight(AnnotationDetails a) {
        LabelScheme.Label label = scheme.label(a.label()).orElse(null);
        StringBuilder tooltip = new StringBuilder(scheme.titleOf(a.label())).append(" by ").append(a.author());
        describe(tooltip, label, a.attributes(), a.note());
        if (notes.containsKey(a.id())) {
            tooltip.append(" — ").append(notes.get(a.id()));
        }
        boolean mine = a.author().equals(viewer.name());
        PersonMark author = mine ? null : mark(a.author());
        return new Highlight(String.valueOf(a.id()), a.start(), a.end(), a.label(),
                label == null ? LabelChip.UNKNOWN_COLOR : label.color(), mine, tooltip.toString(),
                author == null ? null : author.color(), author == null ? null : author.initials());
    }

    /** Appends attribute values (by the scheme's titles; undeclared ones by name) and the note to a tooltip. */
    private static void describe(StringBuilder tooltip, LabelScheme.Label label, Map<String, String> values,
                                 String note) {
        if (label != null) {
            label.attributes().forEach(attribute -> {
                String value = values.get(attribute.name());
                if (value != null) {
                    tooltip.append(" — ").append(attribute.title().toLowerCase()).append(": ").append(value);
                }
            });
        }
        // Values of attributes the label does not declare (made under an earlier scheme) are shown by name.
        values.forEach((name, value) -> {
            if (label == null || label.attribute(name).isEmpty()) {
                tooltip.append(" — ").append(name).append(": ").append(value);
            }
        });
        if (note != null) {
            tooltip.append(" — note: ").append(note);
        }
    }

    /** A committed change pushed live: shown at once, without touching a text selection in progress. */
    void remoteChange(AnnotationChanged change) {
        if (change.isDeletion()) {
            AnnotationDetails gone = visible.get(change.deletedId());
            if (gone != null) {
                deleted(gone);
            }
            return;
        }
        AnnotationDetails annotation = change.annotation();
        if (!annotation.author().equals(viewer.name()) && !seesColleagues) {
            return;
        }
        AnnotationDetails before = visible.get(annotation.id());
        if (before != null && before.version() >= annotation.version()) {
            return;
        }
        store(annotation);
        if (selected != null && selected.id().equals(annotation.id()) && !change.actor().equals(viewer.name())) {
            selected = annotation;
            display.changedUnderneath(annotation, change.actor(), access(annotation));
        }
    }

    /**
     * A committed review write on this source (a verdict, a status, a decision), pushed live: the
     * tooltips' extra lines are read again and the highlights whose lines changed redrawn, then
     * the extensions that listen are told, so that what they show follows.
     */
    void reviewChanged(ReviewChanged change) {
        if (!change.annotationIds().isEmpty()) {
            Map<Long, String> fresh = tooltipNotes.apply(sourceId);
            Map<Long, String> old = new HashMap<>(notes);
            notes.clear();
            notes.putAll(fresh);
            for (AnnotationDetails a : shown()) {
                if (!java.util.Objects.equals(old.get(a.id()), fresh.get(a.id()))) {
                    display.draw(highlight(a));
                }
            }
        }
        reviewListeners.forEach(listener -> listener.accept(change));
    }

    /** Listens to review writes on this source; the returned action stops listening. */
    Runnable onReviewChange(Consumer<ReviewChanged> listener) {
        reviewListeners.add(listener);
        return () -> reviewListeners.remove(listener);
    }

    /** Asks the service again whether the viewer may see colleagues (after a submission, say). */
    void refreshVisibility() {
        visibilityChanged(annotations.seesColleagues(sourceId));
    }

    /**
     * Whether the viewer may see colleagues' annotations changed (a submission, or blind mode switched
     * by a supervisor): what they may no longer see leaves at once, what they now may is loaded.
     */
    void visibilityChanged(boolean sees) {
        boolean couldSee = seesColleagues;
        seesColleagues = sees;
        display.colleaguesAllowed(sees);
        if (!couldSee && sees) {
            reload();
        } else if (couldSee && !sees) {
            visible.values().removeIf(a -> !a.author().equals(viewer.name()));
            notes.clear();
            if (selected != null && !selected.author().equals(viewer.name())) {
                select(null, false);
            }
            // Everyone's stays chosen (colleagues come back when blind mode lets them); gold goes.
            if (layer == Layer.GOLD) {
                gold.clear();
                show(Layer.MINE);
            } else {
                redraw();
            }
        }
    }

    /** Listens to the viewer's own changes; the returned action stops listening. */
    Runnable onOwnChange(Runnable listener) {
        ownChangeListeners.add(listener);
        return () -> ownChangeListeners.remove(listener);
    }

    /** Who else has the source open, from everyone who has (the viewer included). */
    Presence presence(Set<String> names) {
        presentNames = Set.copyOf(names);
        if (remark()) {
            redraw();
        }
        List<String> others = names.stream().filter(n -> !n.equals(viewer.name())).sorted().toList();
        return new Presence(others, others.isEmpty() ? "Only you have this source open"
                : "Also here: " + String.join(", ", others));
    }

    /** The annotations shown (before the list's filters): the viewer's, and colleagues' when chosen and allowed. */
    List<AnnotationDetails> shown() {
        return visible.values().stream().filter(this::isShown).toList();
    }

    /**
     * The list tab's content after the label and reviewer filters; a reviewer no longer shown resets to
     * everyone. In the Gold view it lists no annotations and counts the gold spans.
     */
    Listing listing() {
        if (layer == Layer.GOLD) {
            Map<String, Long> perLabel = new TreeMap<>();
            gold.values().forEach(g -> perLabel.merge(g.label(), 1L, Long::sum));
            return new Listing(List.of(), List.of(ALL), ALL, "Gold layer: " + gold.size()
                    + (gold.size() == 1 ? " span" : " spans") + perLabel.entrySet().stream()
                    .map(e -> " · " + scheme.titleOf(e.getKey()) + " " + e.getValue()).collect(Collectors.joining()));
        }
        List<AnnotationDetails> shown = shown();
        List<String> reviewers = new ArrayList<>(List.of(ALL));
        reviewers.addAll(shown.stream().map(AnnotationDetails::author).collect(Collectors.toCollection(TreeSet::new)));
        if (!reviewers.contains(query.author())) {
            query = query.withLabelAndAuthor(query.label(), ALL);
        }
        List<AnnotationDetails> rows = shown.stream().filter(query::keeps)
                .sorted(query.order().comparator()).toList();
        Map<String, Long> perLabel = new TreeMap<>();
        rows.forEach(a -> perLabel.merge(a.label(), 1L, Long::sum));
        String counts = rows.size() + (rows.size() == 1 ? " annotation" : " annotations")
                + (perLabel.isEmpty() ? "" : " · " + java.util.stream.Stream.concat(
                        scheme.labels().stream().map(LabelScheme.Label::name),
                        perLabel.keySet().stream().filter(name -> scheme.label(name).isEmpty()))
                .filter(perLabel::containsKey)
                .map(name -> scheme.titleOf(name) + " " + perLabel.get(name))
                .collect(Collectors.joining(" · ")));
        return new Listing(rows, List.copyOf(reviewers), query.author(), counts);
    }

    private boolean isOwnLiveWork(AnnotationDetails annotation) {
        return annotation.author().equals(viewer.name()) && annotation.imported() == null;
    }

    private boolean isShown(AnnotationDetails a) {
        // An orphan's offsets point into an earlier version of the text: it is listed to re-anchor, not drawn.
        return layer != Layer.GOLD && !a.orphaned() && (a.author().equals(viewer.name()) || layer == Layer.EVERYONE && seesColleagues);
    }

    private void reload() {
        notes.clear();
        notes.putAll(tooltipNotes.apply(sourceId));
        visible.clear();
        annotations.visible(sourceId).forEach(a -> visible.put(a.id(), a));
        redraw();
    }

    /**
     * Marks everyone on screen anew (after authors or people present changed); true when a mark
     * changed, so that the highlights must be drawn again.
     */
    private boolean remark() {
        Set<String> now = new TreeSet<>(presentNames);
        now.add(viewer.name());
        visible.values().forEach(a -> now.add(a.author()));
        if (now.equals(people)) {
            return false;
        }
        people = now;
        Map<String, PersonMark> fresh = PersonMark.of(now);
        boolean changed = marks.entrySet().stream().anyMatch(e -> !e.getValue().equals(fresh.get(e.getKey())));
        marks = fresh;
        return changed;
    }

    private void redraw() {
        remark();
        display.drawAll(layer == Layer.GOLD ? gold.values().stream().map(this::highlight).toList()
                : shown().stream().map(this::highlight).toList());
        display.list(listing());
    }

    /** Puts one annotation in place without redrawing the rest of the text. */
    private void store(AnnotationDetails annotation) {
        visible.put(annotation.id(), annotation);
        if (remark()) {
            redraw();
            return;
        }
        if (isShown(annotation)) {
            display.draw(highlight(annotation));
        } else {
            display.erase(annotation.id());
        }
        display.list(listing());
    }
}
