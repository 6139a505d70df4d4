package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner reads, with its own key, which of its requests broke the contract (rule and field, never
 * the value) and which operations and documented statuses its integration met.
 */
class ConformanceReportTest {

    /** Looks like patient data: it must never reach a report. */
    static final String MARKER = "JaneDoe1957";

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    ApiClient api;

    @BeforeEach
    void partner() {
        api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
    }

    @Nested
    class Findings {

        @Test
        void recordTheOperationRuleFieldAndRequestButNeverTheValue() {
            Reply refused = api.create("{\"status\": \"proposed\", \"patientId\": \"" + MARKER + "\", \"priority\": 42,"
                    + " \"description\": \"" + MARKER.repeat(300) + "\", \"" + MARKER + "\": \"" + MARKER + "\"}");
            assertThat(refused.status()).isEqualTo(422);

            Reply report = report(api);

            assertThat(report.status()).isEqualTo(200);
            assertThat(report.body()).doesNotContain(MARKER).doesNotContain(api.apiKey());
            JsonNode finding = report.json().path("findings").get(0);
            assertThat(finding.path("operation").asText()).isEqualTo("createAppointment");
            assertThat(finding.path("method").asText()).isEqualTo("POST");
            assertThat(finding.path("path").asText()).isEqualTo("/v1/appointments");
            assertThat(finding.path("status").asInt()).isEqualTo(422);
            assertThat(finding.path("code").asText()).isEqualTo("VALIDATION_ERROR");
            assertThat(diagnostics(finding)).containsAll(refused.diagnostics()).contains("priority: must be between 0 and 9");
            assertThat(finding.path("count").asInt()).isEqualTo(1);
            assertThat(finding.path("first").path("requestId").asText()).isEqualTo(refused.header("X-Request-Id"));
            assertThat(report.json().path("summary").path("contractBreaks").asInt()).isEqualTo(1);
        }

        @Test
        void countARepeatedBreakOnceWithItsFirstAndLastRequest() {
            Reply first = api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"priority\": 10}");
            Reply last = api.create("{\"status\": \"proposed\", \"patientId\": \"pat_2\", \"priority\": 11}");

            JsonNode findings = report(api).json().path("findings");

            assertThat(findings).hasSize(1);
            assertThat(findings.get(0).path("count").asInt()).isEqualTo(2);
            assertThat(findings.get(0).path("first").path("requestId").asText()).isEqualTo(first.header("X-Request-Id"));
            assertThat(findings.get(0).path("last").path("requestId").asText()).isEqualTo(last.header("X-Request-Id"));
        }

        @Test
        void coverEveryWayAClientCanBuildARequestWrong() {
            String id = api.createdId(Bodies.booked());
            List<Reply> refused = new ArrayList<>();
            refused.add(api.send(api.request("/v1/appointments").header("Content-Type", "text/plain")
                    .POST(ApiClient.body(MARKER))));
            refused.add(api.create("{\"status\": \"proposed\", \"patientId\": \"" + MARKER + "\","));
            refused.add(api.search("count=" + MARKER));
            refused.add(api.search("sort=" + MARKER));
            refused.add(api.send(api.request("/v1/appointments/" + id).header("If-Match", MARKER).DELETE()));
            refused.add(api.send(api.request("/v1/appointments").header("Content-Type", "application/json")
                    .header("Idempotency-Key", "k-" + MARKER).POST(ApiClient.body(Bodies.booked()))));
            refused.add(api.send(api.request("/v1/appointments").header("Content-Type", "application/json")
                    .header("Idempotency-Key", "k-" + MARKER).POST(ApiClient.body(Bodies.booked()))));
            refused.add(api.update(id, "{\"status\": \"cancelled\"}"));
            refused.add(api.send(api.request("/v1/appointments/" + id).PUT(ApiClient.body("{}"))));
            refused.add(api.send(api.request("/v1/" + MARKER).GET()));
            refused.add(api.send(api.request("/v1/appointments").header("Content-Type", "application/json")
                    .POST(ApiClient.body("{\"comment\": \"" + "x".repeat(1_100_000) + "\"}"))));

            JsonNode report = report(api).json();

            assertThat(refused).extracting(Reply::status)
                    .containsExactly(415, 400, 400, 400, 400, 201, 422, 422, 405, 404, 413);
            assertThat(report.toString()).doesNotContain(MARKER);
            assertThat(report.path("summary").path("contractBreaks").asInt()).isEqualTo(10);
            List<String> rules = new ArrayList<>();
            report.path("findings").forEach(f -> rules.add(f.path("status").asInt() + " " + f.path("code").asText()
                    + " " + f.path("path").asText(null)));
            assertThat(rules).containsExactly(
                    "415 UNSUPPORTED_MEDIA_TYPE /v1/appointments",
                    "400 MALFORMED_JSON /v1/appointments",
                    "400 INVALID_PARAMETER /v1/appointments",
                    "400 INVALID_PARAMETER /v1/appointments",
                    "400 INVALID_PARAMETER /v1/appointments/{id}",
                    "422 IDEMPOTENCY_KEY_REUSED /v1/appointments",
                    "422 VALIDATION_ERROR /v1/appointments/{id}",
                    "405 METHOD_NOT_ALLOWED /v1/appointments/{id}",
                    "404 NOT_FOUND null",
                    "413 PAYLOAD_TOO_LARGE /v1/appointments");
            JsonNode unknownRoute = report.path("findings").get(8);
            assertThat(unknownRoute.path("operation").isNull()).isTrue();
            assertThat(unknownRoute.path("method").asText()).isEqualTo("GET");
        }

        @Test
        void doNotCountWhatACorrectClientMeetsInNormalOperation() {
            String id = api.createdId(Bodies.booked("pat_1", "prac_busy", "2026-12-01T09:00:00Z"));
            List<Reply> answers = new ArrayList<>();
            answers.add(api.create(Bodies.booked("pat_2", "prac_busy", "2026-12-01T09:00:00Z")));
            answers.add(api.send(api.request("/v1/appointments/" + id).header("If-Match", "\"7\"").DELETE()));
            answers.add(api.update(id, "{\"status\": \"proposed\"}"));
            answers.add(api.read("appt_missing"));
            answers.add(api.send(api.request("/v1/appointments").header("Prefer", "code=503").GET()));
            answers.add(api.send(api.request("/v1/appointments/" + id).header("Prefer", "code=422").GET()));
            answers.add(api.send(api.request("/v1/appointments").header("Prefer", "code=404")
                    .header("Content-Type", "application/json").POST(ApiClient.body(Bodies.booked()))));
            answers.add(api.withKey("clk_test_mock_revoked_key").search(""));
            answers.add(api.withKey("clk_test_mock_rate_limited_key").search(""));

            JsonNode report = report(api).json();

            assertThat(answers).extracting(Reply::status).containsExactly(409, 409, 409, 404, 503, 400, 400, 401, 429);
            assertThat(report.path("summary").path("contractBreaks").asInt()).as(report.toString()).isZero();
            assertThat(report.path("findings")).isEmpty();
        }
    }

    @Nested
    class Coverage {

        @Test
        void listsTheStatusesEachOperationAnsweredAndTheDocumentedOnesItNeverDid() {
            String id = api.createdId(Bodies.booked());
            api.read(id);
            api.read(id);
            api.send(api.request("/v1/appointments/" + id).header("Prefer", "code=409")
                    .header("Content-Type", "application/json").method("PATCH", ApiClient.body("{}")));

            JsonNode report = report(api).json();

            JsonNode create = operation(report, "createAppointment");
            assertThat(create.path("calls").asInt()).isEqualTo(1);
            assertThat(create.path("answered").path("201").asInt()).isEqualTo(1);
            assertThat(numbers(create.path("neverAnswered"))).contains(409, 422, 429, 503).doesNotContain(201);
            assertThat(operation(report, "getAppointment").path("answered").path("200").asInt()).isEqualTo(2);
            JsonNode update = operation(report, "updateAppointment");
            assertThat(update.path("answered").path("409").asInt()).isEqualTo(1);
            assertThat(numbers(update.path("neverAnswered"))).contains(200, 404, 422).doesNotContain(409);
            assertThat(operation(report, "deleteAppointment").path("calls").asInt()).isZero();
            assertThat(report.path("summary").path("operationsCalled").asInt()).isEqualTo(3);
            assertThat(report.path("summary").path("documentedStatusesAnswered").asInt()).isEqualTo(3);
        }

        @Test
        void holdsOnlyTheApisOperations() {
            api.send(api.request("/health").GET());

            JsonNode report = report(api).json();

            assertThat(report.path("coverage")).extracting(op -> op.path("operation").asText())
                    .containsExactlyInAnyOrder("createAppointment", "searchAppointments", "getAppointment",
                            "updateAppointment", "deleteAppointment");
            assertThat(report.path("summary").path("requests").asInt()).isZero();
        }
    }

    @Nested
    class Sandboxes {

        @Test
        void aKeySeesOnlyItsOwnReport() {
            ApiClient other = api.withKey(ClinikMockExtension.newApiKey());
            api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"priority\": 10}");
            other.createdId(Bodies.booked());

            assertThat(report(other).json().path("findings")).isEmpty();
            assertThat(report(other).json().path("summary").path("requests").asInt()).isEqualTo(1);
            assertThat(report(api).json().path("findings")).hasSize(1);
        }

        @Test
        void resettingTheSandboxForgetsItsReport() {
            api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"priority\": 10}");

            api.send(api.request("/__sandbox/reset").POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(report(api).json().path("summary").path("requests").asInt()).isZero();
        }

        @Test
        void deletingTheReportStartsItAfresh() {
            api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"priority\": 10}");

            Reply deleted = api.send(api.request("/__sandbox/conformance").DELETE());

            assertThat(deleted.status()).isEqualTo(200);
            assertThat(report(api).json().path("findings")).isEmpty();
        }

        @Test
        void requestsWithoutAUsableKeyAreReportedApartToTheAdminOnly() {
            Reply keyless = api.withKey(null).create(Bodies.booked());
            api.withKey("clk_" + MARKER).search("");

            Reply overview = api.send(api.withKey(null).request("/__admin/clinikapi/conformance").GET());

            assertThat(keyless.status()).isEqualTo(401);
            assertThat(overview.body()).doesNotContain(MARKER);
            JsonNode withoutKey = overview.json().path("withoutKey");
            assertThat(withoutKey.path("findings")).extracting(f -> f.path("code").asText())
                    .containsExactly("UNAUTHORIZED", "INVALID_KEY_FORMAT");
            assertThat(report(api.withKey(null)).status()).isEqualTo(401);
        }

        @Test
        void theAdminOverviewNamesKeysByFingerprintOnly() {
            api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"priority\": 10}");

            Reply overview = api.send(api.withKey(null).request("/__admin/clinikapi/conformance").GET());

            assertThat(overview.body()).doesNotContain(api.apiKey()).contains(ClinikMockExtension.journalKey(api.apiKey()));
        }
    }

    @Nested
    class IdleSandboxes {

        @RegisterExtension
        static ClinikMockExtension shortLived = ClinikMockExtension.builder()
                .sandboxIdleTime(Duration.ofMillis(200)).build();

        @Test
        void anIdleSandboxsReportIsForgottenWithIt() {
            ApiClient idle = new ApiClient(shortLived.baseUrl(), ClinikMockExtension.newApiKey());
            idle.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"priority\": 10}");

            Instant deadline = Instant.now().plusSeconds(10);
            while (shortLived.conformanceReport(idle.apiKey()).requests() > 0 && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }

            assertThat(shortLived.conformanceReport(idle.apiKey()).requests()).isZero();
        }
    }

    static Reply report(ApiClient client) {
        return client.send(client.request("/__sandbox/conformance").GET());
    }

    static List<String> diagnostics(JsonNode finding) {
        List<String> diagnostics = new ArrayList<>();
        finding.path("issues").forEach(issue -> diagnostics.add(issue.path("field").asText() + ": "
                + issue.path("constraint").asText()));
        return diagnostics;
    }

    static JsonNode operation(JsonNode report, String operationId) {
        for (JsonNode operation : report.path("coverage")) {
            if (operation.path("operation").asText().equals(operationId)) {
                return operation;
            }
        }
        throw new AssertionError("no " + operationId + " in " + report);
    }

    static List<Integer> numbers(JsonNode array) {
        List<Integer> numbers = new ArrayList<>();
        array.forEach(n -> numbers.add(n.asInt()));
        return numbers;
    }
}
