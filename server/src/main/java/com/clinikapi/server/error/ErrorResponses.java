package com.clinikapi.server.error;

import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.server.generated.model.ApiError;
import com.clinikapi.server.generated.model.Issue;
import com.clinikapi.server.web.RequestAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/**
 * The one place that builds an error body ({@code error}, {@code code}, {@code requestId},
 * {@code issues}). Its texts are fixed summaries and {@code field: constraint} diagnostics: there is
 * no way to put a submitted value into it.
 */
public final class ErrorResponses {

    /** The summary of a 404 for a path the API does not have (not an appointment that is missing). */
    static final String NO_SUCH_ROUTE = "No such endpoint";

    private ErrorResponses() {
    }

    public static MutableHttpResponse<ApiError> of(HttpRequest<?> request, ErrorCode code) {
        return of(request, code, List.of());
    }

    public static MutableHttpResponse<ApiError> of(HttpRequest<?> request, ErrorCode code, List<ValidationIssue> issues) {
        return of(request, HttpStatus.valueOf(code.httpStatus()), code.name(), code.summary(), issues);
    }

    static MutableHttpResponse<ApiError> of(HttpRequest<?> request, HttpStatus status, String code, String summary,
                                            List<ValidationIssue> issues) {
        ApiError body = new ApiError(summary, code, RequestAttributes.requestId(request),
                issues.stream().map(ErrorResponses::issue).toList());
        return HttpResponse.<ApiError>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }

    /**
     * The contract's error for a bare HTTP status that Micronaut produced itself (no route, an
     * unsupported Content-Type, …), without issues.
     */
    public static MutableHttpResponse<ApiError> forStatus(HttpRequest<?> request, HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> of(request, status, ErrorCode.NOT_FOUND.name(), NO_SUCH_ROUTE, List.of());
            case METHOD_NOT_ALLOWED -> of(request, ErrorCode.METHOD_NOT_ALLOWED);
            case UNSUPPORTED_MEDIA_TYPE -> of(request, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
            case REQUEST_ENTITY_TOO_LARGE -> of(request, ErrorCode.PAYLOAD_TOO_LARGE);
            case UNPROCESSABLE_ENTITY -> of(request, ErrorCode.VALIDATION_ERROR);
            case UNAUTHORIZED -> of(request, ErrorCode.UNAUTHORIZED);
            case FORBIDDEN -> of(request, ErrorCode.INSUFFICIENT_SCOPE);
            case CONFLICT -> of(request, ErrorCode.VERSION_CONFLICT);
            case TOO_MANY_REQUESTS -> of(request, ErrorCode.RATE_LIMITED);
            case SERVICE_UNAVAILABLE -> of(request, ErrorCode.SERVICE_UNAVAILABLE);
            default -> status.getCode() < 500
                    ? of(request, status, ErrorCode.INVALID_PARAMETER.name(), ErrorCode.INVALID_PARAMETER.summary(), List.of())
                    : of(request, ErrorCode.INTERNAL_ERROR);
        };
    }

    private static Issue issue(ValidationIssue issue) {
        return new Issue(Issue.SeverityEnum.ERROR, issue.type().code(), issue.diagnostics());
    }
}
