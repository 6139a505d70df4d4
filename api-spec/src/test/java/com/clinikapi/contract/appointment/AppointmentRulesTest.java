package com.clinikapi.contract.appointment;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ValidationIssue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppointmentRulesTest {

    private static final OffsetDateTime NINE = OffsetDateTime.parse("2026-12-01T09:00:00Z");
    private static final OffsetDateTime NINE_THIRTY = OffsetDateTime.parse("2026-12-01T09:30:00Z");

    private static AppointmentSchedule schedule(AppointmentStatus status, OffsetDateTime start, OffsetDateTime end,
                                                Integer minutes, String reason) {
        return new AppointmentSchedule(status, start, end, minutes, reason, List.of());
    }

    private static List<String> diagnosticsOf(Runnable action) {
        try {
            action.run();
        } catch (ApiException e) {
            return e.issues().stream().map(ValidationIssue::diagnostics).toList();
        }
        throw new AssertionError("expected a VALIDATION_ERROR");
    }

    @Nested
    class NewAppointments {

        @Test
        void derivesEndFromStartAndMinutesDuration() {
            AppointmentSchedule stored = AppointmentRules.checkNew(
                    schedule(AppointmentStatus.BOOKED, NINE, null, 30, null));

            assertThat(stored.end()).isEqualTo(NINE_THIRTY);
        }

        @Test
        void keepsAnExplicitEndOverMinutesDuration() {
            OffsetDateTime ten = NINE.plusHours(1);

            AppointmentSchedule stored = AppointmentRules.checkNew(
                    schedule(AppointmentStatus.BOOKED, NINE, ten, 30, null));

            assertThat(stored.end()).isEqualTo(ten);
        }

        @Test
        void rejectsEndBeforeStart() {
            assertThat(diagnosticsOf(() -> AppointmentRules.checkNew(
                    schedule(AppointmentStatus.BOOKED, NINE_THIRTY, NINE, null, null))))
                    .containsExactly("end: must be after start");
        }

        @Test
        void rejectsEndEqualToStart() {
            assertThat(diagnosticsOf(() -> AppointmentRules.checkNew(
                    schedule(AppointmentStatus.BOOKED, NINE, NINE, null, null))))
                    .containsExactly("end: must be after start");
        }

        @Test
        void rejectsStartWithoutEndOrDuration() {
            assertThat(diagnosticsOf(() -> AppointmentRules.checkNew(
                    schedule(AppointmentStatus.BOOKED, NINE, null, null, null))))
                    .containsExactly("end: " + AppointmentRules.END_REQUIRED);
        }

        @Test
        void rejectsEndWithoutStart() {
            assertThat(diagnosticsOf(() -> AppointmentRules.checkNew(
                    schedule(AppointmentStatus.PROPOSED, null, NINE, null, null))))
                    .containsExactly("start: " + AppointmentRules.START_REQUIRED_WITH_END);
        }

        @ParameterizedTest
        @EnumSource(value = AppointmentStatus.class, names = {"PROPOSED", "WAITLIST"})
        void allowsNoTimesForUnscheduledStatuses(AppointmentStatus status) {
            assertThat(AppointmentRules.violations(schedule(status, null, null, null, null))).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = AppointmentStatus.class, names = {"PENDING", "BOOKED", "ARRIVED", "FULFILLED", "NOSHOW", "CHECKED_IN"})
        void requiresTimesForScheduledStatuses(AppointmentStatus status) {
            String reason = status == AppointmentStatus.NOSHOW ? "did not come" : null;

            assertThat(AppointmentRules.violations(schedule(status, null, null, null, reason)))
                    .extracting(ValidationIssue::diagnostics)
                    .containsExactly("start: " + AppointmentRules.TIMES_REQUIRED);
        }

        @Test
        void requiresAReasonToCancel() {
            assertThat(diagnosticsOf(() -> AppointmentRules.checkNew(
                    schedule(AppointmentStatus.CANCELLED, null, null, null, null))))
                    .containsExactly("cancelationReason: " + AppointmentRules.REASON_REQUIRED);
        }

        @ParameterizedTest
        @EnumSource(value = AppointmentStatus.class, names = {"CANCELLED", "NOSHOW"})
        void acceptsAReasonWhenCancelledOrNoShow(AppointmentStatus status) {
            assertThat(AppointmentRules.violations(schedule(status, NINE, NINE_THIRTY, null, "sick"))).isEmpty();
        }

        @Test
        void rejectsAReasonOnABookedAppointment() {
            assertThat(diagnosticsOf(() -> AppointmentRules.checkNew(
                    schedule(AppointmentStatus.BOOKED, NINE, NINE_THIRTY, null, "sick"))))
                    .containsExactly("cancelationReason: " + AppointmentRules.REASON_NOT_ALLOWED);
        }

        @Test
        void rejectsARequestedPeriodThatEndsBeforeItStarts() {
            AppointmentSchedule s = new AppointmentSchedule(AppointmentStatus.PROPOSED, null, null, null, null,
                    List.of(new TimeWindow(NINE, NINE_THIRTY), new TimeWindow(NINE_THIRTY, NINE)));

            assertThat(diagnosticsOf(() -> AppointmentRules.checkNew(s)))
                    .containsExactly("requestedPeriod[1].end: must be after start");
        }

        @Test
        void reportsEveryBrokenRuleAtOnce() {
            assertThat(diagnosticsOf(() -> AppointmentRules.checkNew(
                    schedule(AppointmentStatus.BOOKED, NINE_THIRTY, NINE, null, "sick"))))
                    .containsExactly("end: must be after start",
                            "cancelationReason: " + AppointmentRules.REASON_NOT_ALLOWED);
        }
    }

    @Nested
    class Updates {

        @Test
        void movingStartKeepsTheDurationWhenEndIsNotSent() {
            AppointmentSchedule merged = schedule(AppointmentStatus.BOOKED, NINE.plusHours(1), NINE_THIRTY, 30, null);

            AppointmentSchedule stored = AppointmentRules.checkUpdate(merged, Set.of("start"));

            assertThat(stored.end()).isEqualTo(NINE_THIRTY.plusHours(1));
        }

        @Test
        void doesNotDeriveEndWhenTheUpdateSendsIt() {
            AppointmentSchedule merged = schedule(AppointmentStatus.BOOKED, NINE, NINE.plusHours(2), 30, null);

            assertThat(AppointmentRules.checkUpdate(merged, Set.of("start", "end")).end()).isEqualTo(NINE.plusHours(2));
        }

        @Test
        void rejectsCancellingWithoutAReason() {
            AppointmentSchedule merged = schedule(AppointmentStatus.CANCELLED, NINE, NINE_THIRTY, null, null);

            assertThatThrownBy(() -> AppointmentRules.checkUpdate(merged, Set.of("status")))
                    .isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).issues().get(0).diagnostics())
                    .isEqualTo("cancelationReason: " + AppointmentRules.REASON_REQUIRED);
        }

        @Test
        void rejectsAnUpdateThatLeavesEndBeforeStart() {
            AppointmentSchedule merged = schedule(AppointmentStatus.BOOKED, NINE_THIRTY.plusHours(1), NINE_THIRTY, null, null);

            assertThat(diagnosticsOf(() -> AppointmentRules.checkUpdate(merged, Set.of("start"))))
                    .containsExactly("end: must be after start");
        }
    }
}
