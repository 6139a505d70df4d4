package com.clinikapi.mock.appointment;

import com.clinikapi.contract.appointment.AppointmentSchedule;
import com.clinikapi.contract.appointment.PractitionerTime;
import com.clinikapi.contract.appointment.TimeWindow;
import com.clinikapi.mock.store.AppointmentStore;
import com.clinikapi.mock.store.StoredAppointment;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * No double booking in the mock, with the contract's rule ({@link PractitionerTime}): an
 * appointment holding its practitioner's time is refused, naming the first appointment (by start)
 * already holding part of it, as the service answers. The store runs this check and the write
 * together, so concurrent requests for one slot get exactly one booking.
 */
final class PractitionerBookings implements AppointmentStore.Admission {

    @Override
    public void check(StoredAppointment candidate, Collection<StoredAppointment> samePractitioner) {
        heldWindow(candidate).ifPresent(window -> samePractitioner.stream()
                .filter(other -> !other.id().equals(candidate.id()))
                .filter(other -> Objects.equals(other.practitionerId(), candidate.practitionerId()))
                .filter(other -> heldWindow(other).map(window::overlaps).orElse(false))
                .min(Comparator.comparing(StoredAppointment::start).thenComparing(StoredAppointment::id))
                .ifPresent(conflicting -> {
                    throw PractitionerTime.conflictWith(conflicting.id());
                }));
    }

    private static Optional<TimeWindow> heldWindow(StoredAppointment appointment) {
        if (appointment.status() == null) {
            return Optional.empty();
        }
        return PractitionerTime.heldWindow(appointment.practitionerId(),
                new AppointmentSchedule(appointment.status(), appointment.start(), appointment.end(), null, null, null));
    }
}
