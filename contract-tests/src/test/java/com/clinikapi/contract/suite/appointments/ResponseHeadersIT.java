package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.target.Targets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers the official client reads, on every operation: request id, timestamp and the
 * rate-limit numbers, which {@code meta} repeats. (Presence on every documented response is checked
 * centrally; this checks their values.)
 */
class ResponseHeadersIT {

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);

    @ParameterizedTest
    @EnumSource(Operations.class)
    void carriesConsistentRequestIdTimestampAndRateLimitNumbers(Operations operation) {
        String id = appointments.create(Fixtures.booked(Fixtures.patientId())).path("id").asText();

        ApiResponse response = operation.request(api, id).send();

        assertThat(response.status()).as("%s", response).isBetween(200, 299);
        assertThat(response.header(ApiHeaders.REQUEST_ID)).hasValueSatisfying(v -> assertThat(v).startsWith("req_"));
        Instant timestamp = OffsetDateTime.parse(response.header(ApiHeaders.TIMESTAMP).orElseThrow()).toInstant();
        assertThat(Duration.between(timestamp, Instant.now()).abs()).isLessThan(Duration.ofMinutes(5));
        long limit = Long.parseLong(response.header(ApiHeaders.RATE_LIMIT_LIMIT).orElseThrow());
        long remaining = Long.parseLong(response.header(ApiHeaders.RATE_LIMIT_REMAINING).orElseThrow());
        assertThat(limit).isPositive();
        assertThat(remaining).isBetween(0L, limit);
        if (response.hasBody()) {
            assertThat(response.meta().path("requestId").asText()).isEqualTo(response.header(ApiHeaders.REQUEST_ID).orElseThrow());
            assertThat(response.meta().path("rateLimitTotal").asLong()).isEqualTo(limit);
            assertThat(response.meta().path("rateLimitRemaining").asLong()).isEqualTo(remaining);
            assertThat(response.meta().path("rateLimitReset").asLong())
                    .isEqualTo(Long.parseLong(response.header(ApiHeaders.RATE_LIMIT_RESET).orElseThrow()));
        }
    }

    @ParameterizedTest
    @EnumSource(Operations.class)
    void carriesARequestIdOnErrorsToo(Operations operation) {
        ApiResponse response = operation.request(api, Fixtures.unknownAppointmentId()).withoutKey().send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header(ApiHeaders.REQUEST_ID)).hasValue(response.json().path("requestId").asText());
    }
}
