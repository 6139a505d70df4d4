package com.clinikapi.mock;

import com.clinikapi.mock.auth.ReservedKeys;
import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Headers, envelopes and media types, as the official TypeScript client reads them. */
class WireFormatTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
    }

    @Nested
    class Headers {

        @Test
        void everyResponseCarriesTheRequestIdTimestampAndRateLimitHeaders() {
            String id = api.createdId(Bodies.booked());
            List<Reply> replies = List.of(
                    api.create(Bodies.booked()),
                    api.read(id),
                    api.search("count=0"),
                    api.update(id, "{}"),
                    api.withKey(null).search(""),
                    api.withKey(ReservedKeys.READ_ONLY).delete(id),
                    api.withKey(ReservedKeys.RATE_LIMITED).read(id),
                    api.send(api.request("/v1/nowhere").GET()),
                    api.send(api.request("/health").GET()),
                    api.delete(id));

            for (Reply reply : replies) {
                assertThat(reply.header("X-Request-Id")).as(reply.toString()).matches("req_[A-Za-z0-9_-]+");
                assertThat(OffsetDateTime.parse(reply.header("X-Timestamp")).getOffset().getTotalSeconds()).isZero();
                assertThat(reply.header("X-RateLimit-Limit")).isEqualTo("1000");
                assertThat(Integer.parseInt(reply.header("X-RateLimit-Remaining"))).isBetween(0, 1000);
                assertThat(Integer.parseInt(reply.header("X-RateLimit-Reset"))).isBetween(0, 60);
            }
        }

        @Test
        void theRequestIdAndTimestampMatchTheBody() {
            Reply success = api.create(Bodies.booked());
            Reply error = api.read("appt_missing");

            assertThat(success.json().path("meta").path("requestId").asText()).isEqualTo(success.header("X-Request-Id"));
            assertThat(success.json().path("meta").path("timestamp").asText()).isEqualTo(success.header("X-Timestamp"));
            assertThat(error.json().path("requestId").asText()).isEqualTo(error.header("X-Request-Id"));
            assertThat(success.header("X-Request-Id")).isNotEqualTo(error.header("X-Request-Id"));
        }

        @Test
        void metaReportsTheSameRateLimitNumbersAsTheHeaders() {
            api.search("");
            Reply reply = api.search("");

            assertThat(reply.json().path("meta").path("rateLimitTotal").asText()).isEqualTo(reply.header("X-RateLimit-Limit"));
            assertThat(reply.json().path("meta").path("rateLimitRemaining").asText()).isEqualTo(reply.header("X-RateLimit-Remaining"));
            assertThat(reply.json().path("meta").path("rateLimitReset").asText()).isEqualTo(reply.header("X-RateLimit-Reset"));
            assertThat(reply.header("X-RateLimit-Remaining")).isEqualTo("998");
        }
    }

    @Nested
    class MediaTypes {

        private Reply withAccept(String accept, HttpRequest.Builder request) {
            return api.send(request.header("Accept", accept));
        }

        @Test
        void answersTheTypeScriptClientInFhirJson() {
            Reply created = withAccept("application/fhir+json", api.request("/v1/appointments")
                    .header("Content-Type", "application/fhir+json").POST(ApiClient.body(Bodies.booked())));
            Reply patched = withAccept("application/fhir+json", api.request("/v1/appointments/" + created.id())
                    .header("Content-Type", "application/json-patch+json").method("PATCH", ApiClient.body("{\"priority\": 3}")));
            Reply notFound = withAccept("application/fhir+json", api.request("/v1/appointments/appt_missing").GET());

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.contentType()).isEqualTo("application/fhir+json");
            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.data().path("priority").asInt()).isEqualTo(3);
            assertThat(patched.contentType()).isEqualTo("application/fhir+json");
            assertThat(notFound.contentType()).isEqualTo("application/fhir+json");
        }

        @Test
        void answersJsonWhenTheSpecOffersNothingElseForThatResponse() {
            String big = "{\"comment\": \"" + "x".repeat(1024 * 1024) + "\"}";

            Reply reply = withAccept("application/fhir+json", api.request("/v1/appointments")
                    .header("Content-Type", "application/json").POST(ApiClient.body(big)));

            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.contentType()).isEqualTo("application/json");
        }

        @Test
        void answersJsonByDefault() {
            assertThat(api.search("").contentType()).isEqualTo("application/json");
            assertThat(withAccept("*/*", api.request("/v1/appointments").GET()).contentType()).isEqualTo("application/json");
            assertThat(withAccept("application/fhir+json;q=0, application/json", api.request("/v1/appointments").GET())
                    .contentType()).isEqualTo("application/json");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "application/json;q=0.5, application/fhir+json | application/fhir+json",
                "application/fhir+json;q=0.1, application/json | application/json",
                "application/fhir+json;q=abc, application/json;q=0.5 | application/json",
                ";;;,,q=x | application/json"})
        void answersTheMediaTypeTheClientPrefersByQualityAndIgnoresAMalformedAccept(String accept, String expected) {
            Reply reply = withAccept(accept, api.request("/v1/appointments?patientId=pat_1").GET());

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.contentType()).isEqualTo(expected);
        }

        @Test
        void acceptsACharsetParameter() {
            Reply reply = api.send(api.request("/v1/appointments")
                    .header("Content-Type", "application/json; charset=utf-8").POST(ApiClient.body(Bodies.booked())));

            assertThat(reply.status()).isEqualTo(201);
        }
    }

    /** Requests no operation matches are answered as the service answers them. */
    /** HTTP requires a server that serves GET to serve HEAD; the service does, and so does the mock. */
    @Nested
    class HeadRequests {

        @Test
        void answersAHeadLikeItsGetWithoutTheBody() throws Exception {
            String id = api.createdId(Bodies.booked());
            Reply get = api.read(id);

            var head = api.sendRaw(api.request("/v1/appointments/" + id).method("HEAD", HttpRequest.BodyPublishers.noBody()));

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("ETag")).isEqualTo(java.util.Optional.of(get.header("ETag")));
            assertThat(head.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(head.headers().firstValue("X-Request-Id").orElseThrow()).startsWith("req_");
        }

        @Test
        void answersAHeadForAnUnknownAppointmentWith404() throws Exception {
            var head = api.sendRaw(api.request("/v1/appointments/appt_unknown").method("HEAD", HttpRequest.BodyPublishers.noBody()));

            assertThat(head.statusCode()).isEqualTo(404);
            assertThat(head.body()).isEmpty();
        }

        @Test
        void answersAHeadOfHealth() throws Exception {
            var head = api.sendRaw(api.withKey(null).request("/health").method("HEAD", HttpRequest.BodyPublishers.noBody()));

            assertThat(head.statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class UnknownRoutes {

        @Test
        void answersAPathTheSpecDoesNotDefineWith404() {
            Reply reply = api.send(api.request("/v2/appointments").GET());

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.code()).isEqualTo("NOT_FOUND");
            assertThat(reply.json().path("error").asText()).isEqualTo("No such endpoint");
        }

        @Test
        void answersAMethodTheSpecDoesNotDefineWith405AndTheAllowedMethods() {
            Reply reply = api.send(api.request("/v1/appointments/appt_x").PUT(ApiClient.body(Bodies.booked())));

            assertThat(reply.status()).isEqualTo(405);
            assertThat(reply.code()).isEqualTo("METHOD_NOT_ALLOWED");
            assertThat(reply.header("Allow")).contains("GET", "HEAD", "PATCH", "DELETE");
        }

        @Test
        void answersUnusualPathsInTheErrorFormat() {
            for (String path : List.of("/v1/appointments/", "/v1/appointments//x", "/V1/APPOINTMENTS", "/favicon.ico",
                    "/", "/v1", "/__files/x", "/v1/appointments/x/y")) {
                Reply reply = api.send(api.request(path).GET());
                assertThat(reply.status()).as(path).isIn(404, 405);
                assertThat(reply.header("X-Request-Id")).as(path).startsWith("req_");
                assertThat(reply.contentType()).as(path).isEqualTo("application/json");
            }
        }

        @Test
        void answersUnknownRoutesInTheClientsMediaType() {
            Reply reply = api.send(api.request("/v1/rooms").header("Accept", "application/fhir+json").GET());

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.contentType()).isEqualTo("application/fhir+json");
        }

        @Test
        void checksTheKeyFirstUnderV1() {
            assertThat(api.withKey(null).send(api.withKey(null).request("/v1/rooms").GET()).code()).isEqualTo("UNAUTHORIZED");
            assertThat(api.withKey(null).send(api.withKey(null).request("/v2/rooms").GET()).code()).isEqualTo("NOT_FOUND");
        }
    }
}
