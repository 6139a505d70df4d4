package com.clinikapi.mock.conformance;

import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.mock.spec.ContractOperation;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One kind of contract break: where (the operation, or the method and path template, or an unknown
 * route) and which rule (the error code, each issue's field and constraint). It holds nothing the
 * client sent: no path, query or body, and a method only if HTTP defines it.
 *
 * @param operation the operation id, or null when no operation has the method and path
 * @param method    the request's method; {@value #OTHER_METHOD} for one HTTP does not define
 * @param path      the operation's path template, or the template of a known path on which the
 *                  method is not served; null for an unknown route
 * @param issues    the refusal's issues, each {@code field: constraint}
 */
public record Finding(String operation, String method, String path, int status, String code,
                      List<ValidationIssue> issues) {

    public static final String OTHER_METHOD = "OTHER";
    private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS", "TRACE", "CONNECT");

    public Finding {
        issues = List.copyOf(issues);
    }

    /**
     * @param knownPath the template of the path when no operation has the method, or null
     */
    static Finding of(ContractOperation operation, String method, String knownPath, Verdict verdict) {
        String where = operation != null ? operation.pathTemplate() : knownPath;
        return new Finding(operation == null ? null : operation.operationId(),
                HTTP_METHODS.contains(method) ? method : OTHER_METHOD, where, verdict.status(),
                verdict.code().name(), verdict.issues());
    }

    /** {@code createAppointment (POST /v1/appointments)}, {@code PUT /v1/appointments/{id}}, {@code GET (unknown route)}. */
    public String where() {
        if (operation != null) {
            return operation + " (" + method + " " + path + ")";
        }
        return path != null ? method + " " + path : method + " (unknown route)";
    }

    /** {@code 422 VALIDATION_ERROR priority: must be between 0 and 9}. */
    public String rule() {
        String diagnostics = issues.stream().map(ValidationIssue::diagnostics).collect(Collectors.joining("; "));
        return status + " " + code + (diagnostics.isEmpty() ? "" : " " + diagnostics);
    }

    @Override
    public String toString() {
        return where() + ": " + rule();
    }
}
