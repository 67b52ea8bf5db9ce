package org.corroborate.base;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Answers API requests no endpoint takes with a JSON error (404, or 405 naming the allowed methods),
 * instead of letting them fall through to the UI's HTML page; and leads /api/docs to the Swagger UI.
 */
@RestController
class ApiFallbackController {

    private final RequestMappingHandlerMapping mappings;

    ApiFallbackController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    /** The browsable API documentation (Swagger UI over /api/openapi). */
    @GetMapping("/api/docs")
    ResponseEntity<Void> docs() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/swagger-ui/index.html")).build();
    }

    @RequestMapping("/api/**")
    ResponseEntity<ApiError> unknown(HttpServletRequest request) {
        Set<String> allowed = new TreeSet<>();
        var path = ServletRequestPathUtils.getParsedRequestPath(request);
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType() != ApiFallbackController.class && info.getPathPatternsCondition() != null
                    && info.getPathPatternsCondition().getPatterns().stream().anyMatch(p -> p.matches(path))) {
                info.getMethodsCondition().getMethods().forEach(m -> allowed.add(m.name()));
            }
        });
        if (allowed.contains(request.getMethod())) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                    .body(new ApiError("unsupported_media_type", "This endpoint does not take a body of type '"
                            + request.getContentType() + "'; see /api/docs."));
        }
        if (!allowed.isEmpty()) {
            return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                    .header(HttpHeaders.ALLOW, String.join(", ", allowed))
                    .body(new ApiError("method_not_allowed", request.getMethod() + " is not supported here; use "
                            + String.join(" or ", allowed) + "."));
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new ApiError("not_found", "No such endpoint: " + request.getRequestURI()
                        + ". See /api/docs for the API."));
    }
}
