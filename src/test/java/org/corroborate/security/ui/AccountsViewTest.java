package org.corroborate.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.corroborate.WorkbenchTest;
import org.corroborate.security.AccountDetails;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

@WorkbenchTest
@WithMockUser(username = "admin", roles = "ADMIN")
class AccountsViewTest extends SpringBrowserlessTest {

    @SuppressWarnings("unchecked")
    private Grid<AccountDetails> grid() {
        return find(Grid.class).withId("accounts").single();
    }

    @Test
    void anAdministratorSeesAccountsAndCreatesOne() {
        navigate(AccountsView.class);
        int before = test(grid()).size();
        assertThat(before).isGreaterThanOrEqualTo(5);

        test(find(Button.class).withId("new-account").single()).click();
        test(find(TextField.class).withId("account-username").single()).setValue("erin-browserless");
        test(find(PasswordField.class).withId("account-password").single()).setValue("tiny");
        test(find(Button.class).withId("account-save").single()).click();
        Paragraph error = find(Paragraph.class).withId("form-error").single();
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("A password needs at least 8 characters.");
        assertThat(test(grid()).size()).isEqualTo(before);

        test(find(PasswordField.class).withId("account-password").single()).setValue("long enough now");
        test(find(Button.class).withId("account-save").single()).click();
        assertThat(test(grid()).size()).isEqualTo(before + 1);
    }

    @Test
    @WithMockUser(username = "alice", roles = "REVIEWER")
    void aReviewerIsKeptOut() {
        try {
            navigate(AccountsView.class);
        } catch (RuntimeException refused) {
            // Either a refusal or a reroute is fine; what matters is that no account data is shown.
        }
        assertThat(getCurrentView()).isNotInstanceOf(AccountsView.class);
        assertThat(find(Grid.class).withId("accounts").all()).isEmpty();
    }
}
