package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Prism-style scenarios: per request with {@code Prefer}, or for a whole run through the admin API. */
class ScenarioTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
    }

    private Reply createPreferring(String prefer) {
        return api.send(api.request("/v1/appointments").header("Content-Type", "application/json")
                .header("Prefer", prefer).POST(ApiClient.body(Bodies.booked())));
    }

    private int total() {
        return api.search("").data().path("total").asInt();
    }

    @Nested
    class PerRequest {

        @Test
        void forcesA500InTheErrorFormatWithoutCreatingAnything() {
            Reply reply = createPreferring("code=500");

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.code()).isEqualTo("INTERNAL_ERROR");
            assertThat(reply.json().path("requestId").asText()).isEqualTo(reply.header("X-Request-Id"));
            assertThat(total()).isZero();
        }

        @Test
        void forcesA503() {
            Reply reply = createPreferring("code=503");

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(total()).isZero();
        }

        @Test
        void forcesA503WithRetryAfterAsTheServiceSendsOnEvery503() {
            Reply reply = api.send(api.request("/v1/appointments").header("Prefer", "code=503").GET());

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.header("Retry-After")).isEqualTo("1");
            assertThat(createPreferring("code=503, retry-after=4").header("Retry-After")).isEqualTo("4");
        }

        @Test
        void forcesA503OnAReadWithTheRetryAfterItAsksFor() {
            Reply reply = api.send(api.request("/v1/appointments/appt_any").header("Prefer", "code=503, retry-after=2").GET());

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.header("Retry-After")).isEqualTo("2");
        }

        @Test
        void forcesA429WithRetryAfter() {
            Reply reply = createPreferring("code=429");

            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.code()).isEqualTo("RATE_LIMITED");
            assertThat(reply.header("Retry-After")).isEqualTo("1");
            assertThat(createPreferring("code=429, retry-after=7").header("Retry-After")).isEqualTo("7");
        }

        @Test
        void forcesA404OnAnAppointmentThatExists() {
            String id = api.createdId(Bodies.booked());

            Reply reply = api.send(api.request("/v1/appointments/" + id).header("Prefer", "code=404").GET());

            assertThat(reply.code()).isEqualTo("NOT_FOUND");
            assertThat(api.read(id).status()).isEqualTo(200);
        }

        @Test
        void forcesA409WithTheSpecsDocumentedIssueAndChangesNothing() {
            String id = api.createdId(Bodies.booked());

            Reply reply = api.send(api.request("/v1/appointments/" + id).header("Content-Type", "application/json")
                    .header("Prefer", "code=409").method("PATCH", ApiClient.body("{\"priority\": 5}")));

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.code()).isEqualTo("VERSION_CONFLICT");
            assertThat(reply.diagnostics()).containsExactly("version: does not match the current version");
            assertThat(api.read(id).data().path("version").asInt()).isEqualTo(1);
        }

        @Test
        void forcesA422WithTheSpecsExampleIssues() {
            Reply reply = createPreferring("code=422");

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
            assertThat(reply.diagnostics()).isNotEmpty();
            assertThat(total()).isZero();
        }

        @Test
        void refusesAStatusTheOperationDoesNotDocumentNamingTheHeaderAndTheStatusesItDocuments() {
            Reply reply = createPreferring("code=404");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("INVALID_PARAMETER");
            assertThat(reply.json().path("error").asText()).isEqualTo("Invalid path, query or header parameter");
            assertThat(reply.diagnostics()).containsExactly(
                    "Prefer: code must be one of 201, 400, 401, 403, 409, 410, 413, 415, 422, 429, 500, 503 for this operation");
            assertThat(total()).isZero();
        }

        @Test
        void refusesBadValues() {
            for (String prefer : List.of("code=abc", "delay=-5", "delay=999999", "fault=explode", "retry-after=x")) {
                Reply reply = createPreferring(prefer);
                assertThat(reply.status()).as(prefer).isEqualTo(400);
                assertThat(reply.diagnostics().get(0)).as(prefer).startsWith("Prefer: ");
            }
            assertThat(total()).isZero();
        }

        @Test
        void ignoresPreferencesItDoesNotKnow() {
            assertThat(createPreferring("return=minimal").status()).isEqualTo(201);
        }

        @Test
        void theSuccessStatusServesTheRequestNormally() {
            assertThat(createPreferring("code=201").status()).isEqualTo(201);
            assertThat(total()).isEqualTo(1);
        }

        @Test
        void delaysTheAnswer() {
            long started = System.nanoTime();

            Reply reply = createPreferring("delay=400");

            assertThat(reply.status()).isEqualTo(201);
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
        }

        @Test
        void combinesADelayWithAStatus() {
            long started = System.nanoTime();

            Reply reply = createPreferring("code=503; delay=300");

            assertThat(reply.status()).isEqualTo(503);
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
        }

        @Test
        void resetsTheConnectionWithoutCreatingAnything() {
            HttpRequest.Builder request = api.request("/v1/appointments").header("Content-Type", "application/json")
                    .header("Prefer", "fault=reset").POST(ApiClient.body(Bodies.booked()));

            assertThatThrownBy(() -> api.sendRaw(request)).isInstanceOf(IOException.class);
            assertThat(total()).isZero();
        }

        @Test
        void closesTheConnectionWithoutAnswer() {
            HttpRequest.Builder request = api.request("/v1/appointments").header("Prefer", "fault=empty").GET();

            assertThatThrownBy(() -> api.sendRaw(request)).isInstanceOf(IOException.class);
        }

        @Test
        void servesANamedExampleOfTheSpecWithThisRequestsMeta() {
            Reply reply = api.send(api.request("/v1/appointments/appt_any").header("Prefer", "example=booked").GET());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.id()).isEqualTo("appt_8Jq2mXkR4vTn");
            assertThat(reply.json().path("meta").path("requestId").asText()).isEqualTo(reply.header("X-Request-Id"));
        }

        @Test
        void refusesAnExampleTheOperationDoesNotHave() {
            Reply reply = api.send(api.request("/v1/appointments/appt_any").header("Prefer", "example=nope").GET());

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.diagnostics())
                    .containsExactly("Prefer: example must name an example this operation documents for that status");
        }

        @Test
        void forcesHealthDown() {
            Reply reply = api.send(api.request("/health").header("Prefer", "code=503").GET());

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().path("status").asText()).isEqualTo("DOWN");
        }

        @Test
        void stillChecksTheKeyFirst() {
            Reply reply = api.withKey(null).send(api.withKey(null).request("/v1/appointments").header("Prefer", "code=500").GET());

            assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
        }
    }

    @Nested
    class ForAWholeRun {

        private Reply admin(String method, String path, String body) {
            return api.send(api.withKey(null).request("/__admin" + path).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : ApiClient.body(body)));
        }

        @Test
        void appliesAScenarioToEveryRequestUntilCleared() {
            Reply added = admin("POST", "/clinikapi/scenarios", "{\"prefer\": \"code=503\"}");

            assertThat(added.status()).isEqualTo(201);
            assertThat(api.search("").status()).isEqualTo(503);
            assertThat(api.create(Bodies.booked()).status()).isEqualTo(503);
            assertThat(admin("GET", "/clinikapi/scenarios", null).json().size()).isEqualTo(1);

            admin("DELETE", "/clinikapi/scenarios", null);

            assertThat(api.search("").status()).isEqualTo(200);
            assertThat(total()).isZero();
        }

        @Test
        void aRunWide503OrA429CarriesRetryAfter() {
            admin("POST", "/clinikapi/scenarios", "{\"prefer\": \"code=503\", \"times\": 1}");
            mock.forceScenario("code=429, retry-after=3", api.apiKey(), 1);

            Reply rateLimited = api.search("");
            Reply unavailable = api.search("");

            assertThat(rateLimited.status()).isEqualTo(429);
            assertThat(rateLimited.header("Retry-After")).isEqualTo("3");
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.header("Retry-After")).isEqualTo("1");
        }

        @Test
        void appliesAScenarioToTheNextRequestsOnly() {
            admin("POST", "/clinikapi/scenarios", "{\"prefer\": \"code=503\", \"times\": 2}");

            assertThat(api.create(Bodies.booked()).status()).isEqualTo(503);
            assertThat(api.create(Bodies.booked()).status()).isEqualTo(503);
            assertThat(api.create(Bodies.booked()).status()).isEqualTo(201);
        }

        @Test
        void appliesAScenarioToOneKeyOnly() {
            mock.forceScenario("code=500", api.apiKey(), 10);

            assertThat(api.search("").status()).isEqualTo(500);
            assertThat(api.withKey(ClinikMockExtension.newApiKey()).search("").status()).isEqualTo(200);
        }

        @Test
        void skipsOperationsThatDoNotDocumentTheStatus() {
            mock.forceScenario("code=404");

            assertThat(api.create(Bodies.booked()).status()).isEqualTo(201);
            assertThat(api.search("").status()).isEqualTo(200);
            assertThat(api.read("appt_any").status()).isEqualTo(404);
        }

        @Test
        void aRequestsOwnPreferHeaderWins() {
            mock.forceScenario("code=503");

            assertThat(createPreferring("code=500").status()).isEqualTo(500);
        }

        @Test
        void refusesAnInvalidScenario() {
            Reply reply = admin("POST", "/clinikapi/scenarios", "{\"prefer\": \"code=banana\"}");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(admin("POST", "/clinikapi/scenarios", "{}").status()).isEqualTo(400);
            assertThat(admin("GET", "/clinikapi/scenarios", null).json().size()).isZero();
        }

        @Test
        void wireMocksResetClearsScenarios() {
            mock.forceScenario("code=503");

            admin("POST", "/reset", null);

            assertThat(api.search("").status()).isEqualTo(200);
        }
    }
}
