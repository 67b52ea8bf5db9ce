package org.corroborate.annotation.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.corroborate.base.WorkbenchException;
import org.springframework.security.access.AccessDeniedException;

/**
 * The viewer's undo and redo stacks for one source in one browser tab (UI), newest on top, at most
 * {@link #LIMIT} steps (the oldest is forgotten). A new action empties the redo stack. A step that
 * cannot be undone or redone (someone changed the object since, or the viewer may no longer change
 * it) is dropped from both stacks, since it never will apply again, and the outcome says why in
 * plain words; nothing was changed then.
 */
final class UndoHistory {

    /** How many steps are kept per source and tab. */
    static final int LIMIT = 50;

    private final Deque<UndoableAction> undo = new ArrayDeque<>();
    private final Deque<UndoableAction> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** What an undo or redo came to: done, or refused with the reason; {@code message} says which. */
    record Outcome(boolean done, String message) {}

    /** The viewer did something that can be undone. */
    void record(UndoableAction action) {
        undo.push(action);
        while (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        changed();
    }

    /** The step the Undo button would take back, if any. */
    Optional<UndoableAction> nextUndo() {
        return Optional.ofNullable(undo.peek());
    }

    /** The step the Redo button would do again, if any. */
    Optional<UndoableAction> nextRedo() {
        return Optional.ofNullable(redo.peek());
    }

    /** Takes back the newest step; empty when there is none. */
    Optional<Outcome> undo() {
        return nextUndo().map(this::undo);
    }

    /**
     * Takes back one particular step (the delete an undo toast offers to take back), wherever it is
     * on the stack; a step already undone or dropped gives an outcome that says so.
     */
    Outcome undo(UndoableAction action) {
        if (!undo.remove(action)) {
            return new Outcome(false, "That was already undone.");
        }
        try {
            action.undo();
            redo.push(action);
            return new Outcome(true, "Undone: " + action.description() + ".");
        } catch (WorkbenchException | AccessDeniedException e) {
            return new Outcome(false, refusal("undo", action, e));
        } finally {
            changed();
        }
    }

    /** Does the newest undone step again; empty when there is none. */
    Optional<Outcome> redo() {
        UndoableAction action = redo.poll();
        if (action == null) {
            return Optional.empty();
        }
        try {
            action.redo();
            undo.push(action);
            return Optional.of(new Outcome(true, "Redone: " + action.description() + "."));
        } catch (WorkbenchException | AccessDeniedException e) {
            return Optional.of(new Outcome(false, refusal("redo", action, e)));
        } finally {
            changed();
        }
    }

    int undoSize() {
        return undo.size();
    }

    /** Listens to any change of the stacks (to update the buttons); the returned action stops listening. */
    Runnable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    private static String refusal(String what, UndoableAction action, RuntimeException e) {
        boolean conflict = e instanceof WorkbenchException w && w.kind() == WorkbenchException.Kind.CONFLICT;
        return "Could not " + what + " the " + action.description() + ": "
                + (conflict ? "someone else changed it since, and an " + what + " never overwrites their work. "
                + "Nothing was changed; the step is dropped from the history."
                : e.getMessage() + " The step is dropped from the history.");
    }
}
