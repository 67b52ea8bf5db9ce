package org.corroborate.annotation.ui;

/**
 * One of the viewer's own actions in an open source that can be taken back and done again: a
 * create, change, move or delete of an annotation, or (contributed by review through
 * {@link WorkspaceExtension.Workspace#recordUndoable}) a verdict. Undoing and redoing are new,
 * audited changes through the same services as the action itself, at the version the action left
 * behind: when someone else changed the object since, the service refuses (a conflict) and the
 * action throws, having changed nothing.
 */
public interface UndoableAction {

    /** What the action did, as the Undo button's tooltip names it: "delete of FACT ‘the boats leak’". */
    String description();

    /** Takes the action back; throws (a {@code WorkbenchException}, say a conflict) when it cannot. */
    void undo();

    /** Does the action again after an undo; throws when it cannot. */
    void redo();
}
