package com.clinikapi.server.appointment;

import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/appointments/{id}}. */
abstract class ReadAppointmentTest extends ApiTest {

    ReadAppointmentTest(Database database) {
        super(database);
    }

    static class OnH2 extends ReadAppointmentTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends ReadAppointmentTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class Read {

        @Test
        void answersTheAppointmentAsCreated() {
            // given
            ApiResponse created = create(Bodies.booked(uniquePatient()));

            // when
            ApiResponse read = api.get("/v1/appointments/" + created.text("data.id")).send();

            // then
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.at("data")).isEqualTo(created.at("data"));
            assertThat(read.number("meta.status")).isEqualTo(200);
        }

        @Test
        void answers404ForAnIdThatDoesNotExist() {
            // when
            ApiResponse response = api.get("/v1/appointments/appt_doesNotExist").send();

            // then
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.text("code")).isEqualTo("NOT_FOUND");
            assertThat(response.text("error")).isEqualTo("Appointment not found");
            assertThat(response.at("issues").size()).isZero();
        }

        @Test
        void answers400ForAnIdOutsideTheDocumentedPattern() {
            // when
            ApiResponse response = api.get("/v1/appointments/" + "x".repeat(129)).send();

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text("code")).isEqualTo("INVALID_PARAMETER");
            assertThat(response.diagnostics()).containsExactly("id: must match ^[A-Za-z0-9._-]{1,128}$");
        }
    }
}
