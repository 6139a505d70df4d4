package com.clinikapi.contract.appointment;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.ValidationIssue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.clinikapi.contract.appointment.AppointmentStatus.ARRIVED;
import static com.clinikapi.contract.appointment.AppointmentStatus.BOOKED;
import static com.clinikapi.contract.appointment.AppointmentStatus.CANCELLED;
import static com.clinikapi.contract.appointment.AppointmentStatus.CHECKED_IN;
import static com.clinikapi.contract.appointment.AppointmentStatus.FULFILLED;
import static com.clinikapi.contract.appointment.AppointmentStatus.NOSHOW;
import static com.clinikapi.contract.appointment.AppointmentStatus.PENDING;
import static com.clinikapi.contract.appointment.AppointmentStatus.PROPOSED;
import static com.clinikapi.contract.appointment.AppointmentStatus.WAITLIST;

/**
 * The appointment lifecycle: which status may follow which. Outcomes ({@code fulfilled},
 * {@code cancelled}, {@code noshow}) are final; keeping the same status is always allowed. The
 * spec's description of the {@code status} field states the same table (the spec gate checks they
 * agree). Server and mock refuse any other change with {@link #requireAllowed}.
 */
public final class StatusTransitions {

    private static final Map<AppointmentStatus, Set<AppointmentStatus>> NEXT = new EnumMap<>(AppointmentStatus.class);

    static {
        NEXT.put(PROPOSED, EnumSet.of(PENDING, BOOKED, WAITLIST, CANCELLED));
        NEXT.put(PENDING, EnumSet.of(PROPOSED, BOOKED, WAITLIST, CANCELLED));
        NEXT.put(WAITLIST, EnumSet.of(PROPOSED, PENDING, BOOKED, CANCELLED));
        NEXT.put(BOOKED, EnumSet.of(PENDING, ARRIVED, CHECKED_IN, FULFILLED, CANCELLED, NOSHOW));
        NEXT.put(ARRIVED, EnumSet.of(CHECKED_IN, FULFILLED, CANCELLED));
        NEXT.put(CHECKED_IN, EnumSet.of(ARRIVED, FULFILLED, CANCELLED));
        NEXT.put(FULFILLED, EnumSet.noneOf(AppointmentStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(AppointmentStatus.class));
        NEXT.put(NOSHOW, EnumSet.noneOf(AppointmentStatus.class));
    }

    private StatusTransitions() {
    }

    public static boolean isAllowed(AppointmentStatus from, AppointmentStatus to) {
        return from == to || NEXT.get(from).contains(to);
    }

    /**
     * @throws ApiException 409 {@code INVALID_STATUS_TRANSITION}, its issue on {@code status}, when
     *                      {@code to} may not follow {@code from}
     */
    public static void requireAllowed(AppointmentStatus from, AppointmentStatus to) {
        if (!isAllowed(from, to)) {
            String rule = NEXT.get(from).isEmpty()
                    ? "may not change from " + from.wire() + ", which is final"
                    : "may not change from " + from.wire() + " to " + to.wire();
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION,
                    List.of(ValidationIssue.businessRule("status", rule)));
        }
    }

    /** The statuses that may follow {@code from}, itself excluded. */
    public static Set<AppointmentStatus> next(AppointmentStatus from) {
        return Set.copyOf(NEXT.get(from));
    }
}
