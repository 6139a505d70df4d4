package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.appointment.AppointmentRules;
import com.clinikapi.contract.appointment.AppointmentSchedule;
import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.appointment.TimeWindow;
import com.clinikapi.contract.error.ValidationIssue;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The issue a business rule produces, taken from the shared rules themselves (api-spec), so that the
 * suite checks both targets against the contract's one wording instead of a copy of it.
 */
public final class RuleIssues {

    private RuleIssues() {
    }

    public static ValidationIssue only(AppointmentStatus status, OffsetDateTime start, OffsetDateTime end,
                                       String cancelationReason, List<TimeWindow> requestedPeriod) {
        List<ValidationIssue> issues = AppointmentRules.violations(
                new AppointmentSchedule(status, start, end, null, cancelationReason, requestedPeriod));
        if (issues.size() != 1) {
            throw new IllegalArgumentException("expected the schedule to break exactly one rule: " + issues);
        }
        return issues.get(0);
    }

    public static ValidationIssue only(AppointmentStatus status, OffsetDateTime start, OffsetDateTime end,
                                       String cancelationReason) {
        return only(status, start, end, cancelationReason, List.of());
    }
}
