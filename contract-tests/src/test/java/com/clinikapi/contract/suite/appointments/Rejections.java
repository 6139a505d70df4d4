package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.contract.suite.http.ApiResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the documented error answers. */
public final class Rejections {

    private Rejections() {
    }

    /** The status and code travel together, as {@link ErrorCode} defines. */
    public static void assertRejected(ApiResponse response, ErrorCode code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(code.httpStatus());
        assertThat(response.errorCode()).as("code of %s", response).isEqualTo(code.name());
    }

    /** Rejected with an issue that reads exactly as the shared wording says. */
    public static void assertRejected(ApiResponse response, ErrorCode code, ValidationIssue expected) {
        assertRejected(response, code);
        assertThat(response.issues())
                .as("issues of %s", response)
                .anySatisfy(issue -> {
                    assertThat(issue.path("diagnostics").asText()).isEqualTo(expected.diagnostics());
                    assertThat(issue.path("code").asText()).isEqualTo(expected.type().code());
                    assertThat(issue.path("severity").asText()).isEqualTo(expected.severity());
                });
    }

    /** Rejected with an issue naming this field, whatever the wording. */
    public static void assertRejectedNaming(ApiResponse response, ErrorCode code, String field) {
        assertRejected(response, code);
        assertThat(response.issueFields()).as("fields named by %s", response).contains(field);
    }
}
