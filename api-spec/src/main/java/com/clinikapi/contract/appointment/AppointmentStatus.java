package com.clinikapi.contract.appointment;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** FHIR R4 appointment status, with the facts about each status that the business rules need. */
public enum AppointmentStatus {
    PROPOSED("proposed"),
    PENDING("pending"),
    BOOKED("booked"),
    ARRIVED("arrived"),
    FULFILLED("fulfilled"),
    CANCELLED("cancelled"),
    NOSHOW("noshow"),
    CHECKED_IN("checked-in"),
    WAITLIST("waitlist");

    private static final Map<String, AppointmentStatus> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AppointmentStatus::wire, Function.identity()));

    private final String wire;

    AppointmentStatus(String wire) {
        this.wire = wire;
    }

    /** The value on the wire, e.g. {@code checked-in}. */
    public String wire() {
        return wire;
    }

    public static Optional<AppointmentStatus> fromWire(String value) {
        return Optional.ofNullable(value == null ? null : BY_WIRE.get(value));
    }

    /** FHIR invariant app-3: only these may have no start and end. */
    public boolean mayLackTimes() {
        return this == PROPOSED || this == CANCELLED || this == WAITLIST;
    }

    /**
     * Whether an appointment in this status occupies its practitioner's time, so that two such
     * appointments of one practitioner must not overlap.
     */
    public boolean holdsPractitionerTime() {
        return this == BOOKED || this == ARRIVED || this == CHECKED_IN;
    }

    /** FHIR invariant app-4: a cancelation reason belongs only to these. */
    public boolean allowsCancelationReason() {
        return this == CANCELLED || this == NOSHOW;
    }
}
