package com.clinikapi.contract.suite.client;

import com.clinikapi.client.ClinikApiException;
import com.clinikapi.client.api.AppointmentsApi;
import com.clinikapi.client.model.AppointmentCreate;
import com.clinikapi.client.model.AppointmentStatus;
import com.clinikapi.client.model.Issue;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.suite.appointments.Fixtures;
import com.clinikapi.contract.suite.target.KeyRole;
import com.clinikapi.contract.suite.target.Targets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Error answers surface as {@link ClinikApiException}: status, code, request id, issues, {@code Retry-After}. */
class ClientErrorsIT {

    private final AppointmentsApi appointments = GeneratedClient.forTarget().appointments();

    @Test
    void aBodyThatBreaksTheRulesIsAValidationErrorWithIssuesNamingTheFields() {
        // minutesDuration above 1440 and end before start: one schema and one business rule broken
        AppointmentCreate invalid = GeneratedClient.booked(Fixtures.patientId(), Fixtures.DAY.withHour(9), 30)
                .minutesDuration(null)
                .end(Fixtures.DAY.withHour(8))
                .priority(12);

        ClinikApiException rejected = GeneratedClient.rejection(() -> appointments.createAppointment(invalid, null));

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.errorCode()).hasValue(ErrorCode.VALIDATION_ERROR.name());
        assertThat(rejected.issues()).extracting(Issue::getDiagnostics)
                .anySatisfy(d -> assertThat(d).startsWith("priority:"));
        assertThat(rejected.issues()).allSatisfy(i -> assertThat(i.getSeverity()).isEqualTo(Issue.SeverityEnum.ERROR));
        assertThat(rejected.requestId()).isPresent();
    }

    @Test
    void aMissingRequiredFieldIsAValidationError() {
        AppointmentCreate withoutPatient = new AppointmentCreate().status(AppointmentStatus.PROPOSED);

        ClinikApiException rejected = GeneratedClient.rejection(() -> appointments.createAppointment(withoutPatient, null));

        assertThat(rejected.errorCode()).hasValue(ErrorCode.VALIDATION_ERROR.name());
        assertThat(rejected.issues()).extracting(Issue::getDiagnostics)
                .anySatisfy(d -> assertThat(d).startsWith("patientId:"));
    }

    @Test
    void anUnknownIdIsNotFound() {
        ClinikApiException rejected = GeneratedClient.rejection(
                () -> appointments.getAppointment(Fixtures.unknownAppointmentId()));

        assertThat(rejected.status()).isEqualTo(404);
        assertThat(rejected.errorCode()).hasValue(ErrorCode.NOT_FOUND.name());
        assertThat(rejected.issues()).isEmpty();
    }

    @Test
    void aKeyOverItsRateLimitSaysWhenToRetry() {
        String key = Targets.current().requireKey(KeyRole.RATE_LIMITED);
        AppointmentsApi limited = GeneratedClient.withKey(key).appointments();

        // the key's plan allows a few requests (the mock's reserved key none): spend them first
        ClinikApiException rejected = null;
        for (int i = 0; i < 5 && (rejected == null || rejected.status() != 429); i++) {
            rejected = GeneratedClient.rejection(() -> limited.getAppointment(Fixtures.unknownAppointmentId()));
        }

        assertThat(rejected.errorCode()).hasValue(ErrorCode.RATE_LIMITED.name());
        assertThat(rejected.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isPositive());
    }
}
