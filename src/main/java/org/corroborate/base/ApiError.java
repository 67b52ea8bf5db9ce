package org.corroborate.base;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The JSON body of every API error: a stable code, a message for people, and optional details. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, String message, Map<String, Object> details) {

    public ApiError(String error, String message) {
        this(error, message, Map.of());
    }
}
