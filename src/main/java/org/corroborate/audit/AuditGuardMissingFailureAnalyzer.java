package org.corroborate.audit;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start refused for a missing audit guard, and the ways out, instead of a stack trace. */
class AuditGuardMissingFailureAnalyzer extends AbstractFailureAnalyzer<AuditGuardMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AuditGuardMissingException cause) {
        return new FailureAnalysis("The workbench refuses to start (workbench.audit.guard-missing=refuse). "
                + cause.getMessage(),
                "Run migrations as the owner role (spring.flyway.user / spring.flyway.password) and the workbench as a "
                        + "runtime role that owns nothing (spring.datasource.username), as docs/operations.md describes "
                        + "under 'Two database roles'; re-install a dropped or disabled trigger as it describes under "
                        + "'Append-only guard'. To start anyway without accepting changes, set "
                        + "workbench.audit.guard-missing=read-only.",
                cause);
    }
}
