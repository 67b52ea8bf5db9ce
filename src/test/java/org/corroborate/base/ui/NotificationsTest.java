package org.corroborate.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.Test;

/** The four kinds of message look different, in colour and in the sign styles.css draws before each. */
class NotificationsTest extends BrowserlessTest {

    @Test
    void eachKindHasItsOwnVariantAndSignClass() {
        Notification success = Notifications.success("Saved.");
        Notification info = Notifications.info("bob just changed this annotation.");
        Notification warning = Notifications.warning("Select some text first.");
        Notification error = Notifications.error("It failed.");
        assertThat(success.getThemeNames()).contains("success");
        assertThat(info.getThemeNames()).contains("contrast").doesNotContain("error");
        assertThat(warning.getThemeNames()).contains("warning").doesNotContain("error");
        assertThat(error.getThemeNames()).contains("error");
        assertThat(success.getClassNames()).contains("cb-note-success");
        assertThat(info.getClassNames()).contains("cb-note-info");
        assertThat(warning.getClassNames()).contains("cb-note-warning");
        assertThat(error.getClassNames()).contains("cb-note-error");
    }

    @Test
    void anErrorStaysLongestInTheMiddleAndTheOthersWaitAtTheBottom() {
        Notification error = Notifications.error("It failed.");
        Notification warning = Notifications.warning("Select some text first.");
        assertThat(error.getPosition()).isEqualTo(Notification.Position.MIDDLE);
        assertThat(warning.getPosition()).isEqualTo(Notification.Position.BOTTOM_START);
        assertThat(error.getDuration()).isGreaterThan(warning.getDuration());
        assertThat(warning.getDuration()).isGreaterThan(Notifications.success("Saved.").getDuration());
    }
}
