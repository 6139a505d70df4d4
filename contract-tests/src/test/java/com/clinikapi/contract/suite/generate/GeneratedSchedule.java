package com.clinikapi.contract.suite.generate;

import com.clinikapi.contract.appointment.AppointmentSchedule;
import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.appointment.TimeWindow;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The fields of a create body that the business rules judge: status, times, cancelation reason and
 * preferred windows. Generated together so that a body is either consistent on purpose or broken on
 * purpose, and mapped to the shared rules' {@link AppointmentSchedule} to know which.
 */
public record GeneratedSchedule(
        String status,
        OffsetDateTime start,
        OffsetDateTime end,
        Integer minutesDuration,
        String cancelationReason,
        List<TimeWindow> requestedPeriod) {

    public static final List<String> FIELDS =
            List.of("status", "start", "end", "minutesDuration", "cancelationReason", "requestedPeriod");

    /** Writes the fields into a body (absent ones are left out). */
    public ObjectNode writeInto(ObjectNode body) {
        body.put("status", status);
        if (start != null) {
            body.put("start", SchemaArbitraries.format(start));
        }
        if (end != null) {
            body.put("end", SchemaArbitraries.format(end));
        }
        if (minutesDuration != null) {
            body.put("minutesDuration", minutesDuration);
        }
        if (cancelationReason != null) {
            body.put("cancelationReason", cancelationReason);
        }
        if (requestedPeriod != null) {
            ArrayNode windows = body.putArray("requestedPeriod");
            requestedPeriod.forEach(w -> windows.addObject()
                    .put("start", SchemaArbitraries.format(w.start()))
                    .put("end", SchemaArbitraries.format(w.end())));
        }
        return body;
    }

    /** As the shared rules see it. */
    public AppointmentSchedule toRules() {
        return new AppointmentSchedule(AppointmentStatus.fromWire(status).orElseThrow(), start, end, minutesDuration,
                cancelationReason, requestedPeriod);
    }
}
