package org.corroborate.annotation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.ReviewChanged;

/**
 * A piece another feature adds to the annotation workspace's toolbar (review status and submission,
 * say), so that the workspace does not depend on those features. Implementations are Spring beans.
 */
public interface WorkspaceExtension {

    /** A new component for the toolbar of one open workspace, or null; called once per view. */
    default Component toolbarItem(Workspace workspace) {
        return null;
    }

    /** A component shown under the annotation panel for the annotation on show, or null. */
    default Component annotationPanel(Workspace workspace, AnnotationDetails annotation) {
        return null;
    }

    /** Extra lines for the highlights' tooltips (say, colleagues' verdicts), by annotation id. */
    default Map<Long, String> tooltipNotes(long sourceId) {
        return Map.of();
    }

    /**
     * The gold layer of a source as the viewer may read it, for the workspace's Gold view, or empty
     * (no gold yet, or hidden from the viewer, say by blind mode). Read on every switch to Gold.
     */
    default List<GoldMark> goldLayer(long sourceId) {
        return List.of();
    }

    /** What an extension may know of and do to the workspace it sits in. */
    interface Workspace {

        long sourceId();

        /** Listens to the viewer's own changes of annotations in this source. */
        Registration onOwnChange(Runnable listener);

        /** Something changed what the viewer may see (a submission in blind mode): reload. */
        void visibilityChanged();

        /**
         * Listens to review writes on this source that have committed, by anyone (a colleague's
         * verdict, a supervisor's decision or reopening): what a panel or toolbar item shows of them
         * is read again, so it changes without a reload. A panel listens while it is attached.
         */
        Registration onReviewChange(Consumer<ReviewChanged> listener);

        /** Whether the viewer's work queue (the library's listing, see {@code source.ui.WorkQueue}) has a source after this one. */
        default boolean hasNext() {
            return false;
        }

        /** Opens the next source of the viewer's work queue; does nothing at its end. */
        default void openNext() { }

        /**
         * The viewer did something in this source that Undo can take back (a verdict, say): it goes
         * on the workspace's undo history, beside their annotation changes.
         */
        void recordUndoable(UndoableAction action);
    }
}
