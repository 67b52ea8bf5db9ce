package org.corroborate.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.corroborate.base.CurrentActor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs API requests in by {@code Authorization: Bearer TOKEN} (an API token), beside HTTP Basic: the
 * token is checked by {@link ApiTokenService#authenticate} on every request. A token that is unknown,
 * revoked or expired, or whose account is disabled, gets 401; a read-only token sending anything but
 * GET or HEAD gets 403 {@code token_scope}. Requests without a Bearer token pass untouched (to HTTP
 * Basic). Neither the token nor the header is ever logged.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    /** How a refusal is written, so the filter stays free of the JSON machinery. */
    interface Refusal {
        /** Writes {@code status} with the error {@code code}, {@code message} and the token's {@code reason} (or null). */
        void write(HttpServletResponse response, int status, String code, String message, String reason)
                throws IOException;
    }

    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final SecurityContextHolderStrategy security;
    private final Refusal refusal;
    private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    BearerTokenFilter(ApiTokenService tokens, SecurityContextHolderStrategy security, Refusal refusal) {
        this.tokens = tokens;
        this.security = security;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        ApiTokenService.TokenCheck check = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (check.signedIn() == null) {
            refusal.write(response, 401, "unauthorized", check.message(), check.reason());
            return;
        }
        if (!check.signedIn().scope().allows(request.getMethod())) {
            refusal.write(response, 403, "token_scope", "This token has the scope read: it may send GET and HEAD "
                    + "only. Make a token with the scope write to change things.", null);
            return;
        }
        SecurityContext context = security.createEmptyContext();
        context.setAuthentication(check.signedIn());
        security.setContext(context);
        // As HTTP Basic does: kept for the request's async and error dispatches (an export streams).
        contexts.saveContext(context, request, response);
        request.setAttribute(CurrentActor.API_TOKEN_ATTRIBUTE, check.signedIn().tokenId());
        chain.doFilter(request, response);
    }
}
