package org.corroborate.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.stream.IntStream;
import org.corroborate.base.Role;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.ui.FromTheBrowser;
import org.corroborate.security.AccountDetails;
import org.corroborate.security.AccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

@WorkbenchTest
@WithMockUser(username = "admin", roles = "ADMIN")
class AccountsViewTest extends SpringBrowserlessTest {

    @Autowired AccountService accounts;
    @Autowired CurrentActor actor;

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

    @Test
    void aGridActionTheServiceRefusesShowsWhyAndChangesNothing() {
        navigate(AccountsView.class);
        int row = IntStream.range(0, test(grid()).size())
                .filter(i -> test(grid()).getRow(i).username().equals("bob")).findFirst().orElseThrow();
        HorizontalLayout actions = (HorizontalLayout) test(grid()).getCellComponent(row,
                grid().getColumns().indexOf(grid().getColumnByKey("actions")));
        Button disable = (Button) actions.getComponentAt(1);
        assertThat(disable.getText()).isEqualTo("Disable");

        // The page is still open when the administrator role is taken away; the service refuses.
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, List.of(new SimpleGrantedAuthority("ROLE_REVIEWER"))));
        FromTheBrowser.run(disable::click);

        assertThat(test(find(Notification.class).single()).getText()).startsWith("You may not do this");
        assertThat(actor.runAs("admin", Role.ADMIN, () -> accounts.list()).stream()
                .filter(a -> a.username().equals("bob")).findFirst().orElseThrow().enabled()).isTrue();
    }
}
