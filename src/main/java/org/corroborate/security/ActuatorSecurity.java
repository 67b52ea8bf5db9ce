package org.corroborate.security;

import org.corroborate.base.ApiError;
import org.corroborate.base.Role;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The third door, for operators: Spring Boot Actuator under {@code /actuator}. Health and its
 * probes ({@code /actuator/health/liveness}, {@code /readiness}) are public and say only UP, DOWN
 * or OUT_OF_SERVICE, so load balancers and orchestrators need no account. Everything else there
 * ({@code /actuator/prometheus}, {@code /actuator/info}) is for ADMIN accounts with HTTP Basic
 * or an administrator's API token ({@code Authorization: Bearer}), like the API: no session, JSON errors. Endpoints that are not exposed (env, beans...) do not
 * exist. docs/operations.md, "Health and metrics".
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http, JsonMapper json, ApiTokenService tokens,
                                            ObjectProvider<SecurityContextHolderStrategy> strategy) throws Exception {
        // All of /actuator, exposed or not, so that nothing there falls through to the UI's sign-in page.
        http.securityMatcher("/actuator", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration.basicRefusals(json,
                        "Sign in with HTTP Basic using an administrator's account, or send an administrator's "
                                + "API token as 'Authorization: Bearer TOKEN'.")))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> SecurityConfiguration.write(
                        response, json, 403, new ApiError("forbidden", "Only administrators may read the workbench's metrics."))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Read-only endpoints, no session cookie: nothing for a cross-site request to forge.
                .csrf(csrf -> csrf.disable())
                // A scraper may also send an administrator's API token (read scope is enough).
                .addFilterBefore(SecurityConfiguration.bearerTokens(tokens, strategy, json),
                        BasicAuthenticationFilter.class);
        return http.build();
    }
}
