package org.corroborate.annotation.ui;

import com.vaadin.flow.component.Component;
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
    private final Consumer<AnnotationDetails> onSaved;
    private final Consumer<AnnotationDetails> onDeleted;

    private final H3 heading = new H3();
    private final Paragraph quote = new Paragraph();
    private final Span byline = new Span();
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

    AnnotationEditor(AnnotationService annotations, AuditService audit, LabelScheme scheme,
                     Consumer<AnnotationDetails> onSaved, Consumer<AnnotationDetails> onDeleted) {
        this.annotations = annotations;
        this.audit = audit;
        this.scheme = scheme;
        this.onSaved = onSaved;
        this.onDeleted = onDeleted;
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
            }
        });
        note.setId("editor-note");
        note.setWidthFull();
        note.setMaxLength(4000);
        reason.setId("editor-reason");
        reason.setWidthFull();
        problem.setId("editor-problem");
        problem.addClassName("cb-form-error");
        save.setId("editor-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
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
        form.add(heading, quote, byline, importedNote, label, attributeFields, note, reason, problem,
                new HorizontalLayout(save, moveSpan, delete), history, extensionPanels);
        add(empty, form);
        clear();
    }

    /** Shows an annotation; editable by its author, or by a supervisor with a reason. */
    void show(AnnotationDetails annotation, boolean editable, boolean needsReason) {
        shown = annotation;
        empty.setVisible(false);
        form.setVisible(true);
        problem.setVisible(false);
        heading.setText(scheme.label(annotation.label()).map(LabelScheme.Label::title).orElse(annotation.label()));
        quote.setText("“" + annotation.text() + "”");
        byline.setText("by " + annotation.author() + " · " + annotation.start() + "–" + annotation.end()
                + " · version " + annotation.version() + " · scheme version " + annotation.schemeVersion());
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
    }

    /** How the editor learns the text selection in the workspace, for moving a span's boundaries. */
    void setSelectionSource(Consumer<BiConsumer<Integer, Integer>> source) {
        this.selection = source;
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
        empty.setVisible(true);
        form.setVisible(false);
    }

    /** The annotation on show, or null. */
    AnnotationDetails shown() {
        return shown;
    }

    private void save() {
        if (shown == null) {
            return;
        }
        try {
            AnnotationDetails saved = annotations.update(shown.id(), AnnotationRequest.describe(
                    label.getValue(), attributeFields.values(), note.getValue(), shown.version(), reason.getValue()));
            onSaved.accept(saved);
        } catch (StaleAnnotationException e) {
            onSaved.accept(e.current());
            showProblem(e.getMessage());
        } catch (WorkbenchException | AccessDeniedException e) {
            showProblem(e.getMessage());
        }
    }

    private void moveTo(int start, int end) {
        if (shown == null) {
            return;
        }
        try {
            onSaved.accept(annotations.update(shown.id(),
                    AnnotationRequest.move(start, end, shown.version(), reason.getValue())));
        } catch (StaleAnnotationException e) {
            onSaved.accept(e.current());
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
            annotations.delete(shown.id(), shown.version(), reason.getValue());
            AnnotationDetails deleted = shown;
            clear();
            onDeleted.accept(deleted);
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
