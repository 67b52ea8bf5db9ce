package org.corroborate.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The four kinds of message a view shows after an action, each with its own look (colour and a
 * sign drawn before the text, so that the kind is plain without colour too; see styles.css):
 * <ul>
 *   <li>{@link #success}: it worked (green, ✓);</li>
 *   <li>{@link #info}: something the person should know that is no problem (neutral, ℹ), such as a
 *       colleague's change arriving in the open panel;</li>
 *   <li>{@link #warning}: nothing was done, and why, or what to do first (amber, !), such as
 *       "Select some text first." or a refusal the page already explains;</li>
 *   <li>{@link #error}: it failed (red, ×, in the middle of the screen and longer).</li>
 * </ul>
 */
public final class Notifications {

    /** How long each kind stays, in milliseconds: the longer the message matters, the longer. */
    static final int SUCCESS_MS = 4000;
    static final int INFO_MS = 5000;
    static final int WARNING_MS = 6000;
    static final int ERROR_MS = 8000;

    private Notifications() {}

    public static Notification success(String message) {
        return show(message, SUCCESS_MS, Notification.Position.BOTTOM_START, NotificationVariant.LUMO_SUCCESS, "success");
    }

    public static Notification info(String message) {
        return show(message, INFO_MS, Notification.Position.BOTTOM_START, NotificationVariant.LUMO_CONTRAST, "info");
    }

    public static Notification warning(String message) {
        return show(message, WARNING_MS, Notification.Position.BOTTOM_START, NotificationVariant.LUMO_WARNING, "warning");
    }

    public static Notification error(String message) {
        return show(message, ERROR_MS, Notification.Position.MIDDLE, NotificationVariant.LUMO_ERROR, "error");
    }

    private static Notification show(String message, int duration, Notification.Position position,
                                     NotificationVariant variant, String kind) {
        Notification notification = Notification.show(message, duration, position);
        notification.addThemeVariants(variant);
        notification.addClassName("cb-note-" + kind);
        return notification;
    }

    /**
     * Says something was done and offers to take it back: a notification with an Undo button
     * ({@code undo} runs once, when pressed, and closes it). Shown for 10 seconds, bottom start.
     */
    public static Notification undoable(String message, Runnable undo) {
        Notification notification = new Notification();
        notification.setDuration(10_000);
        notification.setPosition(Notification.Position.BOTTOM_START);
        notification.addClassName("cb-undo-toast");
        com.vaadin.flow.component.html.Span text = new com.vaadin.flow.component.html.Span(message);
        com.vaadin.flow.component.button.Button button = new com.vaadin.flow.component.button.Button("Undo", e -> {
            notification.close();
            undo.run();
        });
        button.setId("undo-toast-button");
        button.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY_INLINE);
        com.vaadin.flow.component.orderedlayout.HorizontalLayout layout =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(text, button);
        layout.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        layout.getElement().setAttribute("role", "status");
        notification.add(layout);
        notification.open();
        return notification;
    }
}
