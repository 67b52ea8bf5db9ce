package org.corroborate.security;

import java.util.Collection;
import java.util.List;
import org.corroborate.base.WorkbenchException;

/**
 * What an API token may do: {@link #READ} sends only GET and HEAD; {@link #WRITE} sends every method
 * (it includes reading, as a script that changes things must read them first). What the account may
 * do in its projects still decides the rest.
 */
public enum TokenScope {
    /** GET and HEAD only: every other method is 403 {@code token_scope}. */
    READ,
    /** Every method, reading included. */
    WRITE;

    /** The scopes the API lists for a token of this level: ["read"] or ["read", "write"]. */
    public List<String> granted() {
        return this == READ ? List.of("read") : List.of("read", "write");
    }

    /** Whether a token of this scope may send a request with this HTTP method. */
    public boolean allows(String method) {
        return this == WRITE || "GET".equals(method) || "HEAD".equals(method);
    }

    /**
     * The scope a request asks for: {@code ["read"]} is READ, any list with {@code "write"} is WRITE.
     *
     * @throws WorkbenchException 400 for no scopes, or a name other than read and write
     */
    public static TokenScope of(Collection<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw WorkbenchException.badInput("'scopes' must name at least one scope: [\"read\"] (GET and HEAD only) "
                    + "or [\"read\", \"write\"] (every method).");
        }
        TokenScope level = READ;
        for (String scope : scopes) {
            if ("write".equals(scope)) {
                level = WRITE;
            } else if (!"read".equals(scope)) {
                throw WorkbenchException.badInput("Unknown scope '" + scope + "': a token's scopes are \"read\" "
                        + "and \"write\".");
            }
        }
        return level;
    }
}
