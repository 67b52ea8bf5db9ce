package org.corroborate.claim.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.Notifications;
import org.corroborate.base.ui.NoSuchObject;
import org.corroborate.base.ui.ReasonDialog;
import org.corroborate.claim.ClaimDetails;
import org.corroborate.claim.ClaimService;
import org.corroborate.claim.ClaimUpdates;
import org.corroborate.claim.MemberDetails;
import org.corroborate.claim.MemberOutcome;
import org.corroborate.project.ProjectService;
import org.corroborate.project.ui.CurrentProject;

/**
 * A claim (route {@code claims/{id}}): its statement (editable by its creator and supervisors; a stale
 * edit keeps the words typed and shows the current statement), the first report in a sentence, the
 * drift summary, and the members side by side by published date ({@link MemberCard}) with the
 * supervisors' accept/reject (with a reason) and removal. Reads the claim again when it changes on any node.
 */
@Route("claims")
@PermitAll
@StyleSheet("claims.css")
public class ClaimView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final ClaimService claims;
    private final ClaimUpdates updates;
    private final ProjectService projects;
    private final CurrentProject currentProject;
    private final CurrentActor actor;
    private final Div content = new Div();
    private ClaimDetails claim;
    private String title = "Claim";
    private AutoCloseable subscription;
    /** The statement is open for editing: a colleague's change then waits for the save (which says it is stale). */
    private boolean editing;

    public ClaimView(ClaimService claims, ClaimUpdates updates, ProjectService projects, CurrentProject currentProject,
                     CurrentActor actor) {
        this.claims = claims;
        this.updates = updates;
        this.projects = projects;
        this.currentProject = currentProject;
        this.actor = actor;
        addClassName("cb-claim-page");
        Anchor back = new Anchor("claims", "← Claims");
        back.getElement().setAttribute("router-link", true);
        back.addClassName("cb-back");
        add(back, content);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            claim = claims.get(id);
        } catch (WorkbenchException e) {
            event.rerouteToError(new NoSuchObject("No such claim", e.getMessage()), e.getMessage());
            return;
        }
        currentProject.set(claim.project());
        render();
    }

    @Override
    public String getPageTitle() {
        return title + " · Corroborate";
    }

    private void render() {
        title = claim.statement().length() > 60 ? claim.statement().substring(0, 57) + "…" : claim.statement();
        editing = false;
        content.removeAll();
        long projectId = claim.project();
        boolean overseer = projects.oversees(projectId);
        String me = actor.require();
        content.add(statement(overseer || claim.createdBy().equals(me)));

        Paragraph first = new Paragraph(claim.firstReported().note());
        first.setId("first-report");
        first.addClassName("cb-first-report");
        first.getElement().setAttribute("data-status", claim.firstReported().status());
        Paragraph made = new Paragraph("Made by " + claim.createdBy() + " · " + claim.members().size()
                + (claim.members().size() == 1 ? " member" : " members") + " you can see · "
                + claim.members().stream().map(MemberDetails::source).distinct().count() + " sources");
        made.addClassName("cb-muted");
        content.add(first, made, new DriftSummary(claim.drift(), claim.members()));

        H3 heading = new H3("Members, by published date");
        Div cards = new Div();
        cards.setId("member-cards");
        cards.addClassName("cb-member-cards");
        List<Long> firstReports = claim.firstReported().annotations();
        for (MemberDetails member : claim.members()) {
            boolean mayRemove = overseer || member.addedBy().equals(me);
            cards.add(new MemberCard(member, claim.drift(), firstReports.contains(member.annotation()),
                    new MemberCard.Actions(
                            overseer ? () -> decide(member, MemberOutcome.ACCEPTED) : null,
                            overseer ? () -> decide(member, MemberOutcome.REJECTED) : null,
                            mayRemove ? () -> remove(member) : null)));
        }
        if (claim.members().isEmpty()) {
            Div none = new Div(new Text("No members you can see yet. In a source's workspace, select an annotation "
                    + "and add it to this claim in the Claims panel."));
            none.addClassName("cb-muted");
            cards.add(none);
        }
        content.add(heading, cards);
    }

    private Div statement(boolean editable) {
        H2 statement = new H2(claim.statement());
        statement.setId("claim-statement");
        Div row = new Div(statement);
        row.addClassName("cb-statement-row");
        if (editable) {
            Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> editStatement(row, claim.statement()));
            edit.setId("edit-statement");
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            row.add(edit);
        }
        return row;
    }

    private void editStatement(Div row, String typed) {
        long version = claim.version();
        TextArea field = new TextArea("Statement");
        field.setId("statement-field");
        field.setWidthFull();
        field.setMaxLength(ClaimService.MAX_STATEMENT);
        field.setValue(typed);
        Button save = new Button("Save", e -> {
            try {
                claim = claims.rename(claim.id(), field.getValue(), version);
                Notifications.success("Statement saved.");
                render();
            } catch (WorkbenchException conflict) {
                if (conflict.kind() != WorkbenchException.Kind.CONFLICT) {
                    throw conflict;
                }
                // Someone changed the claim meanwhile: show theirs, keep the viewer's words to save again.
                String mine = field.getValue();
                claim = claims.get(claim.id());
                render();
                Notifications.warning("Someone changed this claim meanwhile. Its statement now reads as shown; "
                        + "your words are in the field to save again.");
                editStatement((Div) content.getComponentAt(0), mine);
            }
        });
        save.setId("statement-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> render());
        Div buttons = new Div(save, cancel);
        buttons.addClassName("cb-statement-buttons");
        Div editor = new Div(field, buttons);
        editor.addClassName("cb-statement-editor");
        row.removeAll();
        row.add(editor);
        editing = true;
        field.focus();
    }

    private void decide(MemberDetails member, MemberOutcome outcome) {
        String verb = outcome == MemberOutcome.ACCEPTED ? "Accept" : "Reject";
        new ReasonDialog(verb + " “" + member.text() + "” (" + member.title() + ") as a member", verb, reason -> {
            claim = claims.decide(claim.id(), member.annotation(), outcome, reason);
            Notifications.success(outcome == MemberOutcome.ACCEPTED ? "Accepted." : "Rejected.");
            render();
        }).setRequiredMessage("Every decision needs a reason.").open();
    }

    private void remove(MemberDetails member) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Remove this member?");
        confirm.setText("“" + member.text() + "” (" + member.title() + ") leaves the claim; the annotation stays.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Remove");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            claim = claims.removeMember(claim.id(), member.annotation());
            Notifications.success("Removed from the claim.");
            render();
        });
        confirm.open();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (claim == null) {
            return;
        }
        UI ui = event.getUI();
        long id = claim.id();
        subscription = updates.subscribe(claim.project(), change -> {
            if (change.claimId() == id) {
                ui.access(this::refresh);
            }
        });
    }

    /** Another person's change: read again, unless the viewer is editing the statement (they keep their words). */
    private void refresh() {
        if (editing) {
            return;
        }
        try {
            claim = claims.get(claim.id());
            render();
        } catch (WorkbenchException gone) {
            content.removeAll();
            Span deleted = new Span("This claim was deleted.");
            deleted.setId("claim-deleted");
            content.add(deleted);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            subscription = null;
        }
    }
}
