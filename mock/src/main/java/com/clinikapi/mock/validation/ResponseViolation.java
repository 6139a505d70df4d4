package com.clinikapi.mock.validation;

import java.util.List;

/**
 * A response of the mock that the spec does not allow: a status the operation does not document,
 * a body or header that breaks the response schema. Always a bug in the mock.
 *
 * @param findings the validator's message keys with where they apply; never response values
 */
public record ResponseViolation(String operationId, String method, int status, List<String> findings) {

    public ResponseViolation {
        findings = List.copyOf(findings);
    }
}
