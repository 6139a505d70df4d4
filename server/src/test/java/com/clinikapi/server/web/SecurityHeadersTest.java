package com.clinikapi.server.web;

import com.clinikapi.server.support.Api;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.TestKeys;
import com.clinikapi.server.support.TestServers;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every response carries the security headers of a JSON API; CORS is off; HSTS only when configured. */
abstract class SecurityHeadersTest extends ApiTest {

    SecurityHeadersTest(Database database) {
        super(database);
    }

    static class OnH2 extends SecurityHeadersTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends SecurityHeadersTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class OnEveryResponse {

        @Test
        void successesErrorsRefusalsAndHealthCarryTheSecurityHeaders() {
            // when
            List<ApiResponse> responses = List.of(
                    api.post("/v1/appointments", Bodies.booked(uniquePatient())).send(),
                    api.get("/v1/appointments/appt_doesNotExist").send(),
                    api.get("/v1/appointments").withoutKey().send(),
                    api.get("/v1/appointments").key(TestKeys.REVOKED).send(),
                    api.delete("/v1/appointments/appt_x").key(TestKeys.READ_ONLY).send(),
                    api.get("/health").withoutKey().send(),
                    api.get("/no/such/path").withoutKey().send());

            // then
            assertThat(responses).extracting(ApiResponse::status).containsExactly(201, 404, 401, 401, 403, 200, 404);
            assertThat(responses).allSatisfy(response -> {
                assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
                assertThat(response.header("Cache-Control")).contains("no-store");
                assertThat(response.header("X-Frame-Options")).contains("DENY");
                assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'; frame-ancestors 'none'");
                assertThat(response.header("Referrer-Policy")).contains("no-referrer");
                assertThat(response.header("Strict-Transport-Security")).isEmpty();
            });
        }
    }

    @Nested
    class Cors {

        @Test
        void aPreflightFromABrowserOriginIsNotAllowed() {
            // when
            ApiResponse response = api.method("OPTIONS", "/v1/appointments").withoutKey()
                    .header("Origin", "https://evil.example")
                    .header("Access-Control-Request-Method", "POST")
                    .send();

            // then
            assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(response.header("Access-Control-Allow-Methods")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://localhost:3000", "http://127.0.0.1:8081", "null"})
        void localhostOriginsAreNotLetThroughEither(String origin) {
            // when
            ApiResponse preflight = api.method("OPTIONS", "/v1/appointments").withoutKey()
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "x-api-key, content-type")
                    .send();
            ApiResponse read = api.get("/v1/appointments?count=1").header("Origin", origin).send();

            // then
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(preflight.header("Access-Control-Allow-Headers")).isEmpty();
            assertThat(read.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(read.header("Access-Control-Allow-Credentials")).isEmpty();
        }

        @Test
        void aCrossOriginRequestGetsNoAllowOrigin() {
            // when
            ApiResponse response = api.get("/v1/appointments").header("Origin", "https://evil.example").send();

            // then a browser would not let the page read it
            assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void hstsIsSentWhenConfigured() {
        // given
        try (EmbeddedServer hsts = TestServers.start(Database.H2.datasource(), Map.of("clinikapi.security.hsts.enabled", true))) {

            // when
            ApiResponse response = new Api(hsts).get("/health").withoutKey().send();

            // then
            assertThat(response.header("Strict-Transport-Security")).contains("max-age=31536000; includeSubDomains");
        }
    }
}
