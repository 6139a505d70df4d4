package com.clinikapi.contract.search;

import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.appointment.SupportedTimes;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ValidationIssue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The filters of a search. {@code dateFrom}/{@code dateTo} are whole UTC days bounding {@code start},
 * both inclusive; {@link #startFromInclusive()} and {@link #startToExclusive()} give the instants.
 * A day outside {@link SupportedTimes} is refused here too, whoever parsed it.
 */
public record SearchFilter(
        String patientId,
        String practitionerId,
        AppointmentStatus status,
        LocalDate dateFrom,
        LocalDate dateTo) {

    public SearchFilter {
        SupportedTimes.requireSupported("dateFrom", dateFrom);
        SupportedTimes.requireSupported("dateTo", dateTo);
        if (dateFrom != null && dateTo != null && dateTo.isBefore(dateFrom)) {
            throw ApiException.invalidParameter(ValidationIssue.value("dateTo", "must not be before dateFrom"));
        }
    }

    public OffsetDateTime startFromInclusive() {
        return dateFrom == null ? null : dateFrom.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    public OffsetDateTime startToExclusive() {
        return dateTo == null ? null : dateTo.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** Whether the filters restrict by date, which excludes appointments without a start. */
    public boolean hasDateRange() {
        return dateFrom != null || dateTo != null;
    }
}
