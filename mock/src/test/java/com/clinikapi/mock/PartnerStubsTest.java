package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Reply;
import com.github.tomakehurst.wiremock.common.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Partners' own stubs, registered through WireMock's API, answer before the mock's derived behaviour. */
class PartnerStubsTest {

    /** A getAppointment answer the spec allows. */
    static final String STUBBED_APPOINTMENT = """
            {"data": {"id": "appt_stubbed", "status": "booked", "patientId": "pat_abc123",
                      "created": "2026-11-20T14:03:11Z", "updatedAt": "2026-11-20T14:03:11Z", "version": 3},
             "meta": {"requestId": "req_stubbed", "timestamp": "2026-11-20T14:03:11Z", "status": 200,
                      "rateLimitTotal": 1000, "rateLimitRemaining": 999, "rateLimitReset": 60}}""";

    @Nested
    class Conforming {

        @RegisterExtension
        static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

        ApiClient api;

        @BeforeEach
        void partner() {
            api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
        }

        @Test
        void aStubAnswersTheRequestsItMatches() {
            mock.stubFor(get(urlPathEqualTo("/v1/appointments/appt_stubbed")).willReturn(okJson(STUBBED_APPOINTMENT)));

            Reply reply = api.read("appt_stubbed");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.data().path("version").asInt()).isEqualTo(3);
        }

        @Test
        void requestsNoStubMatchesAreStillAnsweredByTheMock() {
            mock.stubFor(get(urlPathEqualTo("/v1/appointments/appt_stubbed")).willReturn(okJson(STUBBED_APPOINTMENT)));

            assertThat(api.read("appt_other").code()).isEqualTo("NOT_FOUND");
            assertThat(api.search("").status()).isEqualTo(200);
        }

        @Test
        void aStubOfAScenarioAnswersOnlyInTheStateItRequires() {
            mock.stubFor(get(urlPathEqualTo("/v1/appointments/appt_stubbed")).inScenario("rescheduled")
                    .whenScenarioStateIs("moved").willReturn(okJson(STUBBED_APPOINTMENT)));

            assertThat(api.read("appt_stubbed").code()).isEqualTo("NOT_FOUND");

            mock.setScenarioState("rescheduled", "moved");
            assertThat(api.read("appt_stubbed").status()).isEqualTo(200);
        }

        @Test
        void aStubRegisteredOverHttpIsServed() {
            Reply registered = admin(api, """
                    {"request": {"method": "GET", "urlPath": "/v1/appointments/appt_stubbed"},
                     "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                                  "body": %s}}""".formatted(quoted(STUBBED_APPOINTMENT)));

            assertThat(registered.status()).isEqualTo(201);
            assertThat(api.read("appt_stubbed").data().path("version").asInt()).isEqualTo(3);
        }

        @Test
        void aStubOutsideTheSpecIsServedAsIs() {
            mock.stubFor(get(urlEqualTo("/partner/callback")).willReturn(ok("thanks")));

            Reply reply = api.send(api.request("/partner/callback").GET());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("thanks");
        }

        @Test
        void aStatusTheOperationDoesNotDocumentIsRefusedWhenRegistered() {
            assertThatThrownBy(() -> mock.stubFor(post(urlEqualTo("/v1/appointments")).willReturn(aResponse().withStatus(418))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("createAppointment")
                    .hasMessageContaining("status 418 is not documented")
                    .hasMessageContaining("--serve-nonconforming-stubs");

            assertThat(api.create("{}").status()).isEqualTo(422);
        }

        @Test
        void aBodyThatBreaksTheResponseSchemaIsRefusedWhenRegistered() {
            assertThatThrownBy(() -> mock.stubFor(get(urlPathEqualTo("/v1/appointments/appt_stubbed"))
                    .willReturn(okJson("{\"id\": \"appt_stubbed\"}"))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("getAppointment")
                    .hasMessageContaining("validation.response.body.schema");

            assertThat(api.read("appt_stubbed").code()).isEqualTo("NOT_FOUND");
        }

        @Test
        void aPatternStubIsCheckedForEveryOperationItCanAnswer() {
            assertThatThrownBy(() -> mock.stubFor(any(urlPathMatching("/v1/appointments/.+"))
                    .willReturn(aResponse().withStatus(201))))
                    .hasMessageContaining("getAppointment")
                    .hasMessageContaining("deleteAppointment");
        }

        @Test
        void aNonconformingStubSentOverHttpIsAnswered422WithTheReason() {
            Reply refused = admin(api, """
                    {"request": {"method": "POST", "url": "/v1/appointments"}, "response": {"status": 418}}""");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("breaks the ClinikAPI spec", "status 418 is not documented");
        }
    }

    @Nested
    class NonconformingServed {

        @RegisterExtension
        static ClinikMockExtension mock = ClinikMockExtension.builder().serveNonconformingStubs(true).build();

        @Test
        void aStubThatBreaksTheSpecIsServedWhenTheMockIsToldTo() {
            mock.stubFor(post(urlEqualTo("/v1/appointments")).willReturn(aResponse().withStatus(418)));

            ApiClient api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());

            assertThat(api.create("{}").status()).isEqualTo(418);
        }
    }

    private static Reply admin(ApiClient api, String mapping) {
        return api.send(api.withKey(null).request("/__admin/mappings").header("Content-Type", "application/json")
                .POST(ApiClient.body(mapping)));
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }
}
