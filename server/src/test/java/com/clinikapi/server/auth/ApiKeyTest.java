package com.clinikapi.server.auth;

import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.TestKeys;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code x-api-key} header: who may call, and which appointments each caller sees. */
abstract class ApiKeyTest extends ApiTest {

    ApiKeyTest(Database database) {
        super(database);
    }

    static class OnH2 extends ApiKeyTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends ApiKeyTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class UnusableKeys {

        @Test
        void answers401UnauthorizedWithoutAKey() {
            // when
            ApiResponse response = api.get("/v1/appointments").withoutKey().send();

            // then
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.text("code")).isEqualTo("UNAUTHORIZED");
            assertThat(response.text("requestId")).isEqualTo(response.header("X-Request-Id").orElseThrow());
            assertThat(response.header("X-RateLimit-Limit")).isPresent();
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
                "sk_live_abcdefgh1234, INVALID_KEY_FORMAT",
                "clk_prod_abcdefgh1234, INVALID_KEY_FORMAT",
                "clk_test_short, INVALID_KEY_FORMAT",
                TestKeys.UNKNOWN + ", INVALID_KEY",
                TestKeys.REVOKED + ", KEY_REVOKED",
                TestKeys.EXPIRED + ", KEY_EXPIRED"})
        void answers401WithTheDocumentedCode(String key, String code) {
            // when
            ApiResponse response = api.get("/v1/appointments").key(key).send();

            // then
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.text("code")).isEqualTo(code);
            assertThat(response.body()).doesNotContain(key);
        }

        @Test
        void checksTheKeyBeforeReadingTheBody() {
            // when
            ApiResponse response = api.post("/v1/appointments", "{not json").withoutKey().send();

            // then
            assertThat(response.status()).isEqualTo(401);
        }
    }

    @Nested
    class Scopes {

        @Test
        void aReadOnlyKeyReadsButCannotWrite() {
            // given
            String id = createId(Bodies.booked(uniquePatient()));

            // when
            ApiResponse read = api.get("/v1/appointments/" + id).key(TestKeys.READ_ONLY).send();
            ApiResponse write = api.post("/v1/appointments", Bodies.proposed(uniquePatient())).key(TestKeys.READ_ONLY).send();
            ApiResponse delete = api.delete("/v1/appointments/" + id).key(TestKeys.READ_ONLY).send();

            // then
            assertThat(read.status()).isEqualTo(200);
            assertThat(write.status()).isEqualTo(403);
            assertThat(write.text("code")).isEqualTo("INSUFFICIENT_SCOPE");
            assertThat(delete.status()).isEqualTo(403);
            assertThat(api.get("/v1/appointments/" + id).send().status()).isEqualTo(200);
        }
    }

    @Nested
    class TenantIsolation {

        @Test
        void anotherTenantCannotReadChangeOrDeleteTheAppointment() {
            // given
            String path = "/v1/appointments/" + createId(Bodies.booked(uniquePatient()));

            // when
            ApiResponse read = api.get(path).key(TestKeys.OTHER_TENANT).send();
            ApiResponse patch = api.patch(path, "{\"comment\":\"hijack\"}").key(TestKeys.OTHER_TENANT).send();
            ApiResponse delete = api.delete(path).key(TestKeys.OTHER_TENANT).send();

            // then
            assertThat(read.status()).isEqualTo(404);
            assertThat(read.text("code")).isEqualTo("NOT_FOUND");
            assertThat(patch.status()).isEqualTo(404);
            assertThat(delete.status()).isEqualTo(404);
            ApiResponse own = api.get(path).send();
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.has("data.comment")).isFalse();
            assertThat(own.number("data.version")).isEqualTo(1);
        }

        @Test
        void anotherTenantsSearchDoesNotSeeTheAppointment() {
            // given
            String patient = uniquePatient();
            createId(Bodies.booked(patient));

            // when
            ApiResponse other = api.get("/v1/appointments?patientId=" + patient).key(TestKeys.OTHER_TENANT).send();
            ApiResponse own = api.get("/v1/appointments?patientId=" + patient).send();

            // then
            assertThat(other.number("data.total")).isZero();
            assertThat(other.ids()).isEmpty();
            assertThat(own.number("data.total")).isEqualTo(1);
        }

        @Test
        void eachTenantCreatesInItsOwnSpace() {
            // given
            String patient = uniquePatient();

            // when
            String theirs = api.post("/v1/appointments", Bodies.booked(patient)).key(TestKeys.OTHER_TENANT).send()
                    .text("data.id");

            // then
            assertThat(api.get("/v1/appointments/" + theirs).key(TestKeys.OTHER_TENANT).send().status()).isEqualTo(200);
            assertThat(api.get("/v1/appointments/" + theirs).send().status()).isEqualTo(404);
        }
    }

    @Nested
    class ModeIsolation {

        @Test
        void theLiveKeyOfTheSameTenantDoesNotSeeTestData() {
            // given
            String patient = uniquePatient();
            String path = "/v1/appointments/" + createId(Bodies.booked(patient));

            // when
            ApiResponse read = api.get(path).key(TestKeys.DEV_LIVE).send();
            ApiResponse search = api.get("/v1/appointments?patientId=" + patient).key(TestKeys.DEV_LIVE).send();
            ApiResponse delete = api.delete(path).key(TestKeys.DEV_LIVE).send();

            // then
            assertThat(read.status()).isEqualTo(404);
            assertThat(search.number("data.total")).isZero();
            assertThat(delete.status()).isEqualTo(404);
            assertThat(api.get(path).send().status()).isEqualTo(200);
        }
    }
}
