package com.clinikapi.server.web;

import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.RawHttp;
import com.clinikapi.server.support.TestKeys;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** What every response carries: the {@code {data, meta}} envelope, request ids, limits, media types. */
abstract class EnvelopeTest extends ApiTest {

    EnvelopeTest(Database database) {
        super(database);
    }

    static class OnH2 extends EnvelopeTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends EnvelopeTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    /** HTTP wants a HEAD answered with the headers its GET would have. */
    @Nested
    class HeadRequests {

        @Test
        void answersAReadWithTheHeadersOfItsGetAndNoBody() {
            // given
            String id = api.post("/v1/appointments", Bodies.booked(uniquePatient())).send().text("data.id");
            ApiResponse get = api.get("/v1/appointments/" + id).send();

            // when
            ApiResponse head = api.method("HEAD", "/v1/appointments/" + id).send();

            // then
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.contentType()).isEqualTo(get.contentType()).isEqualTo("application/json");
            assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
        }

        @Test
        void typesTheAnswerAsTheClientAsked() {
            // when
            ApiResponse head = api.method("HEAD", "/v1/appointments").accept("application/fhir+json").send();

            // then
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.contentType()).isEqualTo("application/fhir+json");
        }

        @Test
        void typesAnErrorAsItsGetWouldBe() {
            // when
            ApiResponse head = api.method("HEAD", "/v1/appointments/appt_missing").accept("application/fhir+json").send();

            // then
            assertThat(head.status()).isEqualTo(404);
            assertThat(head.body()).isEmpty();
            assertThat(head.contentType()).isEqualTo("application/fhir+json");
        }

        @Test
        void answersHealthAsJson() {
            // when
            ApiResponse head = api.method("HEAD", "/health").withoutKey().send();

            // then
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.contentType()).isEqualTo("application/json");
        }
    }

    @Nested
    class Meta {

        @Test
        void repeatsTheHeadersInTheEnvelope() {
            // when
            ApiResponse response = api.post("/v1/appointments", Bodies.booked(uniquePatient())).send();

            // then
            assertThat(response.text("meta.requestId")).matches("^req_[A-Za-z0-9_-]+$")
                    .isEqualTo(response.header("X-Request-Id").orElseThrow());
            assertThat(response.number("meta.status")).isEqualTo(201);
            assertThat(OffsetDateTime.parse(response.text("meta.timestamp")))
                    .isEqualTo(OffsetDateTime.parse(response.header("X-Timestamp").orElseThrow()));
            assertThat(response.text("meta.timestamp")).endsWith("Z");
            // the dev key's plan: "standard", raised to 1,000,000 per 60 s for the test servers
            assertThat(response.number("meta.rateLimitTotal")).isEqualTo(1_000_000)
                    .isEqualTo(Long.parseLong(response.header("X-RateLimit-Limit").orElseThrow()));
            assertThat(response.number("meta.rateLimitRemaining")).isLessThan(1_000_000)
                    .isEqualTo(Long.parseLong(response.header("X-RateLimit-Remaining").orElseThrow()));
            assertThat(response.number("meta.rateLimitReset")).isBetween(1L, 60L)
                    .isEqualTo(Long.parseLong(response.header("X-RateLimit-Reset").orElseThrow()));
        }

        @Test
        void givesEveryRequestItsOwnIdWhateverTheClientSends() {
            // when
            ApiResponse first = api.get("/v1/appointments").header("X-Request-Id", "req_mine").send();
            ApiResponse second = api.get("/v1/appointments").header("X-Request-Id", "req_mine").send();

            // then
            assertThat(first.text("meta.requestId")).isNotEqualTo("req_mine")
                    .isNotEqualTo(second.text("meta.requestId"));
        }

        @Test
        void errorsCarryTheRequestIdOfTheirHeader() {
            // when
            ApiResponse response = api.get("/v1/appointments/appt_missing").send();

            // then
            assertThat(response.text("requestId")).isEqualTo(response.header("X-Request-Id").orElseThrow());
            assertThat(response.header("X-Timestamp")).isPresent();
            assertThat(response.text("meta.requestId")).isEqualTo(response.text("requestId"));
            assertThat(Long.toString(response.number("meta.rateLimitRemaining")))
                    .isEqualTo(response.header("X-RateLimit-Remaining").orElseThrow());
        }
    }

    @Nested
    class MediaTypes {

        @Test
        void answersFhirJsonToAClientThatAsksForIt() {
            // when
            ApiResponse success = api.post("/v1/appointments", Bodies.proposed(uniquePatient()))
                    .contentType("application/fhir+json").accept("application/fhir+json").send();
            ApiResponse error = api.get("/v1/appointments/appt_missing").accept("application/fhir+json").send();

            // then
            assertThat(success.status()).isEqualTo(201);
            assertThat(success.contentType()).startsWith("application/fhir+json");
            assertThat(error.contentType()).startsWith("application/fhir+json");
            assertThat(error.text("code")).isEqualTo("NOT_FOUND");
        }

        @Test
        void answersHealthAsPlainJsonAsDocumented() {
            // when
            ApiResponse response = api.get("/health").withoutKey().accept("application/fhir+json").send();

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("application/json");
        }

        @ParameterizedTest
        @ValueSource(strings = {"application/json", "*/*", "application/*", "text/html", "application/xml",
                "text/plain;q=0.9", "application/json;q=0.5, text/html"})
        void answersJsonToAnyOtherAcceptInsteadOf406(String accept) {
            // when
            ApiResponse response = api.get("/v1/appointments?count=1").accept(accept).send();

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("application/json");
        }

        @Test
        void answersPayloadTooLargeAndUnsupportedMediaTypeInJsonAsTheSpecDeclares() {
            // when
            ApiResponse unsupported = api.post("/v1/appointments", Bodies.proposed("pat_1")).contentType("text/plain")
                    .accept("application/fhir+json").send();

            // then
            assertThat(unsupported.status()).isEqualTo(415);
            assertThat(unsupported.contentType()).startsWith("application/json");
        }

        @Test
        void answersAnUndecodableQueryWith400InTheAcceptedMediaType() {
            // when
            RawHttp.Response response = RawHttp.send(server.getURI(), "GET /v1/appointments?%ZZ=1 HTTP/1.1\r\n"
                    + "x-api-key: " + TestKeys.DEV_TEST + "\r\nAccept: application/fhir+json\r\n");

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("\"code\":\"INVALID_PARAMETER\"");
            assertThat(response.headers()).containsKey("x-request-id");
            assertThat(response.headers().get("content-type")).startsWith("application/fhir+json");
        }

        @Test
        void ignoresTheContentTypeOfOperationsWithoutBody() {
            // given
            String id = createId(Bodies.booked(uniquePatient()));

            // when
            ApiResponse read = api.get("/v1/appointments/" + id).body("{}").contentType("text/plain").send();
            ApiResponse delete = api.delete("/v1/appointments/" + id).body("{\"x\":1}").contentType("application/fhir+json").send();

            // then
            assertThat(read.status()).isEqualTo(200);
            assertThat(delete.status()).isEqualTo(204);
        }

        @Test
        void answersABrowserRequestWithAnOrigin() {
            // when
            ApiResponse response = api.get("/v1/appointments?count=1").header("Origin", "https://app.example").send();

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("X-Request-Id")).isPresent();
        }

        @Test
        void answersJsonWithoutAnAcceptHeader() {
            // when
            ApiResponse response = api.post("/v1/appointments", Bodies.proposed(uniquePatient())).send();

            // then
            assertThat(response.contentType()).startsWith("application/json");
        }

        @Test
        void acceptsAPostWithAnUnusualAcceptAndStillReadsTheBody() {
            // when
            ApiResponse response = api.post("/v1/appointments", Bodies.proposed(uniquePatient()))
                    .accept("text/html").send();

            // then
            assertThat(response.status()).isEqualTo(201);
        }
    }
}
