package org.corroborate.scheme;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a refused start caused by the label scheme file, one problem a line. */
class InvalidSchemeFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSchemeException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSchemeException cause) {
        return new FailureAnalysis(
                "The label scheme " + cause.location() + " is invalid:\n  - " + String.join("\n  - ", cause.problems()),
                "Correct the scheme file (see annotations/README.md for its fields) and start again.",
                cause);
    }
}
