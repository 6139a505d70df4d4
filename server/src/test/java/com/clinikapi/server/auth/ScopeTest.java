package com.clinikapi.server.auth;

import com.clinikapi.server.support.ApiOperation;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads need {@code appointments:read}, changes {@code appointments:write}; without it, 403 and nothing happens. */
abstract class ScopeTest extends ApiTest {

    ScopeTest(Database database) {
        super(database);
    }

    static class OnH2 extends ScopeTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends ScopeTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    private String patient;
    private String existing;

    @BeforeEach
    void anExistingAppointment() {
        patient = uniquePatient();
        existing = createId(Bodies.booked(patient));
    }

    @Nested
    class ReadOnlyKey {

        @Test
        void mayReadAnAppointment() {
            // when
            ApiResponse response = ApiOperation.READ.on(api, existing, patient).key(TestKeys.READ_ONLY).send();

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.text("data.id")).isEqualTo(existing);
        }

        @Test
        void maySearch() {
            // when
            ApiResponse response = ApiOperation.SEARCH.on(api, existing, patient).key(TestKeys.READ_ONLY).send();

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.ids()).containsExactly(existing);
        }

        @ParameterizedTest
        @EnumSource(value = ApiOperation.class, names = {"CREATE", "UPDATE", "DELETE"})
        void mayNotChangeAnything(ApiOperation operation) {
            // when
            ApiResponse response = operation.on(api, existing, patient).key(TestKeys.READ_ONLY).send();

            // then
            assertInsufficientScope(response);
            ApiResponse after = api.get("/v1/appointments/" + existing).send();
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.number("data.version")).isEqualTo(1);
            assertThat(api.get("/v1/appointments?patientId=" + patient).send().number("data.total")).isEqualTo(1);
        }
    }

    @Nested
    class WriteOnlyKey {

        @Test
        void mayCreate() {
            // when
            ApiResponse response = ApiOperation.CREATE.on(api, existing, patient).key(TestKeys.WRITE_ONLY).send();

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(201);
        }

        @Test
        void mayUpdateAndDelete() {
            assertThat(ApiOperation.UPDATE.on(api, existing, patient).key(TestKeys.WRITE_ONLY).send().status()).isEqualTo(200);
            assertThat(ApiOperation.DELETE.on(api, existing, patient).key(TestKeys.WRITE_ONLY).send().status()).isEqualTo(204);
        }

        @ParameterizedTest
        @EnumSource(value = ApiOperation.class, names = {"READ", "SEARCH"})
        void mayNotRead(ApiOperation operation) {
            assertInsufficientScope(operation.on(api, existing, patient).key(TestKeys.WRITE_ONLY).send());
        }
    }

    @Test
    void aForbiddenAnswerCarriesTheKeysRateLimitInMetaAndHeaders() {
        // when
        ApiResponse response = ApiOperation.DELETE.on(api, existing, patient).key(TestKeys.READ_ONLY).send();

        // then
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.text("meta.requestId")).isEqualTo(response.text("requestId"));
        assertThat(response.number("meta.status")).isEqualTo(403);
        assertThat(Long.toString(response.number("meta.rateLimitTotal"))).isEqualTo(response.header("X-RateLimit-Limit").orElseThrow());
        assertThat(Long.toString(response.number("meta.rateLimitRemaining"))).isEqualTo(response.header("X-RateLimit-Remaining").orElseThrow());
        assertThat(Long.toString(response.number("meta.rateLimitReset"))).isEqualTo(response.header("X-RateLimit-Reset").orElseThrow());
    }

    private static void assertInsufficientScope(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.text("code")).isEqualTo("INSUFFICIENT_SCOPE");
        assertThat(response.text("error")).isEqualTo("This API key lacks the scope this operation needs");
        assertThat(response.text("requestId")).isEqualTo(response.header("X-Request-Id").orElseThrow());
        assertThat(response.at("issues").size()).isZero();
    }
}
