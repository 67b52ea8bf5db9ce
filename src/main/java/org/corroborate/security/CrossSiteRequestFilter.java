package org.corroborate.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses writes to the API that a page on another site could have made. A browser that has used
 * the API with HTTP Basic sends the cached credentials with every request to it, even one started
 * by a foreign page, so the credentials alone prove nothing. A write is refused when
 * <ul>
 *   <li>its {@code Origin} names another origin than the workbench's own (or an allowed one), or</li>
 *   <li>its {@code Sec-Fetch-Site} says it came from another site, or</li>
 *   <li>it is a POST a browser sends across origins without asking first: a form's body
 *       ({@code text/plain}, {@code multipart/form-data}, {@code application/x-www-form-urlencoded})
 *       or no body, without the header {@code X-Requested-With} (or a Bearer token).</li>
 * </ul>
 * A foreign page cannot add a custom header or a JSON content type without a CORS preflight,
 * which the API never grants; PUT, PATCH and DELETE always need that preflight. Scripts (curl)
 * send no {@code Origin} and pass the first two checks.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    /** The header scripts send with form-style or empty POSTs; any value will do. */
    static final String REQUESTED_WITH = "X-Requested-With";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> SIMPLE_TYPES = Set.of("text/plain", "multipart/form-data",
            "application/x-www-form-urlencoded");

    private final Set<String> allowedOrigins;
    private final Refusal refusal;

    /** How a refusal is written, so the filter stays free of the JSON machinery. */
    interface Refusal {
        void write(HttpServletResponse response, String message) throws IOException;
    }

    CrossSiteRequestFilter(List<String> allowedOrigins, Refusal refusal) {
        this.allowedOrigins = allowedOrigins.stream().map(CrossSiteRequestFilter::normalise)
                .filter(o -> !o.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = WRITES.contains(request.getMethod()) || recordsAnEvent(request) ? problem(request) : null;
        if (problem != null) {
            refusal.write(response, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A GET that writes to the audit trail: an export records who exported what. A foreign page can
     * start one (a link, an image) in the victim's name without reading it, so the origin checks
     * apply to it as to a write; the form-body rule does not (a GET has no body).
     */
    private static boolean recordsAnEvent(HttpServletRequest request) {
        return request.getMethod().equals("GET") && request.getRequestURI().startsWith(
                request.getContextPath() + "/api/export");
    }

    /** Why the write looks forged, or null when it does not. */
    String problem(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        boolean allowedOrigin = origin != null && allowedOrigins.contains(normalise(origin));
        if (origin != null && !allowedOrigin && !normalise(origin).equals(ownOrigin(request))) {
            return "This write came from a page on " + origin + ", another origin than the workbench's; "
                    + "it is refused. Pages elsewhere may not change the workbench (an administrator can allow "
                    + "an origin with workbench.security.allowed-origins).";
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (!allowedOrigin && site != null && (site.equalsIgnoreCase("cross-site")
                || site.equalsIgnoreCase("same-site"))) {
            return "This write came from a page on another site (Sec-Fetch-Site: " + site + "); it is refused.";
        }
        if (request.getMethod().equals("POST") && sendableByForeignPages(request) && !declared(request)) {
            return "A POST with a form body or no body needs the header 'X-Requested-With: corroborate' "
                    + "(or a JSON body with Content-Type: application/json), so that a page on another site "
                    + "cannot send it: e.g. curl -u NAME -H 'X-Requested-With: corroborate' -F file=@a.txt ...";
        }
        return null;
    }

    private static boolean sendableByForeignPages(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || type.isBlank()) {
            return true;
        }
        String essence = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return SIMPLE_TYPES.contains(essence) || !essence.contains("/");
    }

    private static boolean declared(HttpServletRequest request) {
        String requestedWith = request.getHeader(REQUESTED_WITH);
        String authorization = request.getHeader("Authorization");
        return (requestedWith != null && !requestedWith.isBlank())
                || (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    private static String ownOrigin(HttpServletRequest request) {
        return origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /** An origin as scheme://host[:port] in lower case, the default port left out; "" when unreadable. */
    static String normalise(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
        String h = host.toLowerCase(Locale.ROOT);
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return s + "://" + h + (defaultPort ? "" : ":" + port);
    }
}
