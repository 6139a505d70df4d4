package com.clinikapi.server.error;

import com.clinikapi.server.generated.model.ApiError;
import com.clinikapi.server.support.LogCapture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catch-all: a bare 500 for the client, a stack trace without messages for the operator. */
class UnexpectedErrorHandlerTest {

    private static final String MARKER = "JaneDoe1970";

    @Test
    void answersInternalErrorAndLogsTheTraceWithEveryMessageRedacted() {
        // given an exception whose messages quote request data, as driver messages can
        Exception failure = new IllegalStateException("duplicate key (patient)=(" + MARKER + ")",
                new IllegalArgumentException("value " + MARKER));

        // when
        HttpResponse<?> response;
        List<String> logLines;
        try (LogCapture logs = new LogCapture()) {
            response = new UnexpectedErrorHandler().handle(HttpRequest.GET("/v1/appointments"), failure);
            logLines = logs.lines();
        }

        // then
        assertThat(response.getStatus().getCode()).isEqualTo(500);
        ApiError body = (ApiError) response.body();
        assertThat(body.getCode()).isEqualTo("INTERNAL_ERROR");
        assertThat(body.getIssues()).isEmpty();
        assertThat(String.join("\n", logLines))
                .contains("java.lang.IllegalStateException (message redacted)")
                .contains("java.lang.IllegalArgumentException (message redacted)")
                .contains("UnexpectedErrorHandlerTest")
                .doesNotContain(MARKER);
    }
}
