package com.clinikapi.server.appointment;

import com.clinikapi.contract.appointment.AppointmentSchedule;
import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.appointment.TimeWindow;
import com.clinikapi.contract.search.SortKeys;
import com.clinikapi.server.generated.model.Appointment;
import com.clinikapi.server.generated.model.AppointmentCreate;
import com.clinikapi.server.generated.model.AppointmentUpdate;
import com.clinikapi.server.generated.model.Period;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Converts between the generated API models, the stored {@link AppointmentRow} and the
 * {@link AppointmentSchedule} the shared rules judge. Incoming times become instants truncated to
 * microseconds; outgoing times are UTC.
 */
@Singleton
public class AppointmentMapper {

    private static final Argument<List<StoredWindow>> WINDOWS = Argument.listOf(StoredWindow.class);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final JsonMapper json;

    public AppointmentMapper(JsonMapper json) {
        this.json = json;
    }

    /** What the rules need to judge a new appointment. */
    public AppointmentSchedule schedule(AppointmentCreate create) {
        List<TimeWindow> windows = create.getRequestedPeriod() == null ? List.of()
                : create.getRequestedPeriod().stream().map(p -> new TimeWindow(utc(p.getStart()), utc(p.getEnd()))).toList();
        return new AppointmentSchedule(status(create.getStatus()), utc(create.getStart()), utc(create.getEnd()),
                create.getMinutesDuration(), create.getCancelationReason(), windows);
    }

    /** What the rules need to judge a stored (or merged) appointment. */
    public AppointmentSchedule schedule(AppointmentRow row) {
        return new AppointmentSchedule(AppointmentStatus.fromWire(row.status()).orElseThrow(), utc(row.startAt()),
                utc(row.endAt()), row.minutesDuration(), row.cancelationReason(), windows(row.requestedPeriod()));
    }

    /** The row of a new appointment whose schedule passed the rules (with its derived end). */
    public AppointmentRow newRow(String id, Owner owner, AppointmentCreate create, AppointmentSchedule schedule,
                                 Instant now) {
        Instant created = create.getCreated() == null ? now : instant(create.getCreated());
        return new AppointmentRow(id, owner.tenantId(), owner.mode(), 1L, schedule.status().wire(),
                create.getPatientId(), create.getPractitionerId(), create.getBasedOnId(),
                instant(schedule.start()), instant(schedule.end()), create.getMinutesDuration(), created, now,
                create.getPriority(), create.getAppointmentType(), create.getServiceType(),
                create.getServiceCategory(), create.getSpecialty(), create.getReasonCode(), create.getDescription(),
                create.getComment(), create.getPatientInstruction(), create.getCancelationReason(),
                windowsJson(schedule.requestedPeriod()), SortKeys.ofStart(schedule.start()),
                SortKeys.of(utc(created)));
    }

    /**
     * The stored row with the patch applied: each field named in {@code patched} takes the patch's
     * value ({@code null} clears it), every other field keeps its stored value.
     */
    public AppointmentRow merge(AppointmentRow stored, AppointmentUpdate patch, Set<String> patched) {
        Patch p = new Patch(patched);
        return new AppointmentRow(stored.id(), stored.tenantId(), stored.mode(), stored.version(),
                p.pick("status", patch.getStatus() == null ? null : patch.getStatus().getValue(), stored.status()),
                stored.patientId(), stored.practitionerId(), stored.basedOnId(),
                p.pick("start", instant(patch.getStart()), stored.startAt()),
                p.pick("end", instant(patch.getEnd()), stored.endAt()),
                p.pick("minutesDuration", patch.getMinutesDuration(), stored.minutesDuration()),
                stored.created(), stored.updatedAt(),
                p.pick("priority", patch.getPriority(), stored.priority()),
                p.pick("appointmentType", patch.getAppointmentType(), stored.appointmentType()),
                p.pick("serviceType", patch.getServiceType(), stored.serviceType()),
                stored.serviceCategory(),
                p.pick("specialty", patch.getSpecialty(), stored.specialty()),
                p.pick("reasonCode", patch.getReasonCode(), stored.reasonCode()),
                p.pick("description", patch.getDescription(), stored.description()),
                p.pick("comment", patch.getComment(), stored.comment()),
                p.pick("patientInstruction", patch.getPatientInstruction(), stored.patientInstruction()),
                p.pick("cancelationReason", patch.getCancelationReason(), stored.cancelationReason()),
                stored.requestedPeriod(), stored.startKey(), stored.createdKey());
    }

    /** The merged row with the schedule the rules returned (a derived end), its sort key and change time. */
    public AppointmentRow withSchedule(AppointmentRow row, AppointmentSchedule schedule, Instant now) {
        return new AppointmentRow(row.id(), row.tenantId(), row.mode(), row.version(), row.status(),
                row.patientId(), row.practitionerId(), row.basedOnId(), instant(schedule.start()),
                instant(schedule.end()), row.minutesDuration(), row.created(), now, row.priority(),
                row.appointmentType(), row.serviceType(), row.serviceCategory(), row.specialty(), row.reasonCode(),
                row.description(), row.comment(), row.patientInstruction(), row.cancelationReason(),
                row.requestedPeriod(), SortKeys.ofStart(schedule.start()), row.createdKey());
    }

    /** The API's view of a stored appointment. */
    public Appointment toApi(AppointmentRow row) {
        Appointment api = new Appointment(row.id(), status(row.status()), row.patientId(), utc(row.created()),
                utc(row.updatedAt()), row.version());
        api.setPractitionerId(row.practitionerId());
        api.setBasedOnId(row.basedOnId());
        api.setStart(utc(row.startAt()));
        api.setEnd(utc(row.endAt()));
        api.setMinutesDuration(row.minutesDuration());
        api.setPriority(row.priority());
        api.setAppointmentType(row.appointmentType());
        api.setServiceType(row.serviceType());
        api.setServiceCategory(row.serviceCategory());
        api.setSpecialty(row.specialty());
        api.setReasonCode(row.reasonCode());
        api.setDescription(row.description());
        api.setComment(row.comment());
        api.setPatientInstruction(row.patientInstruction());
        api.setCancelationReason(row.cancelationReason());
        List<TimeWindow> windows = windows(row.requestedPeriod());
        if (!windows.isEmpty()) {
            api.setRequestedPeriod(windows.stream().map(w -> new Period(w.start(), w.end())).toList());
        }
        return api;
    }

    /** The contract's status for the API model's. */
    static AppointmentStatus status(com.clinikapi.server.generated.model.AppointmentStatus api) {
        return AppointmentStatus.fromWire(api.getValue()).orElseThrow();
    }

    private static com.clinikapi.server.generated.model.AppointmentStatus status(String wire) {
        return com.clinikapi.server.generated.model.AppointmentStatus.fromValue(wire);
    }

    private List<TimeWindow> windows(@Nullable String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readValue(stored, WINDOWS).stream()
                    .map(w -> new TimeWindow(OffsetDateTime.parse(w.start()), OffsetDateTime.parse(w.end())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nullable
    private String windowsJson(List<TimeWindow> windows) {
        if (windows.isEmpty()) {
            return null;
        }
        List<StoredWindow> stored = windows.stream()
                .map(w -> new StoredWindow(ISO.format(utc(w.start())), ISO.format(utc(w.end()))))
                .toList();
        try {
            return json.writeValueAsString(WINDOWS, stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nullable
    static Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant().truncatedTo(ChronoUnit.MICROS);
    }

    @Nullable
    static OffsetDateTime utc(@Nullable OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    @Nullable
    static OffsetDateTime utc(@Nullable Instant time) {
        return time == null ? null : time.atOffset(ZoneOffset.UTC);
    }

    /** Which fields a patch names: those take the patch's value, even null. */
    private record Patch(Set<String> fields) {
        <T> T pick(String field, T patched, T stored) {
            return fields.contains(field) ? patched : stored;
        }
    }
}
