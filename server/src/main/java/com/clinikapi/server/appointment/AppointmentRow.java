package com.clinikapi.server.appointment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An appointment as stored in table {@code appointment} (see {@code db/migration/V1__appointments.sql}).
 *
 * <p>Times are instants: whatever offset a client sent, the row keeps the instant (truncated to
 * microseconds, the precision of both H2 and PostgreSQL) and the API answers it in UTC ({@code Z}).
 * Keeping the client's offset would need a second column per time and would make equal instants
 * compare unequal in responses; the offset carries no meaning for a clinic's schedule that the
 * clinic's own time zone does not.
 *
 * @param tenantId        whose appointment it is; every query is scoped by it
 * @param mode            {@code live} or {@code test}, from the key; every query is scoped by it
 * @param version         1 on creation, +1 on every change (optimistic concurrency)
 * @param requestedPeriod the preferred windows as a JSON array text, e.g. {@code [{"start":…,"end":…}]}
 * @param startKey        {@code SortKeys.ofStart(start)}: epoch microseconds, {@code Long.MAX_VALUE} without start
 * @param createdKey      {@code SortKeys.of(created)}
 */
@MappedEntity(value = "appointment", escape = false)
public record AppointmentRow(
        @Id String id,
        String tenantId,
        String mode,
        long version,
        String status,
        String patientId,
        @Nullable String practitionerId,
        @Nullable String basedOnId,
        @Nullable Instant startAt,
        @Nullable Instant endAt,
        @Nullable Integer minutesDuration,
        Instant created,
        Instant updatedAt,
        @Nullable Integer priority,
        @Nullable String appointmentType,
        @Nullable String serviceType,
        @Nullable String serviceCategory,
        @Nullable String specialty,
        @Nullable String reasonCode,
        @Nullable String description,
        @Nullable String comment,
        @Nullable String patientInstruction,
        @Nullable String cancelationReason,
        @Nullable String requestedPeriod,
        long startKey,
        long createdKey) {

    /** The same row at another version. */
    public AppointmentRow withVersion(long newVersion) {
        return new AppointmentRow(id, tenantId, mode, newVersion, status, patientId, practitionerId, basedOnId,
                startAt, endAt, minutesDuration, created, updatedAt, priority, appointmentType, serviceType,
                serviceCategory, specialty, reasonCode, description, comment, patientInstruction, cancelationReason,
                requestedPeriod, startKey, createdKey);
    }
}
