package org.corroborate.search;

import org.corroborate.base.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns {@link IndexBuildingException} into 503 {@code index_building} with {@code Retry-After}; ordered
 * before the workbench's general API error handler, which would otherwise call it unexpected (500).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IndexBuildingAdvice {

    @ExceptionHandler(IndexBuildingException.class)
    ResponseEntity<ApiError> building(IndexBuildingException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(IndexBuildingException.RETRY_AFTER_SECONDS))
                .body(new ApiError("index_building", e.getMessage(), e.details()));
    }
}
