package com.clinikapi.mock.conformance;

import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.contract.search.CursorCodec;
import com.clinikapi.mock.scenario.PreferHeader;
import com.clinikapi.mock.spec.ContractOperation;

import java.util.EnumSet;
import java.util.Set;

/**
 * What "broke the contract" means, decided in this one place from the pipeline's {@link Verdict}
 * (its error code and issues), never by reading an answer again.
 *
 * <p>A request breaks the contract when the contract refuses it because of how the client built it:
 * no key or one that is not a {@code clk_live_}/{@code clk_test_} key ({@code UNAUTHORIZED},
 * {@code INVALID_KEY_FORMAT}); a path or method no operation has ({@code NOT_FOUND} without an
 * operation, {@code METHOD_NOT_ALLOWED}); a URI, parameter or header that does not decode or breaks
 * the schema, an ill-formed {@code Idempotency-Key} or {@code If-Match}, a cursor the client made up
 * ({@code INVALID_PARAMETER}); a body that is not JSON or cannot be read ({@code MALFORMED_JSON}),
 * too large ({@code PAYLOAD_TOO_LARGE}) or of a media type the operation does not take
 * ({@code UNSUPPORTED_MEDIA_TYPE}); a body against the schema or the contract's business rules on
 * input ({@code VALIDATION_ERROR}); an {@code Idempotency-Key} reused with another request
 * ({@code IDEMPOTENCY_KEY_REUSED}).
 *
 * <p>Not a break: what a correct client meets in normal operation. A 404 of an id (deleted, or
 * another tenant's), every 409 (version and scheduling conflicts, status transitions, a request in
 * progress, the sandbox's quota), a 410 of a deleted appointment's idempotent repeat, a cursor that
 * expired, 429 and 503; the reserved keys' answers ({@code INVALID_KEY}, {@code KEY_REVOKED},
 * {@code KEY_EXPIRED}, {@code INSUFFICIENT_SCOPE}); anything a scenario forced; a 500 (the mock's
 * own fault); and a malformed {@code Prefer} header, which is the mock's, not the contract's.
 */
public final class ContractBreaks {

    private static final Set<ErrorCode> CLIENT_BUILT = EnumSet.of(
            ErrorCode.UNAUTHORIZED, ErrorCode.INVALID_KEY_FORMAT, ErrorCode.METHOD_NOT_ALLOWED,
            ErrorCode.INVALID_PARAMETER, ErrorCode.MALFORMED_JSON, ErrorCode.PAYLOAD_TOO_LARGE,
            ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.VALIDATION_ERROR, ErrorCode.IDEMPOTENCY_KEY_REUSED);

    private ContractBreaks() {
    }

    /**
     * @param operation the operation the request was for, or null if no operation has its method and path
     */
    public static boolean isBreak(ContractOperation operation, Verdict verdict) {
        ErrorCode code = verdict.code();
        if (code == null || verdict.forced()) {
            return false;
        }
        if (code == ErrorCode.NOT_FOUND) {
            return operation == null;
        }
        return CLIENT_BUILT.contains(code) && !verdict.issues().isEmpty()
                ? verdict.issues().stream().anyMatch(ContractBreaks::isTheContracts)
                : CLIENT_BUILT.contains(code);
    }

    /** An issue about the contract's own request, rather than the mock's header or a cursor's age. */
    private static boolean isTheContracts(ValidationIssue issue) {
        boolean mocksOwnHeader = PreferHeader.NAME.equals(issue.field());
        boolean expiredCursor = "cursor".equals(issue.field()) && CursorCodec.EXPIRED.equals(issue.constraint());
        return !mocksOwnHeader && !expiredCursor;
    }
}
