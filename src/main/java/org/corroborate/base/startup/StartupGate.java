package org.corroborate.base.startup;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.corroborate.base.ApiError;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 503 {@code starting} to every request until the node is ready, so that no one is served
 * as if it were: the port is open before {@link StartupWork} has made the first accounts and the
 * demo data, and a sign-in then would fail with a misleading 401. The API gets {@link ApiError}
 * JSON, the UI a small plain page that reloads itself; both say {@code Retry-After}. Only the
 * actuator ({@code /actuator/**}: the probes) is served meanwhile. Ready means Spring Boot's
 * readiness state {@link ReadinessState#ACCEPTING_TRAFFIC}, the very state the readiness probe
 * reports; once reached, the gate stays open (a node that is shutting down finishes what it has).
 * It runs before Spring Security, right after the security headers.
 */
@Component
class StartupGate extends OncePerRequestFilter implements Ordered {

    /** Seconds a client is told to wait before it asks again. */
    static final int RETRY_AFTER_SECONDS = 5;

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <meta http-equiv="refresh" content="%d">
            <title>Corroborate is starting</title>
            </head>
            <body style="font-family: system-ui, sans-serif; margin: 3rem auto; max-width: 32rem; padding: 0 1rem;">
            <h1 style="font-size: 1.5rem;">Corroborate is starting</h1>
            <p>This workbench is finishing its start-up work. This page reloads itself in a few seconds.</p>
            </body>
            </html>
            """.formatted(RETRY_AFTER_SECONDS);

    private final ApplicationAvailability availability;
    private final JsonMapper json;
    private volatile boolean ready;

    StartupGate(ApplicationAvailability availability, JsonMapper json) {
        this.availability = availability;
        this.json = json;
    }

    @Override
    public int getOrder() {
        // After the security headers (HIGHEST_PRECEDENCE), before the body limit and Spring Security.
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    /** Whether the node has finished its start-up work and serves requests. */
    boolean ready() {
        if (!ready && availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            ready = true;
        }
        return ready;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ready() || path.equals("/actuator") || path.startsWith("/actuator/")) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        if (path.startsWith("/api/") || path.equals("/api")) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), new ApiError("starting",
                    "The workbench is starting; try again in a few seconds."));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
    }
}
