package org.corroborate.base;

import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns failures of the REST API into the JSON errors promised in the API contract. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(WorkbenchException.class)
    ResponseEntity<ApiError> workbench(WorkbenchException e) {
        return ResponseEntity.status(e.kind().status())
                .body(new ApiError(e.kind().code(), e.getMessage(), e.details()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return error(403, "forbidden", e.getMessage() == null || e.getMessage().startsWith("Access Denied")
                ? "You are not allowed to do this." : e.getMessage());
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ApiError> stale(ObjectOptimisticLockingFailureException e) {
        return error(409, "conflict", "Someone else changed this in the meantime; reload and try again.");
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class})
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return error(413, "too_large", "The upload is larger than this workbench accepts.");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return error(400, "bad_input", message.isEmpty() ? "The request is not valid." : message);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> invalid(ConstraintViolationException e) {
        return error(400, "bad_input", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (RequestBodyLimit.BodyLimitFilter.tooLarge(e)) {
            return bodyTooLarge();
        }
        return error(400, "bad_input", JsonProblem.describe(e));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            MultipartException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("CountLimitExceeded")) {
                return error(413, "too_large", "The multipart request holds more parts than this workbench accepts "
                        + "(server.tomcat.max-part-count); send fewer files at once.");
            }
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return error(400, "bad_input", mismatched(mismatch));
        }
        return error(400, "bad_input", e.getMessage());
    }

    /** A parameter or path part of the wrong type, in words: "'project' must be a whole number, not 'abc'." */
    static String mismatched(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        boolean list = type != null && java.util.Collection.class.isAssignableFrom(type);
        if (list) {
            // A repeatable parameter (?source=1&source=2): what each value must be.
            type = e.getParameter().nested().getNestedParameterType();
        }
        String wanted = type == null ? "of another kind"
                : type == Long.class || type == long.class || type == Integer.class || type == int.class
                ? "a whole number"
                : type == Boolean.class || type == boolean.class ? "true or false"
                : "a " + type.getSimpleName();
        String given = String.valueOf(e.getValue());
        if (list && (type == Long.class || type == Integer.class)) {
            wanted = "a whole number (it may be given more than once)";
        }
        return "'" + e.getName() + "' must be " + wanted + ", not '"
                + (given.length() > 40 ? given.substring(0, 40) + "…" : given) + "'.";
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(415, "unsupported_media_type", e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return error(405, "method_not_allowed", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return error(404, "not_found", "No such endpoint: " + e.getResourcePath());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (RequestBodyLimit.BodyLimitFilter.tooLarge(e)) {
            return bodyTooLarge();
        }
        if (Busy.isBusy(e)) {
            return busy(e);
        }
        log.error("Unexpected API failure", e);
        return error(500, "internal", "Something went wrong on the server; the change was not made.");
    }

    /** A lock timeout or deadlock: nothing was changed, and the same request a moment later normally succeeds. */
    static ResponseEntity<ApiError> busy(Exception e) {
        log.warn("Busy: a request waited too long for a database lock and was refused with 503 ({})", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(Busy.RETRY_AFTER_SECONDS))
                .body(new ApiError("busy", Busy.MESSAGE));
    }

    /** A body of unknown length that went past {@code workbench.api.max-body-size} while it was read. */
    private static ResponseEntity<ApiError> bodyTooLarge() {
        return ResponseEntity.status(HttpStatus.valueOf(413)).header("Connection", "close")
                .body(new ApiError("too_large", "The request body is larger than this API reads "
                        + "(workbench.api.max-body-size); for a large text import a file with multipart/form-data, "
                        + "for a corpus use /api/import."));
    }

    private static ResponseEntity<ApiError> error(int status, String code, String message) {
        return ResponseEntity.status(HttpStatus.valueOf(status)).body(new ApiError(code, message));
    }
}
