package com.clinikapi.contract.appointment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class StatusTransitionsTest {

    @ParameterizedTest
    @EnumSource(value = AppointmentStatus.class, names = {"FULFILLED", "CANCELLED", "NOSHOW"})
    void outcomesAreFinal(AppointmentStatus outcome) {
        assertThat(StatusTransitions.next(outcome)).isEmpty();
        for (AppointmentStatus other : AppointmentStatus.values()) {
            assertThat(StatusTransitions.isAllowed(outcome, other)).isEqualTo(other == outcome);
        }
    }

    @ParameterizedTest
    @EnumSource(AppointmentStatus.class)
    void keepingTheSameStatusIsAlwaysAllowed(AppointmentStatus status) {
        assertThat(StatusTransitions.isAllowed(status, status)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = AppointmentStatus.class, names = {"FULFILLED", "CANCELLED", "NOSHOW"}, mode = EnumSource.Mode.EXCLUDE)
    void everyOpenAppointmentCanBeCancelled(AppointmentStatus status) {
        assertThat(StatusTransitions.isAllowed(status, AppointmentStatus.CANCELLED)).isTrue();
    }

    @Test
    void onlyABookedAppointmentCanBeANoShow() {
        for (AppointmentStatus from : AppointmentStatus.values()) {
            boolean expected = from == AppointmentStatus.BOOKED || from == AppointmentStatus.NOSHOW;
            assertThat(StatusTransitions.isAllowed(from, AppointmentStatus.NOSHOW)).as(from.wire()).isEqualTo(expected);
        }
    }

    @Test
    void aWaitlistedAppointmentCannotJumpToFulfilled() {
        assertThat(StatusTransitions.isAllowed(AppointmentStatus.WAITLIST, AppointmentStatus.FULFILLED)).isFalse();
    }
}
