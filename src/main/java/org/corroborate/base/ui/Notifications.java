package org.corroborate.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The two kinds of message a view shows after an action: it worked, or why it did not. */
public final class Notifications {

    private Notifications() {}

    public static void success(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
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
