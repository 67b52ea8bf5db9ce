package org.corroborate.security;

/**
 * A token just made: its details and the token itself, which exists only in this answer (the workbench
 * keeps its SHA-256 alone), so it is shown once and never again.
 */
public record CreatedToken(TokenDetails details, String token) {

    @Override
    public String toString() {
        return "CreatedToken[" + details + ", token=(hidden)]"; // never in a log by accident
    }
}
