package com.clinikapi.contract.appointment;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ValidationIssue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The business rules of an appointment that the OpenAPI schema cannot express (see the rules in
 * the spec's description). This is the only implementation: the server and the mock both call it,
 * so they cannot disagree about what a valid appointment is.
 *
 * <p>Every method returns the schedule as it must be stored (with a derived {@code end}) or throws
 * an {@link ApiException} {@code VALIDATION_ERROR} listing every rule broken, each naming the field.
 */
public final class AppointmentRules {

    static final String END_AFTER_START = "must be after start";
    static final String END_REQUIRED = "is required when start is given; send end or minutesDuration";
    static final String START_REQUIRED_WITH_END = "is required when end is given";
    static final String TIMES_REQUIRED = "is required unless status is proposed, cancelled or waitlist";
    static final String REASON_NOT_ALLOWED = "is allowed only when status is cancelled or noshow";
    static final String REASON_REQUIRED = "is required when status is cancelled";
    static final String DERIVED_END_SUPPORTED = "must not take end (start + minutesDuration) past " + SupportedTimes.LATEST;

    private AppointmentRules() {
    }

    /** Rules for a new appointment: derives {@code end} from {@code start + minutesDuration} if absent. */
    public static AppointmentSchedule checkNew(AppointmentSchedule requested) {
        boolean endDerived = requested.end() == null;
        AppointmentSchedule schedule = endDerived ? deriveEnd(requested) : requested;
        requireValid(schedule, endDerived);
        return schedule;
    }

    /**
     * Rules for a partial update, judged on the appointment as it would be after the merge.
     *
     * @param merged     the stored appointment with the patch applied
     * @param patchedFields the names of the fields the patch contained (set to a value or to null)
     */
    public static AppointmentSchedule checkUpdate(AppointmentSchedule merged, Set<String> patchedFields) {
        boolean timingChanged = patchedFields.contains("start") || patchedFields.contains("minutesDuration");
        boolean endDerived = timingChanged && !patchedFields.contains("end");
        AppointmentSchedule schedule = endDerived ? deriveEnd(merged) : merged;
        requireValid(schedule, endDerived);
        return schedule;
    }

    /** Every rule broken by this schedule, in a stable order; empty when it is valid. */
    public static List<ValidationIssue> violations(AppointmentSchedule s) {
        List<ValidationIssue> issues = new ArrayList<>();
        checkTimes(s, issues);
        checkCancelationReason(s, issues);
        checkRequestedPeriod(s, issues);
        return issues;
    }

    /**
     * @param endDerived whether {@code end} was derived from {@code start + minutesDuration}: it was
     *                   not sent, so a derived end past the supported instants is refused on
     *                   {@code minutesDuration} (a sent one never gets here: it is refused as a value)
     */
    private static void requireValid(AppointmentSchedule schedule, boolean endDerived) {
        List<ValidationIssue> issues = new ArrayList<>();
        if (endDerived && schedule.end() != null && !SupportedTimes.isSupported(schedule.end())) {
            issues.add(ValidationIssue.businessRule("minutesDuration", DERIVED_END_SUPPORTED));
        }
        issues.addAll(violations(schedule));
        if (!issues.isEmpty()) {
            throw ApiException.validation(issues);
        }
    }

    private static AppointmentSchedule deriveEnd(AppointmentSchedule s) {
        if (s.start() == null || s.minutesDuration() == null) {
            return s;
        }
        return s.withEnd(s.start().plusMinutes(s.minutesDuration()));
    }

    private static void checkTimes(AppointmentSchedule s, List<ValidationIssue> issues) {
        OffsetDateTime start = s.start();
        OffsetDateTime end = s.end();
        if (start != null && end == null) {
            issues.add(ValidationIssue.businessRule("end", END_REQUIRED));
        } else if (start == null && end != null) {
            issues.add(ValidationIssue.businessRule("start", START_REQUIRED_WITH_END));
        } else if (start == null) {
            if (!s.status().mayLackTimes()) {
                issues.add(ValidationIssue.businessRule("start", TIMES_REQUIRED));
            }
        } else if (!end.isAfter(start)) {
            issues.add(ValidationIssue.businessRule("end", END_AFTER_START));
        }
    }

    private static void checkCancelationReason(AppointmentSchedule s, List<ValidationIssue> issues) {
        boolean hasReason = s.cancelationReason() != null && !s.cancelationReason().isBlank();
        if (hasReason && !s.status().allowsCancelationReason()) {
            issues.add(ValidationIssue.businessRule("cancelationReason", REASON_NOT_ALLOWED));
        }
        if (!hasReason && s.status() == AppointmentStatus.CANCELLED) {
            issues.add(ValidationIssue.businessRule("cancelationReason", REASON_REQUIRED));
        }
    }

    private static void checkRequestedPeriod(AppointmentSchedule s, List<ValidationIssue> issues) {
        List<TimeWindow> windows = s.requestedPeriod();
        for (int i = 0; i < windows.size(); i++) {
            TimeWindow w = windows.get(i);
            if (w.start() != null && w.end() != null && !w.end().isAfter(w.start())) {
                issues.add(ValidationIssue.businessRule("requestedPeriod[" + i + "].end", END_AFTER_START));
            }
        }
    }
}
