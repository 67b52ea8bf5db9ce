package org.corroborate.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import org.corroborate.annotation.ui.WorkspaceExtension;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;

/** In a supervisor's workspace toolbar: the way to the source's curation. */
@org.springframework.stereotype.Component
class CurationLink implements WorkspaceExtension {

    private final CurrentActor actor;

    CurationLink(CurrentActor actor) {
        this.actor = actor;
    }

    @Override
    public Component toolbarItem(Workspace workspace) {
        if (!actor.has(Role.SUPERVISOR)) {
            return null;
        }
        Button curate = new Button("Adjudicate", e -> e.getSource().getUI()
                .ifPresent(ui -> ui.navigate("curate/" + workspace.sourceId())));
        curate.setId("open-curation");
        curate.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return curate;
    }
}
