package org.corroborate.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request signed in with an API token: it acts as the token's owner ({@link #getName()}), with the
 * roles the owner holds now, within the token's scope. Its credentials are never kept.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String username;
    private final long tokenId;
    private final TokenScope scope;

    ApiTokenAuthentication(String username, long tokenId, TokenScope scope,
                           Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.username = username;
        this.tokenId = tokenId;
        this.scope = scope;
        setAuthenticated(true);
    }

    /** The token's id (as {@code GET /api/tokens} lists it), never the token. */
    public long tokenId() {
        return tokenId;
    }

    public TokenScope scope() {
        return scope;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public String getName() {
        return username;
    }
}
