package org.corroborate.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a refused start on an empty database, and how to fix it, instead of a stack trace. */
class FirstAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<FirstAdministratorException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FirstAdministratorException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Give the first administrator a valid username and a password of at least 8 characters, either with "
                        + "--workbench.admin.password=... or the environment variable WORKBENCH_ADMIN_PASSWORD "
                        + "(the username is 'admin' unless workbench.admin.username says otherwise), "
                        + "or start in demo mode with --workbench.demo=true.",
                cause);
    }
}
