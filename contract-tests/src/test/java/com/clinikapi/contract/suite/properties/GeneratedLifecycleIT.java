package com.clinikapi.contract.suite.properties;

import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.appointment.StatusTransitions;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.contract.suite.appointments.Appointments;
import com.clinikapi.contract.suite.appointments.Fixtures;
import com.clinikapi.contract.suite.generate.AppointmentArbitraries;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.Targets;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every (from, to) pair of statuses: a change the lifecycle allows is applied, any other is refused
 * with 409 {@code INVALID_STATUS_TRANSITION} worded exactly as the shared {@link StatusTransitions}
 * words it, and the appointment keeps its status.
 */
class GeneratedLifecycleIT {

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);

    @Property(tries = 120)
    void statusChangesFollowTheLifecycle(@ForAll("statuses") String from, @ForAll("statuses") String to) {
        AppointmentStatus source = AppointmentStatus.fromWire(from).orElseThrow();
        AppointmentStatus target = AppointmentStatus.fromWire(to).orElseThrow();
        Statistics.label("transition").collect(StatusTransitions.isAllowed(source, target) ? "allowed" : "refused");
        // timed and with its own practitioner, so that only the lifecycle decides
        ObjectNode body = Fixtures.bookedAt(Fixtures.patientId(), Fixtures.DAY.plusHours(9), 30)
                .put("practitionerId", Fixtures.practitionerId()).put("status", from);
        if (source == AppointmentStatus.CANCELLED || source == AppointmentStatus.NOSHOW) {
            body.put("cancelationReason", "Set when the outcome was recorded");
        }
        String id = appointments.create(body).path("id").asText();
        ObjectNode patch = Json.object("status", to);
        if (target == AppointmentStatus.CANCELLED) {
            patch.put("cancelationReason", "Patient called");
        }

        ApiResponse response = api.patch(Appointments.path(id)).json(patch).send();

        List<String> refusal = refusal(source, target);
        if (refusal.isEmpty()) {
            assertThat(response.status()).as("%s -> %s: %s", from, to, response).isEqualTo(200);
            assertThat(response.data().path("status").asText()).isEqualTo(to);
        } else {
            assertThat(response.status()).as("%s -> %s: %s", from, to, response).isEqualTo(409);
            assertThat(response.errorCode()).isEqualTo(ErrorCode.INVALID_STATUS_TRANSITION.name());
            assertThat(response.diagnostics()).isEqualTo(refusal);
            assertThat(appointments.read(id).path("status").asText()).isEqualTo(from);
        }
    }

    @Provide
    Arbitrary<String> statuses() {
        return AppointmentArbitraries.statuses();
    }

    /** The issues the shared lifecycle gives for this change; empty when it is allowed. */
    private static List<String> refusal(AppointmentStatus from, AppointmentStatus to) {
        try {
            StatusTransitions.requireAllowed(from, to);
            return List.of();
        } catch (ApiException e) {
            return e.issues().stream().map(ValidationIssue::diagnostics).toList();
        }
    }
}
