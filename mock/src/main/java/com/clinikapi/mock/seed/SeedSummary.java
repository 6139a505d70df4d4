package com.clinikapi.mock.seed;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a seed put in a sandbox, so that a partner knows what to search for. Every value follows from
 * the {@link SeedRequest} alone: the same seed gives the same summary.
 *
 * @param appointments     how many appointments the sandbox holds after seeding
 * @param statuses         how many of them have each status (the wire value), in the spec's order
 * @param practitionerIds  the practitioners seeded
 * @param patientIds       the patients seeded
 * @param dateFrom         the UTC day of the earliest {@code start}; with {@code dateTo}, a search range
 *                         that finds every appointment that has a start
 * @param dateTo           the UTC day of the latest {@code start}
 * @param fullDay          the practitioner's working day of back-to-back slots (the first of {@code days})
 * @param regularPatientId a patient with a weekly appointment all year, several pages of them
 * @param timeZones        the zones whose local times (and offsets) the starts were sent in
 */
public record SeedSummary(long seed, int days, int appointments, Map<String, Integer> statuses,
                          List<String> practitionerIds, List<String> patientIds, LocalDate dateFrom,
                          LocalDate dateTo, FullDay fullDay, String regularPatientId, List<String> timeZones) {

    /**
     * @param date     the day, in {@code timeZone}
     * @param slots    back-to-back slots from opening to closing; besides them the day has a cancelled
     *                 appointment whose time two of the slots were booked over
     */
    public record FullDay(String practitionerId, LocalDate date, String timeZone, int slots) {
    }

    public SeedSummary {
        statuses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(statuses));
        practitionerIds = List.copyOf(practitionerIds);
        patientIds = List.copyOf(patientIds);
        timeZones = List.copyOf(timeZones);
    }

    /** The summary as {@code POST /__sandbox/seed} answers it. */
    public ObjectNode toJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode json = nodes.objectNode()
                .put("seed", seed)
                .put("days", days)
                .put("appointments", appointments);
        ObjectNode byStatus = json.putObject("statuses");
        statuses.forEach(byStatus::put);
        practitionerIds.forEach(json.putArray("practitionerIds")::add);
        patientIds.forEach(json.putArray("patientIds")::add);
        json.put("dateFrom", dateFrom.toString()).put("dateTo", dateTo.toString());
        json.putObject("fullDay")
                .put("practitionerId", fullDay.practitionerId())
                .put("date", fullDay.date().toString())
                .put("timeZone", fullDay.timeZone())
                .put("slots", fullDay.slots());
        json.put("regularPatientId", regularPatientId);
        timeZones.forEach(json.putArray("timeZones")::add);
        return json;
    }
}
