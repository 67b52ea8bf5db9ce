package org.corroborate.claim.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.ui.WorkspaceExtension;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.Notifications;
import org.corroborate.claim.ClaimDetails;
import org.corroborate.claim.ClaimService;
import org.corroborate.claim.ClaimSummary;
import org.corroborate.claim.ClaimUpdates;
import org.corroborate.claim.MemberDetails;
import org.corroborate.claim.Stance;
import org.corroborate.project.ProjectService;

/**
 * The workspace's Claims panel for the annotation on show: the claims it is in (statement, its
 * stance there, a link to the claim's page), and, for reviewers and supervisors, adding it to a claim
 * (picked by typing part of the statement) or to a new one (its statement prefilled with the
 * annotation's text) with a stance, changing its stance, taking it out. Every control is a plain
 * field or button, reachable with Tab; Enter in the new statement creates the claim. Changes anyone
 * commits to the project's claims show while the panel is open.
 */
@org.springframework.stereotype.Component
class ClaimsPanel implements WorkspaceExtension {

    private final ClaimService claims;
    private final ClaimUpdates updates;
    private final ProjectService projects;
    private final CurrentActor actor;

    ClaimsPanel(ClaimService claims, ClaimUpdates updates, ProjectService projects, CurrentActor actor) {
        this.claims = claims;
        this.updates = updates;
        this.projects = projects;
        this.actor = actor;
    }

    @Override
    public Component annotationPanel(Workspace workspace, AnnotationDetails annotation) {
        if (annotation.id() == null || annotation.project() == null) {
            return null;
        }
        Div panel = new Div();
        panel.setId("claims");
        panel.addClassName("cb-claims");
        Div list = new Div();
        list.setId("claims-list");
        list.addClassName("cb-claims-list");
        panel.add(new H4("Claims"), list);
        Form form = mayLink(annotation.project()) ? new Form(annotation, list) : null;
        if (form != null) {
            panel.add(form.root);
        }
        show(list, annotation, form);
        AutoCloseable[] listening = new AutoCloseable[1];
        panel.addAttachListener(e -> {
            UI ui = e.getUI();
            listening[0] = updates.subscribe(annotation.project(), change -> ui.access(() -> {
                if (panel.isAttached()) {
                    show(list, annotation, form);
                }
            }));
        });
        panel.addDetachListener(e -> {
            if (listening[0] != null) {
                try {
                    listening[0].close();
                } catch (Exception ignored) {
                    // removing a listener from a list does not fail
                }
            }
        });
        return panel;
    }

    /** Reviewers and supervisors of the project (and administrators) put annotations into claims. */
    private boolean mayLink(long projectId) {
        return projects.annotates(projectId) || projects.holds(projectId, Role.ADMIN);
    }

    /** The claims the annotation is in, as they are now, each with its stance and what the viewer may do. */
    private void show(Div list, AnnotationDetails annotation, Form form) {
        List<ClaimSummary> in;
        try {
            in = claims.claimsOf(annotation.id());
        } catch (WorkbenchException gone) {
            list.removeAll();
            Span missing = new Span("This annotation is no longer there.");
            missing.addClassName("cb-muted");
            list.add(missing);
            return;
        }
        List<ClaimDetails> details = in.stream().map(c -> claims.get(c.id())).toList();
        // A change this panel made arrives again as a live update: the same state is not drawn twice, so
        // a click on a line is never lost to a redraw.
        String state = details.stream().map(c -> c.id() + ":" + c.version()).collect(Collectors.joining(","));
        if (state.equals(ComponentUtil.getData(list, String.class)) && list.getComponentCount() > 0) {
            return;
        }
        ComponentUtil.setData(list, String.class, state);
        list.removeAll();
        if (in.isEmpty()) {
            Span none = new Span("Not in any claim yet.");
            none.setId("claims-none");
            none.addClassName("cb-muted");
            list.add(none);
        }
        for (ClaimDetails claim : details) {
            MemberDetails member = claim.members().stream().filter(m -> m.annotation() == annotation.id())
                    .findFirst().orElse(null);
            if (member != null) {
                list.add(line(list, annotation, form, claim, member));
            }
        }
        if (form != null) {
            form.exclude(in.stream().map(ClaimSummary::id).collect(Collectors.toSet()));
        }
    }

    private Div line(Div list, AnnotationDetails annotation, Form form, ClaimDetails claim, MemberDetails member) {
        Div line = new Div();
        line.addClassName("cb-claim-line");
        line.getElement().setAttribute("data-claim", String.valueOf(claim.id()));
        Anchor link = new Anchor("claims/" + claim.id(), claim.statement());
        link.addClassName("cb-claim-statement");
        line.add(link);
        boolean mayChange = member.addedBy().equals(actor.require()) || projects.oversees(claim.project());
        Select<Stance> stance = stanceSelect();
        stance.setValue(member.stance());
        stance.setAriaLabel("Stance in \"" + claim.statement() + "\"");
        stance.setReadOnly(!mayChange);
        stance.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && e.getValue() != member.stance()) {
                act(() -> claims.changeStance(claim.id(), annotation.id(), e.getValue()),
                        "Now " + words(e.getValue()) + " the claim.", list, annotation, form);
            }
        });
        line.add(stance);
        if (mayChange) {
            Button remove = new Button("Remove", e -> act(() -> claims.removeMember(claim.id(), annotation.id()),
                    "Taken out of the claim.", list, annotation, form));
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            remove.setAriaLabel("Remove from \"" + claim.statement() + "\"");
            remove.addClassName("cb-claim-remove");
            line.add(remove);
        }
        if (member.decision() != null) {
            Span decided = new Span(member.decision().outcome().name().toLowerCase(Locale.ROOT) + " by "
                    + member.decision().decidedBy());
            decided.addClassName("cb-muted");
            decided.setTitle(member.decision().reason());
            line.add(decided);
        }
        return line;
    }

    /** Runs a change; says what happened or, on a refusal, why, and shows the claims as they are now. */
    private void act(Runnable change, String done, Div list, AnnotationDetails annotation, Form form) {
        try {
            change.run();
            Notifications.success(done);
        } catch (WorkbenchException refused) {
            Notifications.error(refused.getMessage());
        } catch (org.springframework.security.access.AccessDeniedException refused) {
            Notifications.error(refused.getMessage());
        }
        show(list, annotation, form);
    }

    private static Select<Stance> stanceSelect() {
        Select<Stance> stance = new Select<>();
        stance.setItems(Stance.values());
        stance.setItemLabelGenerator(ClaimsPanel::label);
        stance.addThemeVariants(com.vaadin.flow.component.select.SelectVariant.LUMO_SMALL);
        stance.addClassName("cb-claim-stance");
        return stance;
    }

    /** A stance as people read it: "Supports". */
    static String label(Stance stance) {
        return switch (stance) {
            case SUPPORTS -> "Supports";
            case CONTRADICTS -> "Contradicts";
            case QUALIFIES -> "Qualifies";
        };
    }

    private static String words(Stance stance) {
        return label(stance).toLowerCase(Locale.ROOT);
    }

    /** Adding the annotation to a claim of the project, or to a new one. */
    private final class Form {

        final Div root = new Div();
        private final ComboBox<ClaimSummary> pick = new ComboBox<>("Add to a claim");
        private final Select<Stance> stance = stanceSelect();
        private final TextArea statement = new TextArea("New claim");
        private final AnnotationDetails annotation;
        private Set<Long> excluded = Set.of();

        Form(AnnotationDetails annotation, Div list) {
            this.annotation = annotation;
            root.addClassName("cb-claim-form");
            pick.setId("claim-pick");
            pick.setPlaceholder("Type part of a statement");
            pick.setItemLabelGenerator(ClaimSummary::statement);
            pick.setClearButtonVisible(true);
            pick.setWidthFull();
            pick.addFocusListener(e -> load());
            stance.setId("claim-stance");
            stance.setLabel("Stance");
            stance.setTooltipText("The stance this annotation takes, for Add and for a new claim");
            stance.setValue(Stance.SUPPORTS);
            Button add = new Button("Add", e -> {
                ClaimSummary chosen = pick.getValue();
                if (chosen == null) {
                    Notifications.warning("Pick a claim first, or make a new one below.");
                    pick.focus();
                    return;
                }
                act(() -> claims.addMember(chosen.id(), annotation.id(), stance.getValue()),
                        "Added to the claim: " + chosen.statement(), list, annotation, this);
                pick.clear();
            });
            add.setId("claim-add");
            add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            statement.setId("claim-statement");
            statement.setValue(annotation.text() == null ? "" : annotation.text().strip());
            statement.setMaxLength(ClaimService.MAX_STATEMENT);
            statement.setWidthFull();
            statement.setHelperText("Enter makes the claim with this annotation in it; Shift+Enter starts a new line.");
            Button create = new Button("New claim with it", e -> create(list, statement.getValue()));
            create.setId("claim-create");
            create.addThemeVariants(ButtonVariant.LUMO_SMALL);
            // The words typed travel with the key: the field's own value reaches the server only on change.
            statement.getElement().addEventListener("keydown", e -> {
                String typed = e.getEventData().get("element.value").asString();
                statement.setValue(typed);
                create(list, typed);
            }).setFilter("event.key === 'Enter' && !event.shiftKey && !event.isComposing")
                    .addEventData("element.value");
            statement.getElement().executeJs("this.addEventListener('keydown', e => { if (e.key === 'Enter' && "
                    + "!e.shiftKey && !e.isComposing) { e.preventDefault(); } });");
            Div adding = new Div(pick, add);
            adding.addClassName("cb-claim-adding");
            root.add(stance, adding, statement, create);
        }

        /** Claims the annotation is in already are not offered again. */
        void exclude(Set<Long> ids) {
            excluded = ids;
        }

        private void load() {
            ClaimSummary chosen = pick.getValue();
            pick.setItems(claims.list(annotation.project()).stream().filter(c -> !excluded.contains(c.id())).toList());
            if (chosen != null && !excluded.contains(chosen.id())) {
                pick.setValue(chosen);
            }
        }

        private void create(Div list, String wording) {
            act(() -> claims.create(annotation.project(), wording, annotation.id(), stance.getValue()), "New claim made; this annotation " + words(stance.getValue()) + " it.", list, annotation, this);
        }
    }
}
