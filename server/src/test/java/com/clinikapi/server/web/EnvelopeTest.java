package com.clinikapi.server.web;

import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
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
            assertThat(response.number("meta.rateLimitTotal")).isEqualTo(1000)
                    .isEqualTo(Long.parseLong(response.header("X-RateLimit-Limit").orElseThrow()));
            assertThat(response.number("meta.rateLimitRemaining"))
                    .isEqualTo(Long.parseLong(response.header("X-RateLimit-Remaining").orElseThrow()));
            assertThat(response.number("meta.rateLimitReset")).isEqualTo(60)
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
            assertThat(response.header("X-RateLimit-Remaining")).hasValue("1000");
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
        @ValueSource(strings = {"application/json", "*/*", "text/html", "application/xml", "text/plain;q=0.9"})
        void answersJsonToAnyOtherAcceptInsteadOf406(String accept) {
            // when
            ApiResponse response = api.get("/v1/appointments?count=1").accept(accept).send();

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("application/json");
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
