package org.corroborate.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;
import org.corroborate.base.ChangeReason;

/**
 * Asks for the reason before a change that needs one (reopening a review, accepting or rejecting
 * a unit, deleting a colleague's annotation), then runs the change with it. The dialog closes only
 * when the change went through: if it throws, the session's error handler shows why and the
 * reason stays in the field for another try.
 *
 * <p>Ids, for tests: the dialog {@code reason-dialog}, the field {@code reason-text}, the action
 * {@code reason-confirm}.
 */
public final class ReasonDialog extends Dialog {

    private final TextArea reason = new TextArea("Reason");
    private final Div content = new Div();
    private final Consumer<String> change;
    private final Button confirm;
    private boolean required = true;
    private String requiredMessage = "Give a reason: it is recorded with the change.";

    /**
     * @param title  what is about to happen, such as "Reopen alice's review of Budget"
     * @param action the label of the button that does it, such as "Reopen"
     * @param change runs the change with the reason as typed (stripped); it may throw to refuse
     */
    public ReasonDialog(String title, String action, Consumer<String> change) {
        this.change = change;
        setHeaderTitle(title);
        setId("reason-dialog");
        setWidth("min(32rem, 95vw)");
        reason.setId("reason-text");
        reason.setWidthFull();
        reason.setRequired(true);
        reason.setMaxLength(ChangeReason.MAX_LENGTH);
        content.setWidthFull();
        confirm = new Button(action, e -> confirm());
        confirm.setId("reason-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(content, reason);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }

    /** Whether the change may go without a reason (it is required unless said otherwise). */
    public ReasonDialog setReasonRequired(boolean required) {
        this.required = required;
        reason.setRequired(required);
        return this;
    }

    /** What to say when the reason is missing, such as "Every decision needs a reason." */
    public ReasonDialog setRequiredMessage(String message) {
        this.requiredMessage = message;
        return this;
    }

    /** The most characters the reason may hold; {@link ChangeReason#MAX_LENGTH} unless said otherwise. */
    public ReasonDialog setMaxLength(int characters) {
        reason.setMaxLength(characters);
        return this;
    }

    /** A reason to start from, which the person may change. */
    public ReasonDialog setReason(String initial) {
        reason.setValue(initial == null ? "" : initial);
        return this;
    }

    /** Fields shown above the reason (the boundaries and label of an edited version, say). */
    public ReasonDialog addContent(Component... components) {
        content.add(components);
        return this;
    }

    /** Marks the action as destructive (deleting, rejecting). */
    public ReasonDialog setDestructive() {
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return this;
    }

    /** Opens the dialog with the reason field focused. */
    @Override
    public void open() {
        super.open();
        reason.focus();
    }

    private void confirm() {
        String text = reason.getValue().strip();
        String problem = problem(text, required, reason.getMaxLength(), requiredMessage);
        reason.setInvalid(problem != null);
        reason.setErrorMessage(problem);
        if (problem != null) {
            return;
        }
        change.accept(text);
        close();
    }

    /**
     * Why this reason cannot go, or null if it can. Length counts UTF-16 units, as the browser's
     * {@code maxlength} and {@link ChangeReason#record} do.
     */
    static String problem(String text, boolean required, int maxLength, String requiredMessage) {
        if (required && text.isEmpty()) {
            return requiredMessage;
        }
        if (maxLength > 0 && text.length() > maxLength) {
            return "At most " + maxLength + " characters, please.";
        }
        return null;
    }
}
