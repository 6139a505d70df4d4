package com.clinikapi.server.appointment;

import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code DELETE /v1/appointments/{id}}. */
abstract class DeleteAppointmentTest extends ApiTest {

    DeleteAppointmentTest(Database database) {
        super(database);
    }

    static class OnH2 extends DeleteAppointmentTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends DeleteAppointmentTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class Delete {

        @Test
        void answers204AndTheAppointmentIsGone() {
            // given
            String path = "/v1/appointments/" + createId(Bodies.booked(uniquePatient()));

            // when
            ApiResponse response = api.delete(path).send();

            // then
            assertThat(response.status()).isEqualTo(204);
            assertThat(response.body()).isEmpty();
            assertThat(response.header("X-Request-Id")).isPresent();
            assertThat(api.get(path).send().status()).isEqualTo(404);
        }

        @Test
        void answers404WhenDeletingTwice() {
            // given
            String path = "/v1/appointments/" + createId(Bodies.booked(uniquePatient()));
            api.delete(path).send();

            // when
            ApiResponse again = api.delete(path).send();

            // then
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.text("code")).isEqualTo("NOT_FOUND");
        }

        @Test
        void answers404ForAnUnknownAppointment() {
            // when
            ApiResponse response = api.delete("/v1/appointments/appt_unknown").send();

            // then
            assertThat(response.status()).isEqualTo(404);
        }
    }
}
