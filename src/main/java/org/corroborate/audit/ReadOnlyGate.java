package org.corroborate.audit;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.corroborate.base.WorkbenchException;
import org.springframework.stereotype.Component;

/**
 * Whether the workbench accepts changes. It is closed while the audit guard is missing and
 * {@code workbench.audit.guard-missing=read-only} let the workbench start anyway (or while a
 * scheduled check finds the guard gone): every change asks for an audit event, and
 * {@link AuditRecorder} asks this gate first, so a closed gate refuses every write with 503
 * {@code read_only} and rolls it back. Reading goes on.
 */
@Component
public class ReadOnlyGate {

    private final AtomicReference<String> reason = new AtomicReference<>();

    /** Why the workbench is read-only, as a sentence; empty while it accepts changes. */
    public Optional<String> readOnlyReason() {
        return Optional.ofNullable(reason.get());
    }

    /** Throws {@link WorkbenchException.Kind#READ_ONLY} while the gate is closed. */
    void requireWritable() {
        String why = reason.get();
        if (why != null) {
            throw WorkbenchException.readOnly("The workbench is read-only: " + why + " Nothing was changed; an "
                    + "administrator must restore the audit guard (docs/operations.md, \"Read-only\").");
        }
    }

    /** Refuses changes from now on; returns whether it was open before. */
    boolean close(String why) {
        return reason.getAndSet(why) == null;
    }

    /** Accepts changes again; returns whether it was closed before. */
    boolean open() {
        return reason.getAndSet(null) != null;
    }
}
