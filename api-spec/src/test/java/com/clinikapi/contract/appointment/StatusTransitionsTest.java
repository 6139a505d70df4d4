package com.clinikapi.contract.appointment;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

    @Test
    void refusesAnIllegalChangeAsAnInvalidTransitionOnStatus() {
        // when
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> StatusTransitions.requireAllowed(AppointmentStatus.WAITLIST, AppointmentStatus.FULFILLED));

        // then
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_STATUS_TRANSITION);
        assertThat(refused.code().httpStatus()).isEqualTo(409);
        assertThat(refused.issues()).singleElement()
                .satisfies(issue -> assertThat(issue.diagnostics()).isEqualTo("status: may not change from waitlist to fulfilled"));
    }

    @Test
    void saysAFinalStatusIsFinal() {
        // when
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> StatusTransitions.requireAllowed(AppointmentStatus.FULFILLED, AppointmentStatus.BOOKED));

        // then
        assertThat(refused.issues()).singleElement()
                .satisfies(issue -> assertThat(issue.diagnostics()).isEqualTo("status: may not change from fulfilled, which is final"));
    }

    @Test
    void acceptsEveryAllowedChange() {
        for (AppointmentStatus from : AppointmentStatus.values()) {
            for (AppointmentStatus to : StatusTransitions.next(from)) {
                assertThatCode(() -> StatusTransitions.requireAllowed(from, to)).doesNotThrowAnyException();
            }
        }
    }
}
