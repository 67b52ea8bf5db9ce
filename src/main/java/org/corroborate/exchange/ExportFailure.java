package org.corroborate.exchange;

/**
 * An export that broke off while it was built, for a reason other than the caller's request (a
 * format's bug, a full disk): logged and audited as {@code corpus.export-failed} before it is
 * thrown; the API answers 500 with this message, the Exchange page shows it.
 */
public class ExportFailure extends RuntimeException {

    ExportFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
