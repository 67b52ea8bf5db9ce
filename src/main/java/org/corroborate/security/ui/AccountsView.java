package org.corroborate.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.corroborate.base.Role;
import org.corroborate.base.Roles;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.Notifications;
import org.corroborate.security.AccountDetails;
import org.corroborate.security.AccountService;
import org.corroborate.security.NewAccount;

/**
 * Administration of accounts: create, make or unmake administrators, disable, reset passwords. Every
 * change is audited. Reviewing and supervising are roles in a project, not of an account: what
 * {@link AccountsExtension}s add (the projects feature: each account's projects and roles there, and
 * a link to where members are managed) shows them.
 */
@Route("admin/accounts")
@PageTitle("Accounts · Corroborate")
@Menu(order = 90, title = "Accounts", icon = "vaadin:users")
@RolesAllowed(Roles.ADMIN)
public class AccountsView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final AccountService accounts;
    private final Grid<AccountDetails> grid = new Grid<>();
    private final List<AccountsExtension> extensions;
    private final List<Function<AccountDetails, Component>> extensionCells = new ArrayList<>();

    public AccountsView(AccountService accounts, List<AccountsExtension> extensions) {
        this.accounts = accounts;
        this.extensions = extensions;
        setSizeFull();
        Button create = new Button("New account", VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.setId("new-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout top = new HorizontalLayout(new H2("Accounts"), create);
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("accounts");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_NO_BORDER);
        grid.addColumn(AccountDetails::username).setHeader("Username").setSortable(true).setWidth("9rem")
                .setFlexGrow(0);
        grid.addColumn(AccountDetails::displayName).setHeader("Name").setSortable(true).setWidth("9rem");
        grid.addColumn(a -> a.has(Role.ADMIN) ? "Administrator" : "")
                .setHeader("Workbench role").setKey("roles").setWidth("9rem").setFlexGrow(0);
        for (int i = 0; i < extensions.size(); i++) {
            int index = i;
            grid.addComponentColumn(a -> extensionCells.get(index).apply(a)).setHeader(extensions.get(i).header())
                    .setKey("extension-" + i).setWidth("12rem");
        }
        grid.addComponentColumn(AccountsView::status).setHeader("Status").setKey("status").setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(a -> DATE.format(a.createdAt().atZone(ZoneId.systemDefault()))).setHeader("Created")
                .setWidth("8rem").setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setWidth("17rem").setFlexGrow(0);
        add(top);
        extensions.stream().map(AccountsExtension::hint).filter(Objects::nonNull).forEach(this::add);
        add(grid);
        refresh();
    }

    private static Span status(AccountDetails account) {
        Span status = new Span(account.enabled() ? "Active" : "Disabled");
        status.addClassName(account.enabled() ? "cb-status-active" : "cb-status-disabled");
        return status;
    }

    private HorizontalLayout actions(AccountDetails account) {
        Button roles = new Button("Role", e -> openRolesDialog(account));
        Button toggle = new Button(account.enabled() ? "Disable" : "Enable",
                e -> run(() -> accounts.setEnabled(account.id(), !account.enabled()),
                        (account.enabled() ? "Disabled " : "Enabled ") + account.username(), Notifications::error));
        Button password = new Button("Reset password", e -> openPasswordDialog(account));
        for (Button b : new Button[] {roles, toggle, password}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.getElement().setAttribute("data-account", account.username());
        }
        toggle.addClassName("cb-toggle-enabled");
        return new HorizontalLayout(roles, toggle, password);
    }

    private void openCreateDialog() {
        TextField username = new TextField("Username");
        username.setId("account-username");
        username.setHelperText("Lower-case letters, digits, '.', '_' or '-'");
        TextField displayName = new TextField("Full name");
        displayName.setId("account-display-name");
        PasswordField password = new PasswordField("Password");
        password.setId("account-password");
        password.setHelperText("At least 8 characters and hard to guess: a few uncommon words work well");
        Checkbox admin = adminField(false);
        FormLayout form = new FormLayout(username, displayName, password, admin);
        form.setColspan(admin, 2);
        FormDialog dialog = new FormDialog("New account", form);
        Button save = new Button("Create account", e -> dialog.closeIf(run(() -> accounts.create(new NewAccount(
                username.getValue(), displayName.getValue(), password.getValue(), roles(admin))),
                "Created " + username.getValue(), dialog::showError)));
        save.setId("account-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void openRolesDialog(AccountDetails account) {
        Checkbox admin = adminField(account.has(Role.ADMIN));
        Paragraph perProject = new Paragraph("Reviewer and supervisor are roles in a project: give them on the "
                + "Projects page, in a project's members.");
        perProject.addClassName("cb-muted");
        FormDialog dialog = new FormDialog("Workbench role of " + account.username(), new Div(admin, perProject));
        Button save = new Button("Save role", e -> dialog.closeIf(run(
                () -> accounts.changeRoles(account.id(), roles(admin)),
                "Role of " + account.username() + " saved", dialog::showError)));
        save.setId("account-role-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void openPasswordDialog(AccountDetails account) {
        PasswordField password = new PasswordField("New password");
        password.setHelperText("At least 8 characters and hard to guess: a few uncommon words work well. "
                + "Tell the person through a safe channel.");
        password.setWidthFull();
        FormDialog dialog = new FormDialog("Reset the password of " + account.username(), password);
        Button save = new Button("Set password", e -> dialog.closeIf(run(
                () -> accounts.resetPassword(account.id(), password.getValue()),
                "Password of " + account.username() + " reset", dialog::showError)));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    /** The one workbench-wide role: reviewing and supervising are held in projects. */
    private static Checkbox adminField(boolean selected) {
        Checkbox admin = new Checkbox("Administrator: manages accounts, creates projects, oversees every project",
                selected);
        admin.setId("account-admin");
        return admin;
    }

    private static Set<Role> roles(Checkbox admin) {
        return admin.getValue() ? EnumSet.of(Role.ADMIN) : EnumSet.noneOf(Role.class);
    }

    /**
     * Runs a change, reports its outcome, and refreshes the grid with the changed account selected and
     * scrolled into view (a new account sorts among many); false if it was refused.
     */
    private boolean run(Supplier<AccountDetails> change, String success, Consumer<String> onRefusal) {
        try {
            AccountDetails changed = change.get();
            Notifications.success(success);
            refresh();
            grid.getListDataView().getItems().filter(a -> a.id().equals(changed.id())).findFirst().ifPresent(a -> {
                grid.select(a);
                grid.scrollToItem(a);
            });
            return true;
        } catch (WorkbenchException e) {
            onRefusal.accept(e.getMessage());
            return false;
        }
    }

    /** A dialog with a form, which shows why a change was refused above the form and stays open. */
    private static final class FormDialog extends Dialog {
        private final Paragraph error = new Paragraph();

        FormDialog(String title, Component content) {
            setHeaderTitle(title);
            setWidth("min(36rem, 95vw)");
            error.addClassName("cb-form-error");
            error.setId("form-error");
            error.setVisible(false);
            add(error, content);
        }

        void showError(String message) {
            error.setText(message);
            error.setVisible(true);
        }

        void closeIf(boolean done) {
            if (done) {
                close();
            }
        }
    }

    private void refresh() {
        extensionCells.clear();
        extensions.forEach(extension -> extensionCells.add(extension.cells()));
        grid.setItems(accounts.list());
    }
}
