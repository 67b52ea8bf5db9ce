package org.corroborate.audit;

import java.util.List;

/**
 * The outcome of re-walking the chain: valid or not, how many events, the head hash, and where it
 * first breaks (the event's sequence number, its id, and what is wrong) when it does;
 * {@code witnessedSeq} is the newest event the witness outside the database saw (null: no witness);
 * and warnings about the log's protection that do not break the chain itself, such as
 * "append-only guard missing". A chain that no longer holds what a signed checkpoint vouches for is
 * broken (a rewritten history).
 */
public record AuditVerification(boolean valid, long events, String head, Long brokenSeq, Long brokenId,
                                String problem, long millis, Long witnessedSeq, List<String> warnings) {

    /** The same outcome, broken at {@code seq} for {@code what} (or, if already broken, with it added as "Further"). */
    public AuditVerification withProblem(Long seq, String what) {
        return valid ? new AuditVerification(false, events, head, seq, null, what, millis, witnessedSeq, warnings)
                : new AuditVerification(false, events, head, brokenSeq, brokenId, problem + " Further: " + what, millis,
                        witnessedSeq, warnings);
    }

    /** The same outcome with these warnings. */
    public AuditVerification withWarnings(List<String> warnings) {
        return new AuditVerification(valid, events, head, brokenSeq, brokenId, problem, millis, witnessedSeq,
                List.copyOf(warnings));
    }
}
