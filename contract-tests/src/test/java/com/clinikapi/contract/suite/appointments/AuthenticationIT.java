package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.target.KeyRole;
import com.clinikapi.contract.suite.target.Targets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.clinikapi.contract.suite.appointments.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/** The documented 401 and 403 answers, on every operation; checked before anything else about the request. */
class AuthenticationIT {

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);

    private String existingId() {
        return appointments.create(Fixtures.booked(Fixtures.patientId())).path("id").asText();
    }

    @ParameterizedTest
    @EnumSource(Operations.class)
    void refusesARequestWithoutKey(Operations operation) {
        ApiResponse response = operation.request(api, existingId()).withoutKey().send();

        assertRejected(response, ErrorCode.UNAUTHORIZED);
        assertThat(response.issues()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Operations.class)
    void refusesAKeyOfNeitherForm(Operations operation) {
        assertRejected(operation.request(api, existingId()).key("sk_live_abcdefghijkl").send(), ErrorCode.INVALID_KEY_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"clk_test_", "clk_test_short", "clk_prod_abcdefghijkl", "CLK_TEST_ABCDEFGHIJ", "clk_test_abc def ghij",
            "Bearer clk_test_localdevkey", "clk_test_abcdefgh!"})
    void refusesMalformedKeys(String key) {
        assertRejected(api.get(Appointments.COLLECTION).key(key).send(), ErrorCode.INVALID_KEY_FORMAT);
    }

    @org.junit.jupiter.api.Test
    void refusesAnEmptyKeyAsMissingOrMalformed() {
        ApiResponse response = api.get(Appointments.COLLECTION).key("").send();

        assertThat(response.status()).as("%s", response).isEqualTo(401);
        assertThat(response.errorCode()).as("%s", response).isIn(ErrorCode.INVALID_KEY_FORMAT.name(), ErrorCode.UNAUTHORIZED.name());
    }

    @ParameterizedTest
    @EnumSource(Operations.class)
    void refusesAWellFormedKeyThatWasNeverIssued(Operations operation) {
        String key = Targets.current().requireKey(KeyRole.UNKNOWN);

        assertRejected(operation.request(api, existingId()).key(key).send(), ErrorCode.INVALID_KEY);
    }

    @ParameterizedTest
    @EnumSource(Operations.class)
    void refusesARevokedKey(Operations operation) {
        String key = Targets.current().requireKey(KeyRole.REVOKED);

        assertRejected(operation.request(api, Fixtures.unknownAppointmentId()).key(key).send(), ErrorCode.KEY_REVOKED);
    }

    @ParameterizedTest
    @EnumSource(Operations.class)
    void refusesAnExpiredKey(Operations operation) {
        String key = Targets.current().requireKey(KeyRole.EXPIRED);

        assertRejected(operation.request(api, Fixtures.unknownAppointmentId()).key(key).send(), ErrorCode.KEY_EXPIRED);
    }

    @ParameterizedTest
    @EnumSource(Operations.class)
    void letsAReadOnlyKeyReadButNotWrite(Operations operation) {
        String key = Targets.current().requireKey(KeyRole.READ_ONLY);

        ApiResponse response = operation.request(api, Fixtures.unknownAppointmentId()).key(key).send();

        if (operation.writes()) {
            assertRejected(response, ErrorCode.INSUFFICIENT_SCOPE);
        } else {
            assertThat(response.status()).as("%s", response).isIn(200, 404);
        }
    }

    @ParameterizedTest
    @EnumSource(Operations.class)
    void letsAWriteOnlyKeyWriteButNotRead(Operations operation) {
        String key = Targets.current().requireKey(KeyRole.WRITE_ONLY);

        ApiResponse response = operation.request(api, existingId()).key(key).send();

        if (operation.writes()) {
            assertThat(response.status()).as("%s", response).isIn(200, 201, 204, 404);
        } else {
            assertRejected(response, ErrorCode.INSUFFICIENT_SCOPE);
        }
    }

    @ParameterizedTest
    @EnumSource(Operations.class)
    void refusesAKeyOverItsRateLimitWithRetryAfter(Operations operation) {
        String key = Targets.current().requireKey(KeyRole.RATE_LIMITED);

        // the key's plan allows a few requests (the mock's reserved key none): spend them first
        ApiResponse response = operation.request(api, Fixtures.unknownAppointmentId()).key(key).send();
        for (int i = 0; i < 5 && response.status() != 429; i++) {
            response = operation.request(api, Fixtures.unknownAppointmentId()).key(key).send();
        }

        assertRejected(response, ErrorCode.RATE_LIMITED);
        assertThat(response.header("Retry-After")).isPresent();
        assertThat(response.header("X-RateLimit-Remaining")).hasValue("0");
    }
}
