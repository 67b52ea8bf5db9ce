package org.corroborate.claim.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.function.BiConsumer;
import org.corroborate.claim.ClaimService;
import org.corroborate.claim.ClaimSummary;
import org.corroborate.claim.Stance;

/**
 * Asks, before a suggestion is linked, what the link cannot decide alone: the statement of a new
 * claim (when the annotation is in none; the annotation's words, editable, the annotation joining
 * it as SUPPORTS), or which of the annotation's claims (when it is in several). Calls back with the
 * claim's id, or null and the statement for a new claim.
 */
class ClaimChoiceDialog extends Dialog {

    ClaimChoiceDialog(String originText, List<ClaimSummary> claims, Stance stance, String stanceWords,
                      BiConsumer<Long, String> choice) {
        setId("claim-choice");
        Button confirm;
        if (claims.isEmpty()) {
            setHeaderTitle("New claim");
            TextArea statement = new TextArea("Statement");
            statement.setId("claim-statement");
            statement.setValue(originText);
            statement.setMaxLength(ClaimService.MAX_STATEMENT);
            statement.setWidthFull();
            add(new Paragraph("This annotation is in no claim yet. A new claim is made with it as supports, "
                    + "and the passage joins it as " + stanceWords + "."), statement);
            confirm = new Button("Make claim and link", e -> {
                if (statement.getValue().isBlank()) {
                    statement.setInvalid(true);
                    statement.setErrorMessage("Say what the claim is.");
                    return;
                }
                close();
                choice.accept(null, statement.getValue().strip());
            });
            statement.focus();
        } else {
            setHeaderTitle("Which claim?");
            RadioButtonGroup<ClaimSummary> which = new RadioButtonGroup<>("This annotation is in "
                    + claims.size() + " claims; the passage joins one as " + stanceWords);
            which.setId("claim-which");
            which.setItems(claims);
            which.setItemLabelGenerator(ClaimSummary::statement);
            which.setValue(claims.getFirst());
            add(which);
            confirm = new Button("Link", e -> {
                close();
                choice.accept(which.getValue().id(), null);
            });
        }
        confirm.setId("claim-choice-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER).setEventPropagationAllowed(false);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, confirm);
        setWidth("min(32rem, 95vw)");
    }
}
