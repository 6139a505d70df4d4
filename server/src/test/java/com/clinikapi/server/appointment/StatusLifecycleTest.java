package com.clinikapi.server.appointment;

import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.appointment.StatusTransitions;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every status change the lifecycle ({@link StatusTransitions}) forbids is refused; every other is made. */
abstract class StatusLifecycleTest extends ApiTest {

    StatusLifecycleTest(Database database) {
        super(database);
    }

    static class OnH2 extends StatusLifecycleTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends StatusLifecycleTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    static Stream<Arguments> illegalTransitions() {
        return pairs().filter(pair -> !StatusTransitions.isAllowed(pair[0], pair[1]))
                .map(pair -> Arguments.of(pair[0], pair[1]));
    }

    static Stream<Arguments> allowedTransitions() {
        return pairs().filter(pair -> pair[0] != pair[1] && StatusTransitions.isAllowed(pair[0], pair[1]))
                .map(pair -> Arguments.of(pair[0], pair[1]));
    }

    private static Stream<AppointmentStatus[]> pairs() {
        return Arrays.stream(AppointmentStatus.values()).flatMap(from -> Arrays.stream(AppointmentStatus.values())
                .map(to -> new AppointmentStatus[]{from, to}));
    }

    /** An appointment in {@code status}, with times and a practitioner of its own. */
    private String appointmentIn(AppointmentStatus status) {
        return createId("""
                {"status":"%s","patientId":"%s","practitionerId":"%s","start":"2026-12-01T09:00:00Z",
                 "minutesDuration":30%s}""".formatted(status.wire(), uniquePatient(), Bodies.uniquePractitioner(),
                status == AppointmentStatus.CANCELLED ? ",\"cancelationReason\":\"Clinic closed\"" : ""));
    }

    private ApiResponse changeStatus(String id, AppointmentStatus to) {
        String reason = to == AppointmentStatus.CANCELLED ? ",\"cancelationReason\":\"Patient called\"" : "";
        return api.patch("/v1/appointments/" + id, "{\"status\":\"%s\"%s}".formatted(to.wire(), reason)).send();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("illegalTransitions")
    void refusesAnIllegalTransitionAndChangesNothing(AppointmentStatus from, AppointmentStatus to) {
        // given
        String id = appointmentIn(from);

        // when
        ApiResponse response = changeStatus(id, to);

        // then
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.text("code")).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(response.diagnostics()).singleElement().satisfies(d -> assertThat(d).startsWith("status: may not change from " + from.wire()));
        ApiResponse current = api.get("/v1/appointments/" + id).send();
        assertThat(current.text("data.status")).isEqualTo(from.wire());
        assertThat(current.number("data.version")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allowedTransitions")
    void makesAnAllowedTransition(AppointmentStatus from, AppointmentStatus to) {
        // given
        String id = appointmentIn(from);

        // when
        ApiResponse response = changeStatus(id, to);

        // then
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.text("data.status")).isEqualTo(to.wire());
    }
}
