package com.clinikapi.contract.suite.client;

import com.clinikapi.client.ClinikApiClient;
import com.clinikapi.client.ClinikApiException;
import com.clinikapi.client.model.AppointmentCreate;
import com.clinikapi.client.model.AppointmentStatus;
import com.clinikapi.contract.suite.appointments.Fixtures;
import com.clinikapi.contract.suite.http.ContractCheckedHttpClient;
import com.clinikapi.contract.suite.target.ContractTarget;
import com.clinikapi.contract.suite.target.Targets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The generated Java client (module {@code client}) as a partner builds it, pointed at this run's
 * target. Its requests travel through the suite's {@link ContractCheckedHttpClient}, so every answer
 * it reads has passed the same contract checks, and counts for the same coverage, as the suite's own.
 */
final class GeneratedClient {

    private GeneratedClient() {
    }

    /** With the target's primary key. */
    static ClinikApiClient forTarget() {
        return withKey(Targets.current().apiKey());
    }

    static ClinikApiClient withKey(String apiKey) {
        ContractTarget target = Targets.current();
        return ClinikApiClient.builder(target.baseUrl(), apiKey)
                .httpClient(ContractCheckedHttpClient.builder(Targets.client()))
                .build();
    }

    /** A booked appointment of {@code minutes} at {@code start}, with a practitioner of its own. */
    static AppointmentCreate booked(String patientId, OffsetDateTime start, int minutes) {
        return new AppointmentCreate()
                .status(AppointmentStatus.BOOKED)
                .patientId(patientId)
                .practitionerId(Fixtures.practitionerId())
                .start(start)
                .minutesDuration(minutes)
                .appointmentType("followup")
                .description("Follow-up on blood pressure");
    }

    /** The typed error the call threw; fails if it threw nothing or something else. */
    static ClinikApiException rejection(ThrowingCallable call) {
        return catchThrowableOfType(call, ClinikApiException.class);
    }
}
