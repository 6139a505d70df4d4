package com.clinikapi.server.ratelimit;

import com.clinikapi.contract.auth.Mode;
import com.clinikapi.server.auth.Scope;
import com.clinikapi.server.support.Api;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.TestKeys;
import com.clinikapi.server.support.TestServers;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each key is limited by its plan ({@code tiny} here: 3 requests per hour), reports the count on
 * every response, headers and {@code meta} alike, and is refused with 429 past it.
 */
abstract class RateLimitTest extends ApiTest {

    RateLimitTest(Database database) {
        super(database);
    }

    static class OnH2 extends RateLimitTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends RateLimitTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    private String key;
    private String patient;

    @BeforeEach
    void aFreshKeyOnTheTinyPlan() {
        key = TestKeys.createTiny(context()).secret();
        patient = uniquePatient();
    }

    private ApiResponse search() {
        return api.get("/v1/appointments?patientId=" + patient).key(key).send();
    }

    @Nested
    class WithinTheLimit {

        @Test
        void countsEachRequestDownToZero() {
            // when
            List<ApiResponse> responses = new ArrayList<>();
            for (int i = 0; i < TestKeys.TINY_LIMIT; i++) {
                responses.add(search());
            }

            // then
            assertThat(responses).extracting(ApiResponse::status).containsOnly(200);
            assertThat(responses).extracting(r -> r.header("X-RateLimit-Limit").orElseThrow()).containsOnly("3");
            assertThat(responses).extracting(r -> r.header("X-RateLimit-Remaining").orElseThrow()).containsExactly("2", "1", "0");
            assertThat(responses).extracting(r -> Integer.parseInt(r.header("X-RateLimit-Reset").orElseThrow()))
                    .allSatisfy(reset -> assertThat(reset).isBetween(1, 3600));
        }

        @Test
        void metaReportsTheSameNumbersAsTheHeaders() {
            // when
            ApiResponse response = api.post("/v1/appointments", Bodies.booked(patient)).key(key).send();

            // then
            assertThat(response.status()).isEqualTo(201);
            assertMetaMatchesHeaders(response);
            assertThat(response.number("meta.rateLimitTotal")).isEqualTo(3);
            assertThat(response.number("meta.rateLimitRemaining")).isEqualTo(2);
        }

        @Test
        void errorsOfARecognisedKeyCountAndCarryMeta() {
            // when
            ApiResponse notFound = api.get("/v1/appointments/appt_doesNotExist").key(key).send();
            ApiResponse invalid = api.post("/v1/appointments", "{\"status\":\"booked\"}").key(key).send();

            // then
            assertThat(notFound.status()).isEqualTo(404);
            assertMetaMatchesHeaders(notFound);
            assertThat(notFound.number("meta.status")).isEqualTo(404);
            assertThat(notFound.number("meta.rateLimitRemaining")).isEqualTo(2);
            assertThat(invalid.status()).isEqualTo(422);
            assertMetaMatchesHeaders(invalid);
            assertThat(invalid.number("meta.rateLimitRemaining")).isEqualTo(1);
        }

        @Test
        void aRequestRefusedForItsScopeCountsToo() {
            // given
            String readOnly = TestKeys.create(context(), "dev", Mode.TEST, Set.of(Scope.APPOINTMENTS_READ), TestKeys.TINY_PLAN).secret();

            // when
            ApiResponse forbidden = api.post("/v1/appointments", Bodies.booked(patient)).key(readOnly).send();

            // then
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.header("X-RateLimit-Remaining")).contains("2");
        }

        @Test
        void eachKeyHasItsOwnLimit() {
            // given
            for (int i = 0; i <= TestKeys.TINY_LIMIT; i++) {
                search();
            }
            String another = TestKeys.createTiny(context()).secret();

            // when
            ApiResponse response = api.get("/v1/appointments?patientId=" + patient).key(another).send();

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("X-RateLimit-Remaining")).contains("2");
        }
    }

    @Nested
    class PastTheLimit {

        @BeforeEach
        void exhaustTheKey() {
            for (int i = 0; i < TestKeys.TINY_LIMIT; i++) {
                assertThat(search().status()).isEqualTo(200);
            }
        }

        @Test
        void answers429RateLimitedWithRetryAfter() {
            // when
            ApiResponse response = search();

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(429);
            assertThat(response.text("code")).isEqualTo("RATE_LIMITED");
            assertThat(response.text("error")).isEqualTo("Rate limit exceeded");
            assertThat(response.text("requestId")).isEqualTo(response.header("X-Request-Id").orElseThrow());
            assertThat(response.at("issues").size()).isZero();
            int retryAfter = Integer.parseInt(response.header("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1, 3600);
            assertThat(response.header("X-RateLimit-Remaining")).contains("0");
            assertThat(Integer.parseInt(response.header("X-RateLimit-Reset").orElseThrow())).isGreaterThanOrEqualTo(retryAfter);
            assertMetaMatchesHeaders(response);
            assertThat(response.number("meta.status")).isEqualTo(429);
        }

        @Test
        void aRefusedCreateCreatesNothing() {
            // when
            ApiResponse response = api.post("/v1/appointments", Bodies.booked(patient)).key(key).send();

            // then
            assertThat(response.status()).isEqualTo(429);
            assertThat(api.get("/v1/appointments?patientId=" + patient).send().number("data.total")).isZero();
        }

        @Test
        void staysRefusedForEveryOperation() {
            assertThat(api.get("/v1/appointments/appt_any").key(key).send().status()).isEqualTo(429);
            assertThat(api.patch("/v1/appointments/appt_any", "{\"priority\":1}").key(key).send().status()).isEqualTo(429);
            assertThat(api.delete("/v1/appointments/appt_any").key(key).send().status()).isEqualTo(429);
        }

        @Test
        void otherKeysOfTheTenantAreUnaffected() {
            assertThat(api.get("/v1/appointments?patientId=" + patient).send().status()).isEqualTo(200);
        }
    }

    @Test
    void requestsWithoutAUsableKeyReportTheDefaultPlanUncounted() {
        // when
        ApiResponse health = api.get("/health").withoutKey().send();
        ApiResponse unauthorized = api.get("/v1/appointments").withoutKey().send();

        // then
        for (ApiResponse response : List.of(health, unauthorized)) {
            assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(response.header("X-RateLimit-Limit"));
        }
    }

    @Test
    void switchedOffTheLimiterReportsThePlanAndRefusesNothing() {
        // given an instance with the limiter off
        try (EmbeddedServer unlimited = TestServers.start(sameDatabase(), Map.of("clinikapi.rate-limit.enabled", false))) {
            Api unlimitedApi = new Api(unlimited);

            // when
            List<ApiResponse> responses = new ArrayList<>();
            for (int i = 0; i <= TestKeys.TINY_LIMIT; i++) {
                responses.add(unlimitedApi.get("/v1/appointments?patientId=" + patient).key(key).send());
            }

            // then
            assertThat(responses).extracting(ApiResponse::status).containsOnly(200);
            assertThat(responses).extracting(r -> r.header("X-RateLimit-Remaining").orElseThrow()).containsOnly("3");
            assertThat(responses).extracting(r -> r.header("X-RateLimit-Reset").orElseThrow()).containsOnly("3600");
        }
    }

    private static void assertMetaMatchesHeaders(ApiResponse response) {
        assertThat(Long.toString(response.number("meta.rateLimitTotal"))).isEqualTo(response.header("X-RateLimit-Limit").orElseThrow());
        assertThat(Long.toString(response.number("meta.rateLimitRemaining"))).isEqualTo(response.header("X-RateLimit-Remaining").orElseThrow());
        assertThat(Long.toString(response.number("meta.rateLimitReset"))).isEqualTo(response.header("X-RateLimit-Reset").orElseThrow());
        assertThat(response.text("meta.requestId")).isEqualTo(response.header("X-Request-Id").orElseThrow());
    }
}
