package com.clinikapi.mock.conformance;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.ValidationIssue;

import java.util.List;

/**
 * What the request pipeline decided for one request, as the conformance report needs it: the status,
 * and for a refusal its error code and issues (which name fields and constraints, never a value).
 *
 * @param status     the answered status; {@link #NO_STATUS} when a scenario broke the connection instead
 * @param code       the error code of a refusal, or null for a success
 * @param forced     whether a scenario the partner asked for ({@code Prefer}, a run-wide scenario)
 *                   imposed the answer
 * @param keyCounted whether the request's key was recognised and counted: the request is then that
 *                   key's sandbox's
 */
public record Verdict(int status, ErrorCode code, List<ValidationIssue> issues, boolean forced, boolean keyCounted) {

    /** The status of an answer that is a broken connection ({@code Prefer: fault=…}). */
    public static final int NO_STATUS = 0;

    public static Verdict served(int status, boolean forced, boolean keyCounted) {
        return new Verdict(status, null, List.of(), forced, keyCounted);
    }

    public static Verdict refused(ApiException error, boolean forced, boolean keyCounted) {
        return new Verdict(error.code().httpStatus(), error.code(), error.issues(), forced, keyCounted);
    }

    /** No operation has this method and path: {@code NOT_FOUND} or {@code METHOD_NOT_ALLOWED}. */
    public static Verdict unrouted(ErrorCode code, boolean keyCounted) {
        return new Verdict(code.httpStatus(), code, List.of(), false, keyCounted);
    }

    /** A connection fault a scenario asked for, in place of an answer. */
    /** An answer that is not the API's (the reference docs, their 405 included): no operation, never a break. */
    public static Verdict outsideApi(int status) {
        return new Verdict(status, null, List.of(), false, false);
    }

    public static Verdict fault(boolean keyCounted) {
        return new Verdict(NO_STATUS, null, List.of(), true, keyCounted);
    }
}
