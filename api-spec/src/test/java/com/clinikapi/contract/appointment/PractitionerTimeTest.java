package com.clinikapi.contract.appointment;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class PractitionerTimeTest {

    private static final OffsetDateTime NINE = OffsetDateTime.parse("2026-12-01T09:00:00Z");

    private static TimeWindow window(int fromMinute, int toMinute) {
        return new TimeWindow(NINE.plusMinutes(fromMinute), NINE.plusMinutes(toMinute));
    }

    private static AppointmentSchedule schedule(AppointmentStatus status, OffsetDateTime start, OffsetDateTime end) {
        return new AppointmentSchedule(status, start, end, null, null, null);
    }

    @Nested
    class Overlap {

        @Test
        void windowsSharingAnInstantOverlap() {
            assertThat(window(0, 30).overlaps(window(15, 45))).isTrue();
            assertThat(window(15, 45).overlaps(window(0, 30))).isTrue();
            assertThat(window(0, 60).overlaps(window(15, 30))).isTrue();
            assertThat(window(0, 30).overlaps(window(0, 30))).isTrue();
        }

        @Test
        void backToBackWindowsDoNotOverlap() {
            assertThat(window(0, 30).overlaps(window(30, 60))).isFalse();
            assertThat(window(30, 60).overlaps(window(0, 30))).isFalse();
        }

        @Test
        void theSameInstantInAnotherOffsetIsTheSameInstant() {
            TimeWindow paris = new TimeWindow(OffsetDateTime.parse("2026-12-01T10:29:00+01:00"),
                    OffsetDateTime.parse("2026-12-01T11:00:00+01:00"));

            assertThat(window(0, 30).overlaps(paris)).isTrue();
        }
    }

    @Nested
    class HeldWindow {

        @ParameterizedTest
        @EnumSource(value = AppointmentStatus.class, names = {"BOOKED", "ARRIVED", "CHECKED_IN"})
        void isTheAppointmentsTimesWhenItsStatusHoldsThePractitioner(AppointmentStatus status) {
            assertThat(PractitionerTime.heldWindow("prac_1", schedule(status, NINE, NINE.plusMinutes(30))))
                    .contains(window(0, 30));
        }

        @ParameterizedTest
        @EnumSource(value = AppointmentStatus.class, names = {"BOOKED", "ARRIVED", "CHECKED_IN"}, mode = EnumSource.Mode.EXCLUDE)
        void isAbsentForEveryOtherStatus(AppointmentStatus status) {
            assertThat(PractitionerTime.heldWindow("prac_1", schedule(status, NINE, NINE.plusMinutes(30)))).isEmpty();
        }

        @Test
        void isAbsentWithoutAPractitionerOrTimes() {
            assertThat(PractitionerTime.heldWindow(null, schedule(AppointmentStatus.BOOKED, NINE, NINE.plusMinutes(30)))).isEmpty();
            assertThat(PractitionerTime.heldWindow("prac_1", schedule(AppointmentStatus.BOOKED, null, null))).isEmpty();
        }
    }

    @Test
    void aConflictNamesTheAppointmentHoldingTheTime() {
        ApiException conflict = PractitionerTime.conflictWith("appt_abc");

        assertThat(conflict.code()).isEqualTo(ErrorCode.SCHEDULING_CONFLICT);
        assertThat(conflict.code().httpStatus()).isEqualTo(409);
        assertThat(conflict.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.field()).isEqualTo("start");
            assertThat(issue.diagnostics()).contains("appt_abc");
        });
    }
}
