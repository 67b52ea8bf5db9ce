package org.corroborate.annotation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

/**
 * A piece another feature adds to the annotation workspace's toolbar (review status and submission,
 * say), so that the workspace does not depend on those features. Implementations are Spring beans.
 */
public interface WorkspaceExtension {

    /** A new component for one open workspace; called once per view. */
    Component toolbarItem(Workspace workspace);

    /** What an extension may know of and do to the workspace it sits in. */
    interface Workspace {

        long sourceId();

        /** Listens to the viewer's own changes of annotations in this source. */
        Registration onOwnChange(Runnable listener);

        /** Something changed what the viewer may see (a submission in blind mode): reload. */
        void visibilityChanged();
    }
}
