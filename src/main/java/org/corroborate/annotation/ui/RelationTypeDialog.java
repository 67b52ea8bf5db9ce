package org.corroborate.annotation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.function.Consumer;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.scheme.LabelScheme;

/**
 * Asks which relation a link makes, among the scheme's relation types that fit the two
 * annotations' labels (either way round): one button per choice, the first focused, so the keyboard
 * picks with Tab / Enter and Esc cancels. Ids: {@code relation-type-dialog}, {@code relation-type-N}.
 */
final class RelationTypeDialog extends Dialog {

    /** One way to link: a relation type, and which annotation is its {@code from} and which its {@code to}. */
    record Choice(LabelScheme.RelationType type, AnnotationDetails from, AnnotationDetails to) {}

    private static final int SHOWN_CHARACTERS = 32;
    private Button first;

    RelationTypeDialog(LabelScheme scheme, List<Choice> choices, Consumer<Choice> onChosen) {
        setId("relation-type-dialog");
        setHeaderTitle("Which relation?");
        VerticalLayout options = new VerticalLayout();
        options.setPadding(false);
        options.setSpacing(false);
        options.addClassName("cb-relation-choices");
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            Button option = new Button(describe(scheme, choice), e -> {
                close();
                onChosen.accept(choice);
            });
            option.setId("relation-type-" + i);
            option.setWidthFull();
            option.addClassName("cb-relation-choice");
            if (choice.type().description() != null) {
                option.setTooltipText(choice.type().description());
            }
            if (i == 0) {
                option.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                first = option;
            }
            options.add(option);
        }
        Paragraph hint = new Paragraph("The relation types of the scheme that fit these two labels.");
        hint.addClassName("cb-hint");
        add(hint, options);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("relation-type-cancel");
        getFooter().add(cancel);
    }

    /** Opens with the first choice focused, so Enter takes it. */
    @Override
    public void open() {
        super.open();
        if (first != null) {
            first.focus();
        }
    }

    /** A choice in words: "Quote “The pipes are new,” said by Fact “Mayor Ines Calder”". */
    static String describe(LabelScheme scheme, Choice choice) {
        return end(scheme, choice.from()) + " " + choice.type().title() + " " + end(scheme, choice.to());
    }

    private static String end(LabelScheme scheme, AnnotationDetails annotation) {
        String text = annotation.text().length() > SHOWN_CHARACTERS
                ? annotation.text().substring(0, SHOWN_CHARACTERS - 1) + "…" : annotation.text();
        return scheme.titleOf(annotation.label()) + " “" + text + "”";
    }
}
