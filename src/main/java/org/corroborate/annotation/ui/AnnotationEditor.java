package org.corroborate.annotation.ui;

import org.corroborate.source.ui.Pages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.annotation.StaleAnnotationException;
import org.corroborate.audit.AuditService;
import org.corroborate.audit.ui.TimelineDialog;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.ImportMark;
import org.corroborate.scheme.LabelScheme;
import org.springframework.security.access.AccessDeniedException;

/**
 * The side panel for one annotation: label, attributes (suggesting values used anywhere in the
 * corpus), note, and for a supervisor changing someone else's work, the reason. Saves with the
 * version it was opened at, so a colleague's concurrent change is reported, never overwritten.
 */
class AnnotationEditor extends VerticalLayout {

    private final AnnotationService annotations;
    private final LabelScheme scheme;
    private final BiConsumer<AnnotationDetails, AnnotationDetails> onChanged;
    private final Consumer<AnnotationDetails> onStale;
    private final BiConsumer<AnnotationDetails, String> onDelete;
    /** What the fields held when the annotation was shown: the editor is unsaved when they differ. */
    private EditConflict.Draft baseline;
    private boolean editable;
    private EditConflict conflict;
    private final Div conflictPlace = new Div();
    private final HorizontalLayout actions;
    private Runnable onEscape = () -> { };

    private final H3 heading = new H3();
    private final Paragraph quote = new Paragraph();
    private final Span byline = new Span();
    private Pages pages = Pages.NONE;
    /** Says that the annotation was imported, by whom, when and from which file. */
    private final Div importedNote = new Div();
    private final Select<String> label = new Select<>();
    private final AttributeForm attributeFields;
    private final TextArea note = new TextArea("Note");
    private final TextField reason = new TextField("Reason for changing a colleague's annotation");
    private final Paragraph problem = new Paragraph();
    private final Button save = new Button("Save");
    private final Button delete = new Button("Delete");
    private final Button moveSpan = new Button("Move to selection");
    private final Button history = new Button("History");
    private final AuditService audit;
    private Consumer<BiConsumer<Integer, Integer>> selection = ask -> { };
    private final Paragraph empty = new Paragraph();
    private final Div form = new Div();
    private final Div extensionPanels = new Div();
    private AnnotationDetails shown;

    /** What to do first, naming the hotkeys of the labels offered now (archived ones have none). */
    static String hint(LabelScheme scheme) {
        List<String> keys = scheme.offered().stream().map(LabelScheme.Label::hotkey)
                .filter(k -> k != null && !k.isBlank()).toList();
        String press = switch (keys.size()) {
            case 0 -> "choose a label button";
            case 1 -> "press " + keys.getFirst() + " (or a label button)";
            default -> "press " + String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.getLast()
                    + " (or a label button)";
        };
        return "Select text and " + press + " to annotate it; click a highlight to open it here.";
    }

    /** Says, in place of how to annotate, that the source is the viewer's to read only (not assigned to them). */
    void readOnly() {
        empty.setText("You may read this source, not annotate it; click a highlight to open it here.");
    }

    /**
     * @param onChanged called with the state before and after each save or move the viewer makes
     * @param onStale   called with the current state when a save finds it changed since (409)
     * @param onDelete  deletes the annotation with the reason typed (throws when it may not)
     */
    AnnotationEditor(AnnotationService annotations, AuditService audit, LabelScheme scheme,
                     BiConsumer<AnnotationDetails, AnnotationDetails> onChanged, Consumer<AnnotationDetails> onStale,
                     BiConsumer<AnnotationDetails, String> onDelete) {
        this.annotations = annotations;
        this.audit = audit;
        this.scheme = scheme;
        this.onChanged = onChanged;
        this.onStale = onStale;
        this.onDelete = onDelete;
        this.attributeFields = new AttributeForm(scheme, attribute -> shown == null ? List.of()
                : annotations.suggestions(shown.sourceId(), attribute));
        setId("annotation-editor");
        addClassName("cb-editor");
        setPadding(false);

        empty.setText(hint(scheme));
        empty.addClassName("cb-muted");
        quote.addClassName("cb-editor-quote");
        quote.setId("editor-quote");
        byline.addClassName("cb-muted");
        label.setLabel("Label");
        label.setId("editor-label");
        label.setItemLabelGenerator(name -> scheme.label(name).map(LabelScheme.Label::title).orElse(name));
        label.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                attributeFields.show(e.getValue(), attributeFields.values(), shown.label(), shown.attributes());
                markUnsaved();
            }
        });
        note.setId("editor-note");
        note.setWidthFull();
        note.setMaxLength(4000);
        // Synced as it is typed (not only on leaving the field, nor after a pause), so that the unsaved
        // guard knows of a note in progress and Ctrl+Enter, sent after the keystrokes, saves all of it.
        note.setValueChangeMode(ValueChangeMode.EAGER);
        note.addValueChangeListener(e -> markUnsaved());
        attributeFields.setOnEdit(this::markUnsaved);
        reason.setId("editor-reason");
        reason.setWidthFull();
        problem.setId("editor-problem");
        problem.addClassName("cb-form-error");
        save.setId("editor-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.setTooltipText("Save (Ctrl+Enter)");
        delete.setId("editor-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(e -> delete());
        history.setId("editor-history");
        history.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        history.addClickListener(e -> {
            if (shown != null) {
                new TimelineDialog(audit, "Annotation", String.valueOf(shown.id()),
                        "History of “" + shorten(shown.text()) + "”").open();
            }
        });
        moveSpan.setId("editor-move");
        moveSpan.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        moveSpan.setTooltipText("Select the text this annotation should cover, then press here");
        moveSpan.addClickListener(e -> selection.accept(this::moveTo));
        label.setWidthFull();
        attributeFields.setWidthFull();
        form.setWidthFull();
        importedNote.setId("editor-imported");
        actions = new HorizontalLayout(save, moveSpan, delete);
        form.add(heading, quote, byline, importedNote, conflictPlace, label, attributeFields, note, reason, problem,
                actions, history, extensionPanels);
        add(empty, form);
        // Ctrl+Enter saves from any field; the field's value is sent first (the focus is reset on it).
        Shortcuts.addShortcutListener(this, () -> {
            if (shown != null && editable && conflict == null) {
                save();
            }
        }, Key.ENTER, KeyModifier.CONTROL).listenOn(this).resetFocusOnActiveElement();
        Shortcuts.addShortcutListener(this, () -> onEscape.run(), Key.ESCAPE).listenOn(this)
                .resetFocusOnActiveElement();
        addAttachListener(e -> getElement().executeJs(ONE_CLICK_PAST_SUGGESTIONS));
        clear();
    }

    /**
     * An open suggestion list (a combo box's overlay) closes on a click outside it, and that click
     * may reach nothing under it (the overlay holds the page's pointer events while it is modal), so
     * the first click on Save only closed the list. Here a click that lands while a list of the
     * editor is open, and that did not reach a button, is handed on, once the list has closed (and
     * committed the typed value), to the editor's button under the pointer: one click saves. A click
     * that reached its button is left alone, so no button is pressed twice.
     */
    private static final String ONE_CLICK_PAST_SUGGESTIONS = """
            if (!window.$cbClickPastSuggestions) {
              window.$cbClickPastSuggestions = e => {
                const editor = document.getElementById('annotation-editor');
                if (!editor || ![...editor.querySelectorAll('vaadin-combo-box')].some(box => box.opened)) return;
                if (e.composedPath().some(n => n.localName === 'vaadin-button'
                    || n.localName === 'vaadin-combo-box-overlay' || n.localName === 'vaadin-combo-box')) return;
                const x = e.clientX, y = e.clientY;
                setTimeout(() => {
                  const under = document.elementFromPoint(x, y);
                  const button = under && under.closest('vaadin-button');
                  if (button && editor.contains(button) && !button.disabled) button.click();
                });
              };
              window.addEventListener('click', window.$cbClickPastSuggestions, true);
            }
            """;

    /** What Esc in the editor does: cancel, with the unsaved-changes guard first (the view decides). */
    void setOnEscape(Runnable onEscape) {
        this.onEscape = onEscape;
    }

    /**
     * Whether the viewer has edits here that are not saved: a label, attribute or note that differs
     * from the annotation as shown, or a conflict not yet resolved.
     */
    boolean isUnsaved() {
        if (shown == null || !editable) {
            return false;
        }
        return conflict != null || !draft().equals(baseline);
    }

    /** What the fields hold now. */
    EditConflict.Draft draft() {
        return new EditConflict.Draft(label.getValue(), attributeFields.values(), note.getValue());
    }

    /** Drops the viewer's edits: the annotation on show as it is saved. */
    void discard() {
        if (shown != null) {
            show(shown, editable, reason.isVisible());
        }
    }

    /**
     * The annotation changed underneath while the viewer edits it: theirs is kept as the version to
     * save on, and the two are shown side by side for the viewer to choose ({@link EditConflict}).
     */
    void conflict(AnnotationDetails theirs, String actor) {
        EditConflict.Draft mine = draft();
        shown = theirs;
        byline.setText(byline(theirs));
        problem.setVisible(false);
        conflict = new EditConflict(scheme, theirs, actor, mine, () -> show(theirs, editable, reason.isVisible()),
                this::saveDraft);
        conflictPlace.removeAll();
        conflictPlace.add(conflict);
        setFieldsVisible(false);
        markUnsaved();
    }

    /** Whether a conflict is shown. */
    boolean inConflict() {
        return conflict != null;
    }

    private void saveDraft(EditConflict.Draft draft) {
        label.setValue(draft.label());
        attributeFields.show(draft.label(), draft.attributes(), shown.label(), shown.attributes());
        attributeFields.setReadOnly(!editable);
        note.setValue(draft.note());
        save();
    }

    private void setFieldsVisible(boolean visible) {
        label.setVisible(visible);
        attributeFields.setVisible(visible);
        note.setVisible(visible);
        actions.setVisible(visible);
    }

    private void markUnsaved() {
        getElement().setAttribute("data-unsaved", String.valueOf(isUnsaved()));
    }

    /** The source's pages: the byline then names the annotation's page ("p. 3"). */
    void setPages(Pages pages) {
        this.pages = pages;
    }

    private String byline(AnnotationDetails annotation) {
        return "by " + annotation.author() + " · " + annotation.start() + "–" + annotation.end()
                + (pages.paged() ? " · " + pages.cite(annotation.start(), annotation.end()) : "")
                + " · version " + annotation.version() + " · scheme version " + annotation.schemeVersion();
    }

    /** Shows an annotation; editable by its author, or by a supervisor with a reason. */
    void show(AnnotationDetails annotation, boolean editable, boolean needsReason) {
        shown = annotation;
        this.editable = editable;
        conflict = null;
        conflictPlace.removeAll();
        setFieldsVisible(true);
        empty.setVisible(false);
        form.setVisible(true);
        problem.setVisible(false);
        heading.setText(scheme.label(annotation.label()).map(LabelScheme.Label::title).orElse(annotation.label()));
        quote.setText("“" + annotation.text() + "”");
        byline.setText(byline(annotation));
        importedNote.setVisible(annotation.imported() != null);
        if (annotation.imported() != null) {
            importedNote.removeAll();
            importedNote.add(new ImportMark(annotation.imported(),
                    "; " + annotation.author() + " did not make it in this workbench."));
        }
        // New spans take only offered labels; the annotation's own stays choosable even if archived or unknown.
        List<String> choosable = new ArrayList<>(scheme.offered().stream().map(LabelScheme.Label::name).toList());
        if (!choosable.contains(annotation.label())) {
            choosable.add(annotation.label());
        }
        label.setItems(choosable);
        label.setValue(annotation.label());
        attributeFields.show(annotation.label(), annotation.attributes(), annotation.label(), annotation.attributes());
        note.setValue(annotation.note() == null ? "" : annotation.note());
        reason.clear();
        reason.setVisible(editable && needsReason);
        label.setReadOnly(!editable);
        note.setReadOnly(!editable);
        attributeFields.setReadOnly(!editable);
        save.setVisible(editable);
        delete.setVisible(editable);
        moveSpan.setVisible(editable);
        baseline = draft();
        markUnsaved();
    }

    /** How the editor learns the text selection in the workspace, for moving a span's boundaries. */
    void setSelectionSource(Consumer<BiConsumer<Integer, Integer>> source) {
        this.selection = source;
    }

    /**
     * Moves the annotation on show onto the text selected in the browser (as "Move to selection"
     * does: an ordinary span update, version checked), then runs {@code afterwards}.
     */
    void moveShownToSelection(Runnable afterwards) {
        selection.accept((start, end) -> {
            moveTo(start, end);
            afterwards.run();
        });
    }

    /** Panels other features add for the annotation on show (assessments, say). */
    void setExtensionPanels(List<Component> panels) {
        extensionPanels.removeAll();
        panels.forEach(extensionPanels::add);
    }

    /** Focuses the first attribute (a quote's speaker, say) for a fresh annotation. */
    void focusFirstField() {
        if (!attributeFields.focusFirst()) {
            note.focus();
        }
    }

    void clear() {
        shown = null;
        conflict = null;
        conflictPlace.removeAll();
        baseline = null;
        getElement().removeAttribute("data-unsaved");
        empty.setVisible(true);
        form.setVisible(false);
    }

    /** The annotation on show, or null. */
    AnnotationDetails shown() {
        return shown;
    }

    /**
     * Saves the fields at the version on show; true when saved. A 409 (someone saved it since) shows
     * the conflict view; other refusals say why under the fields.
     */
    boolean save() {
        if (shown == null) {
            return false;
        }
        AnnotationDetails before = shown;
        try {
            AnnotationDetails saved = annotations.update(shown.id(), AnnotationRequest.describe(
                    label.getValue(), attributeFields.values(), note.getValue(), shown.version(), reason.getValue()));
            conflict = null;
            onChanged.accept(before, saved);
            return true;
        } catch (StaleAnnotationException e) {
            onStale.accept(e.current());
            conflict(e.current(), null);
            return false;
        } catch (WorkbenchException | AccessDeniedException e) {
            showProblem(e.getMessage());
            return false;
        }
    }

    private void moveTo(int start, int end) {
        if (shown == null) {
            return;
        }
        AnnotationDetails before = shown;
        try {
            onChanged.accept(before, annotations.update(shown.id(),
                    AnnotationRequest.move(start, end, shown.version(), reason.getValue())));
        } catch (StaleAnnotationException e) {
            onStale.accept(e.current());
            show(e.current(), editable, reason.isVisible());
            showProblem(e.getMessage());
        } catch (WorkbenchException | AccessDeniedException e) {
            showProblem(e.getMessage());
        }
    }

    private void delete() {
        if (shown == null) {
            return;
        }
        try {
            onDelete.accept(shown, reason.getValue());
        } catch (WorkbenchException | AccessDeniedException e) {
            showProblem(e.getMessage());
        }
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 39) + "…" : text;
    }

    private void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }
}
