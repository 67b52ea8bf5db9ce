package org.corroborate.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.corroborate.base.ApiError;
import org.corroborate.security.ui.LoginView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: the REST API under /api with HTTP Basic (people) or an API token sent as
 * {@code Authorization: Bearer} (scripts, {@link BearerTokenFilter}) and JSON errors, and the Vaadin UI
 * with a login form. Both check the same accounts; method security on the services does the rest.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] PUBLIC_DOCS = {"/api/docs", "/api/docs/**", "/api/openapi", "/api/openapi/**",
            "/api/swagger-ui/**",
            "/swagger-ui/**", "/swagger-ui.html"};

    /**
     * The UI's content security policy: Vaadin Flow needs inline styles, and its bootstrap and some
     * components inline scripts and eval; everything else comes from the workbench itself, and no
     * other site may frame it.
     */
    static final String UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** The API answers JSON; its documentation page (Swagger UI) needs its own scripts and inline styles. */
    static final String API_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, JsonMapper json, SecurityProperties properties,
                                       ApiTokenService tokens, ObjectProvider<SecurityContextHolderStrategy> strategy)
            throws Exception {
        http.securityMatcher("/api/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_DOCS).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(basicRefusals(json,
                        "Sign in with HTTP Basic using a workbench account, or send an API token as "
                                + "'Authorization: Bearer TOKEN'.")))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        write(response, json, 403, new ApiError("forbidden", "You are not allowed to do this."))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No session cookie, so no CSRF token; a browser's cached Basic credentials are the risk
                // instead, and the cross-site filter refuses writes a foreign page could send.
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteRequestFilter(properties.allowedOrigins(), (response, message) ->
                        write(response, json, 403, new ApiError("cross_site", message))),
                        BasicAuthenticationFilter.class)
                // API tokens for scripts, beside HTTP Basic for people; after the cross-site check.
                .addFilterBefore(bearerTokens(tokens, strategy, json), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http, SessionRegistry sessionRegistry, RequestUtil requestUtil)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles.css", "/images/**",
                "/favicon.ico", "/icons/**").permitAll());
        // Tracked so that disabling an account or changing its roles ends its open sessions.
        http.sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessionRegistry));
        // Vaadin's own CSRF set-up exempts the login form's POST; here only Vaadin's internal requests
        // (which carry Vaadin's own token) are exempt, so the login form must send the token Vaadin
        // puts into the page (login CSRF: a foreign page cannot sign a browser in as someone else).
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        // Vaadin's default denies every request that is not a known route (denyAll): a signed-in person
        // mistyping a path or an id (/sources/abc) then got a bare 403 with an empty body, because the
        // error dispatch was denied too. Signed in, any path reaches the Vaadin servlet instead, whose
        // router answers with the framed 404 or not-allowed page (base.ui.NotFoundView, NotAllowedView);
        // who may open which view is still decided per route by Vaadin's navigation access control.
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)
                .enableCsrfConfiguration(false)).build();
    }

    /**
     * The security headers on every answer, UI and API alike, set before anything else handles the
     * request: some of Vaadin's responses never pass Spring Security's header writers.
     */
    @Bean
    FilterRegistrationBean<Filter> securityHeaders() {
        Filter filter = (request, response, chain) -> {
            var http = (HttpServletRequest) request;
            var answer = (HttpServletResponse) response;
            String path = http.getRequestURI().substring(http.getContextPath().length());
            boolean api = path.startsWith("/api/") || path.startsWith("/swagger-ui");
            answer.setHeader("Content-Security-Policy", api ? API_POLICY : UI_POLICY);
            answer.setHeader("X-Content-Type-Options", "nosniff");
            answer.setHeader("X-Frame-Options", "DENY");
            answer.setHeader("Referrer-Policy", "same-origin");
            chain.doFilter(request, response);
        };
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Every sign-in (login form and HTTP Basic) goes through the throttle before its password is checked. */
    @Bean
    ThrottledAuthenticationProvider authenticationProvider(AccountUserDetailsService accounts,
                                                           PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when sessions end, so it does not grow without bound. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm stored beside each hash so it can be upgraded later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * How HTTP Basic refuses, as JSON: 429 {@code too_many_failures} with {@code Retry-After} while the
     * sign-in throttle pauses the account or address, else 401 {@code unauthorized} with
     * {@code unauthorized} as the message. Used by the API chain and {@link ActuatorSecurity}.
     */
    static AuthenticationEntryPoint basicRefusals(JsonMapper json, String unauthorized) {
        return (request, response, e) -> {
            if (e instanceof SignInThrottledException throttled) {
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
                write(response, json, 429, new ApiError("too_many_failures", throttled.getMessage(),
                        Map.of("retryAfterSeconds", throttled.retryAfterSeconds())));
                return;
            }
            write(response, json, 401, new ApiError("unauthorized", unauthorized));
        };
    }

    /** Writes a JSON refusal; a 401 also names HTTP Basic in {@code WWW-Authenticate}. */
    static void write(HttpServletResponse response, JsonMapper json, int status, ApiError error)
            throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Corroborate\"");
        }
        writeBody(response, json, status, error);
    }

    /**
     * The {@code Authorization: Bearer} filter with the API's JSON refusals: 401 {@code unauthorized}
     * (with RFC 6750's {@code WWW-Authenticate}) for a token that is unknown, revoked, expired or whose
     * account is disabled, 403 {@code token_scope} for a read token sending a write. Used by the API
     * chain and by {@link ActuatorSecurity}, so that a metrics scraper may use an administrator's token.
     */
    static BearerTokenFilter bearerTokens(ApiTokenService tokens, ObjectProvider<SecurityContextHolderStrategy> strategy,
                                          JsonMapper json) {
        return new BearerTokenFilter(tokens, strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy),
                (response, status, code, message, reason) -> {
                    if (status == 401) {
                        // RFC 6750: the token was presented and is not valid.
                        response.setHeader("WWW-Authenticate", "Bearer realm=\"Corroborate\", error=\"invalid_token\"");
                    }
                    writeBody(response, json, status, new ApiError(code, message,
                            reason == null ? Map.of() : Map.of("token", reason)));
                });
    }

    private static void writeBody(HttpServletResponse response, JsonMapper json, int status, ApiError error)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), error);
    }
}
