package org.corroborate.project.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.Notifications;
import org.corroborate.project.ProjectMembership;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;

/**
 * A project's members and their roles there. Every member sees the list; its supervisors and
 * administrators add an account by username, tick REVIEWER and SUPERVISOR, remove members, and save
 * the whole list at once (one audited change). A refusal, such as a supervisor leaving the project
 * without a supervisor, is shown above the list and nothing changes.
 */
class MembersEditor extends Div {

    private final ProjectService projects;
    private final AccountService accounts;
    private final long projectId;
    private final boolean editable;
    private final Runnable onSaved;
    private final Grid<Member> grid = new Grid<>();
    private final ComboBox<String> newMember = new ComboBox<>("Add an account");
    private final Paragraph error = new Paragraph();
    private final List<Member> members = new ArrayList<>();

    /** @param onSaved runs after the members were saved */
    MembersEditor(ProjectService projects, AccountService accounts, long projectId, boolean editable,
                  Runnable onSaved) {
        this.onSaved = onSaved;
        this.projects = projects;
        this.accounts = accounts;
        this.projectId = projectId;
        this.editable = editable;
        addClassName("cb-members-editor");
        grid.setId("members");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Member::username).setHeader("Member").setKey("username").setFlexGrow(1);
        grid.setEmptyStateText("No members yet.");
        if (editable) {
            grid.addComponentColumn(m -> roleBox(m, Role.REVIEWER)).setHeader("Reviewer").setKey("reviewer")
                    .setWidth("6.5rem").setFlexGrow(0);
            grid.addComponentColumn(m -> roleBox(m, Role.SUPERVISOR)).setHeader("Supervisor").setKey("supervisor")
                    .setWidth("7rem").setFlexGrow(0);
            grid.addComponentColumn(this::removeButton).setHeader("").setKey("remove").setWidth("6.5rem")
                    .setFlexGrow(0);
            add(error, addRow(), grid, saveRow());
        } else {
            grid.addColumn(m -> ProjectRoles.describe(m.roles)).setHeader("Roles here").setKey("roles")
                    .setFlexGrow(1);
            add(grid);
        }
        error.addClassName("cb-form-error");
        error.setId("members-error");
        error.setVisible(false);
        load();
    }

    private HorizontalLayout addRow() {
        newMember.setId("member-username");
        newMember.setPlaceholder("username");
        newMember.setHelperText("New members start as reviewers; tick Supervisor below to let them run the project.");
        newMember.setWidth("16rem");
        Button add = new Button("Add", VaadinIcon.PLUS.create(), e -> addMember());
        add.setId("add-member");
        HorizontalLayout row = new HorizontalLayout(newMember, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private HorizontalLayout saveRow() {
        Button save = new Button("Save members", e -> save());
        save.setId("save-members");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button undo = new Button("Undo changes", e -> load());
        undo.setId("undo-members");
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(save, undo);
    }

    private Checkbox roleBox(Member member, Role role) {
        Checkbox box = new Checkbox(member.roles.contains(role));
        box.setAriaLabel(ProjectRoles.word(role) + " " + member.username);
        box.getElement().setAttribute("data-member", member.username);
        box.getElement().setAttribute("data-role", role.name());
        box.addValueChangeListener(e -> {
            if (e.getValue()) {
                member.roles.add(role);
            } else {
                member.roles.remove(role);
            }
        });
        return box;
    }

    private Button removeButton(Member member) {
        Button remove = new Button("Remove", e -> {
            members.remove(member);
            showMembers();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.getElement().setAttribute("data-member", member.username);
        remove.addClassName("cb-remove-member");
        return remove;
    }

    private void addMember() {
        String username = newMember.getValue();
        if (username == null || username.isBlank()) {
            return;
        }
        members.add(new Member(username, EnumSet.of(Role.REVIEWER)));
        newMember.clear();
        showMembers();
    }

    private void save() {
        try {
            List<ProjectMembership> saved = projects.setMembers(projectId,
                    members.stream().map(m -> new ProjectMembership(m.username, Set.copyOf(m.roles))).toList());
            error.setVisible(false);
            Notifications.success("Members saved: " + saved.size());
            load();
            onSaved.run();
        } catch (WorkbenchException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
        }
    }

    private void load() {
        members.clear();
        projects.members(projectId).forEach(m -> members.add(new Member(m.username(),
                m.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(m.roles()))));
        showMembers();
    }

    private void showMembers() {
        grid.setItems(members);
        if (editable) {
            List<String> taken = members.stream().map(Member::username).toList();
            newMember.setItems(accounts.enabledUsernames().stream().filter(u -> !taken.contains(u)).toList());
        }
    }

    /** One member as edited here, before saving. */
    private static final class Member {
        private final String username;
        private final Set<Role> roles;

        Member(String username, Set<Role> roles) {
            this.username = username;
            this.roles = roles;
        }

        String username() {
            return username;
        }
    }
}
