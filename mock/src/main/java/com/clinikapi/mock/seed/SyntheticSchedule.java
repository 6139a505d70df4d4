package com.clinikapi.mock.seed;

import com.clinikapi.contract.appointment.AppointmentStatus;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans a sandbox's synthetic appointments from a seed: the requests that make them, in the order
 * they must be made, and the summary of what they make. The plan depends on the {@link SeedRequest}
 * and the spec's create schema only ({@code java.util.Random} is specified to give the same numbers
 * for the same seed on every JVM), so the same seed always plans the same appointments. All of it
 * is clearly fake: ids read {@code pat_demo_…}, {@code prac_demo_…}, texts say they are synthetic.
 *
 * <p>What it plans, all in {@value #YEAR}:
 * <ul>
 *   <li>one practitioner's working days ({@code days} of them, Monday to Friday) of back-to-back
 *       30-minute slots from 08:00 to 17:00 in Europe/Berlin, each day with an appointment booked
 *       and then cancelled whose time two slots were booked over afterwards;</li>
 *   <li>a patient's weekly evening appointment in America/New_York all year, crossing both of its
 *       daylight-saving changes (several pages of 20, for that patient and that practitioner);</li>
 *   <li>one appointment of every status of the spec's enum, in Asia/Kolkata (+05:30), the
 *       {@code waitlist} one without times;</li>
 *   <li>a few calls at odd offsets (+12:45, +05:45, -02:30);</li>
 *   <li>booked calls across each daylight-saving change of Europe/Berlin and America/New_York (from
 *       the JDK's time-zone rules): over the skipped hour, and at the same local time twice on the
 *       day the clocks go back.</li>
 * </ul>
 * Every {@code start} and every {@code created} is a distinct instant, so that searches sorted by
 * either list the appointments in the same order in every sandbox seeded alike (ties would be
 * broken by the random ids). Only the single timeless appointment shares its sort key with none.
 */
final class SyntheticSchedule {

    static final int YEAR = 2027;

    private static final ZoneId CLINIC = ZoneId.of("Europe/Berlin");
    private static final ZoneId PHYSIO = ZoneId.of("America/New_York");
    private static final ZoneId GALLERY = ZoneId.of("Asia/Kolkata");
    private static final List<ZoneId> ODD_OFFSETS = List.of(
            ZoneId.of("Pacific/Chatham"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/St_Johns"));
    private static final List<ZoneId> DAYLIGHT_SAVING = List.of(CLINIC, PHYSIO);

    private static final LocalTime OPENING = LocalTime.of(8, 0);
    private static final int SLOTS_PER_DAY = 18;
    private static final int SLOT_MINUTES = 30;
    private static final int REGULAR_VISITS = 45;
    private static final int PATIENTS = 30;

    private static final List<AppointmentStatus> DAY_STATUSES = List.of(
            AppointmentStatus.BOOKED, AppointmentStatus.BOOKED, AppointmentStatus.BOOKED, AppointmentStatus.FULFILLED,
            AppointmentStatus.FULFILLED, AppointmentStatus.ARRIVED, AppointmentStatus.CHECKED_IN,
            AppointmentStatus.NOSHOW, AppointmentStatus.PENDING);
    private static final List<String> SERVICES = List.of(
            "General consultation", "Blood test", "Vaccination", "Skin check", "Blood pressure review",
            "Diabetes review", "Travel advice");
    private static final List<String> REASONS = List.of(
            "Routine check-up", "Follow-up of earlier visit", "Persistent cough", "Annual review",
            "Prescription renewal", "Back pain");
    private static final List<String> INSTRUCTIONS = List.of(
            "Arrive 10 minutes early", "Bring your medication list", "Fast for 8 hours before the test",
            "Wear loose clothing");
    private static final List<String> CANCEL_REASONS = List.of(
            "Patient called to reschedule", "Practitioner unavailable", "Patient is unwell",
            "Booked twice by mistake");
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SeedSchema schema;
    private final SeedRequest request;
    private final Random random;
    private final String tag;
    private final List<SeedStep> steps = new ArrayList<>();
    private final Map<Integer, AppointmentStatus> finalStatus = new LinkedHashMap<>();
    private final Set<Instant> starts = new HashSet<>();
    private final Set<Instant> createdTimes = new HashSet<>();
    private final Set<String> practitioners = new TreeSet<>();
    private final Set<String> patients = new TreeSet<>();
    private final Set<String> zones = new java.util.LinkedHashSet<>();

    private SyntheticSchedule(SeedSchema schema, SeedRequest request) {
        this.schema = schema;
        this.request = request;
        this.random = new Random(request.seed());
        this.tag = "s" + request.seed();
    }

    /** The requests that seed a sandbox, and what they make. */
    static SeedPlan plan(SeedSchema schema, SeedRequest request) {
        return new SyntheticSchedule(schema, request).plan();
    }

    private SeedPlan plan() {
        LocalDate firstDay = fullDays();
        regularPatient();
        statusGallery();
        oddOffsets();
        daylightSavingChanges();
        return new SeedPlan(List.copyOf(steps), summary(firstDay));
    }

    /** The full-day practitioner's working days, from a Monday between April and August; answers the first. */
    private LocalDate fullDays() {
        String practitioner = practitioner(1);
        LocalDate firstMonday = LocalDate.of(YEAR, 1, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY))
                .plusWeeks(14 + random.nextInt(20));
        LocalDate day = firstMonday;
        for (int made = 0; made < request.days(); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            fullDay(practitioner, day);
            made++;
        }
        return firstMonday;
    }

    /**
     * Back-to-back slots; first an appointment at a quarter to the hour that is booked, then
     * cancelled, and whose time the two slots around it are then booked over.
     */
    private void fullDay(String practitioner, LocalDate day) {
        ZonedDateTime opening = day.atTime(OPENING).atZone(CLINIC);
        ZonedDateTime cancelledStart = opening.plusHours(random.nextInt(SLOTS_PER_DAY / 2 - 1)).plusMinutes(45);
        ObjectNode cancelled = appointment(AppointmentStatus.BOOKED, patient(), practitioner, "General consultation");
        times(cancelled, cancelledStart, SLOT_MINUTES, false);
        int index = create(cancelled, cancelledStart, AppointmentStatus.BOOKED);
        ObjectNode patch = NODES.objectNode().put("status", AppointmentStatus.CANCELLED.wire());
        text(patch, "cancelationReason", synthetic(pick(CANCEL_REASONS)));
        steps.add(new SeedStep.Update(index, patch));
        finalStatus.put(index, AppointmentStatus.CANCELLED);

        for (int slot = 0; slot < SLOTS_PER_DAY; slot++) {
            ZonedDateTime start = opening.plusMinutes((long) slot * SLOT_MINUTES);
            AppointmentStatus status = known(pick(DAY_STATUSES));
            ObjectNode body = appointment(status, patient(), practitioner, pick(SERVICES));
            times(body, start, SLOT_MINUTES, slot % 2 == 0);
            create(body, start, status);
        }
    }

    /** A weekly evening appointment all year: its UTC time moves with New York's clocks. */
    private void regularPatient() {
        String practitioner = practitioner(2);
        String patient = regularPatientId();
        ZonedDateTime first = LocalDate.of(YEAR, 1, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.WEDNESDAY))
                .atTime(17, 10).atZone(PHYSIO);
        for (int visit = 0; visit < REGULAR_VISITS; visit++) {
            ZonedDateTime start = first.plusWeeks(visit);
            AppointmentStatus status = visit < REGULAR_VISITS * 2 / 3 ? pastVisit() : AppointmentStatus.BOOKED;
            ObjectNode body = appointment(known(status), patient, practitioner, "Physiotherapy session");
            text(body, "appointmentType", "followup");
            text(body, "specialty", "Physiotherapy");
            text(body, "serviceCategory", "Rehabilitation");
            times(body, start, 40, false);
            create(body, start, known(status));
        }
    }

    private AppointmentStatus pastVisit() {
        int draw = random.nextInt(10);
        return draw == 0 ? AppointmentStatus.NOSHOW : draw == 1 ? AppointmentStatus.CANCELLED : AppointmentStatus.FULFILLED;
    }

    /** One appointment of every status the spec's enum lists, an hour apart; a waitlist entry has no times. */
    private void statusGallery() {
        String practitioner = practitioner(3);
        LocalDate friday = LocalDate.of(YEAR, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.FRIDAY))
                .plusWeeks(random.nextInt(8));
        ZonedDateTime start = friday.atTime(9, 20).atZone(GALLERY);
        for (AppointmentStatus status : schema.statuses()) {
            ObjectNode body = appointment(status, patient(), practitioner, pick(SERVICES));
            if (status == AppointmentStatus.PROPOSED || status == AppointmentStatus.WAITLIST) {
                requestedPeriod(body, friday.plusDays(3));
            }
            if (status == AppointmentStatus.WAITLIST) {
                created(body, friday.minusDays(20).atTime(11, 0).atZone(GALLERY));
                steps.add(new SeedStep.Create(body));
                finalStatus.put(steps.size() - 1, status);
            } else {
                times(body, start, 40, true);
                create(body, start, status);
            }
            start = start.plusHours(1);
        }
    }

    /** Calls at offsets that are not whole hours, on a Saturday an hour apart. */
    private void oddOffsets() {
        String practitioner = practitioner(3);
        LocalDate saturday = LocalDate.of(YEAR, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.FRIDAY))
                .plusWeeks(8).plusDays(1);
        for (int i = 0; i < ODD_OFFSETS.size(); i++) {
            ZonedDateTime start = saturday.atTime(9 + i, 5 * (i + 1)).atZone(ODD_OFFSETS.get(i));
            ObjectNode body = appointment(known(AppointmentStatus.BOOKED), patient(), practitioner, "Telehealth call");
            times(body, start, 20, i % 2 == 0);
            create(body, start, known(AppointmentStatus.BOOKED));
        }
    }

    /**
     * Across each change of the clocks: a call over the skipped hour (its end sent in the new offset)
     * followed back to back by another, and on the day the clocks go back two calls at the same local
     * time, one in each offset.
     */
    private void daylightSavingChanges() {
        int practitionerNumber = 4;
        for (ZoneId zone : DAYLIGHT_SAVING) {
            String practitioner = practitioner(practitionerNumber++);
            ZoneOffsetTransition transition = zone.getRules().nextTransition(
                    LocalDate.of(YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
            while (transition != null && transition.getInstant().atOffset(ZoneOffset.UTC).getYear() == YEAR) {
                if (transition.isGap()) {
                    overSkippedHour(zone, practitioner, transition);
                } else {
                    sameLocalTimeTwice(zone, practitioner, transition);
                }
                transition = zone.getRules().nextTransition(transition.getInstant());
            }
        }
    }

    private void overSkippedHour(ZoneId zone, String practitioner, ZoneOffsetTransition transition) {
        ZonedDateTime start = ZonedDateTime.ofStrict(transition.getDateTimeBefore().minusMinutes(25),
                transition.getOffsetBefore(), zone);
        ZonedDateTime end = start.plusMinutes(60);
        ObjectNode over = outOfHours(practitioner);
        put(over, "start", start);
        put(over, "end", end);
        create(over, start, known(AppointmentStatus.BOOKED));
        ObjectNode after = outOfHours(practitioner);
        times(after, end, 30, false);
        create(after, end, known(AppointmentStatus.BOOKED));
    }

    private void sameLocalTimeTwice(ZoneId zone, String practitioner, ZoneOffsetTransition transition) {
        LocalDateTime repeated = transition.getDateTimeAfter().plusMinutes(35);
        for (ZoneOffset offset : List.of(transition.getOffsetBefore(), transition.getOffsetAfter())) {
            ZonedDateTime start = ZonedDateTime.ofStrict(repeated, offset, zone);
            ObjectNode body = outOfHours(practitioner);
            times(body, start, 30, false);
            create(body, start, known(AppointmentStatus.BOOKED));
        }
    }

    private ObjectNode outOfHours(String practitioner) {
        ObjectNode body = appointment(known(AppointmentStatus.BOOKED), patient(), practitioner, "Out-of-hours telehealth call");
        text(body, "appointmentType", "urgent");
        return body;
    }

    /** A create body with the fields every seeded appointment has, as far as the schema has them. */
    private ObjectNode appointment(AppointmentStatus status, String patientId, String practitionerId, String service) {
        ObjectNode body = NODES.objectNode().put("status", status.wire()).put("patientId", patientId);
        patients.add(patientId);
        if (schema.has("practitionerId")) {
            body.put("practitionerId", practitionerId);
            practitioners.add(practitionerId);
        }
        text(body, "appointmentType", pick(List.of("routine", "routine", "followup", "walkin")));
        text(body, "serviceType", synthetic(service));
        text(body, "specialty", "General practice");
        text(body, "serviceCategory", "Primary care");
        text(body, "reasonCode", synthetic(pick(REASONS)));
        text(body, "description", "Synthetic demo appointment generated by the ClinikAPI mock from seed "
                + request.seed() + "; not real patient data");
        text(body, "comment", "SYNTHETIC DATA - for integration testing only");
        if (random.nextInt(3) == 0) {
            text(body, "patientInstruction", synthetic(pick(INSTRUCTIONS)));
        }
        if (schema.has("priority")) {
            body.put("priority", schema.bounded("priority", random.nextInt(5) == 0 ? 1 + random.nextInt(9) : 0));
        }
        if (schema.has("basedOnId") && random.nextInt(3) == 0) {
            body.put("basedOnId", "sr_demo_" + tag + "_" + String.format("%03d", 1 + random.nextInt(99)));
        }
        if (status.allowsCancelationReason()) {
            text(body, "cancelationReason", synthetic(status == AppointmentStatus.NOSHOW
                    ? "Patient did not attend" : pick(CANCEL_REASONS)));
        }
        return body;
    }

    /** {@code start}, and its end as {@code end} or as {@code minutesDuration} (the rules derive {@code end}). */
    private void times(ObjectNode body, ZonedDateTime start, int minutes, boolean sendEnd) {
        put(body, "start", start);
        if (sendEnd) {
            put(body, "end", start.plusMinutes(minutes));
        } else if (schema.has("minutesDuration")) {
            body.put("minutesDuration", schema.bounded("minutesDuration", minutes));
        }
    }

    /** Two windows the patient would prefer, in the appointment's zone. */
    private void requestedPeriod(ObjectNode body, LocalDate from) {
        if (!schema.has("requestedPeriod")) {
            return;
        }
        var windows = body.putArray("requestedPeriod");
        for (int i = 0; i < 2; i++) {
            ZonedDateTime start = from.plusDays(i).atTime(9 + 5 * i, 0).atZone(GALLERY);
            windows.addObject()
                    .put("start", WIRE.format(start.toOffsetDateTime()))
                    .put("end", WIRE.format(start.plusHours(3).toOffsetDateTime()));
        }
    }

    /** Adds the create step, with a {@code created} days before its start; answers the step's index. */
    private int create(ObjectNode body, ZonedDateTime start, AppointmentStatus status) {
        if (!starts.add(start.toInstant())) {
            throw new IllegalStateException("two seeded appointments start at the same instant");
        }
        created(body, start.minusDays(1 + random.nextInt(60)).minusSeconds(random.nextInt(36_000)));
        steps.add(new SeedStep.Create(body));
        finalStatus.put(steps.size() - 1, status);
        return steps.size() - 1;
    }

    /** {@code created} at this time, or the first second after it that no other seeded appointment has. */
    private void created(ObjectNode body, ZonedDateTime when) {
        ZonedDateTime unique = when;
        while (!createdTimes.add(unique.toInstant())) {
            unique = unique.plusSeconds(1);
        }
        put(body, "created", unique);
    }

    private void put(ObjectNode body, String field, ZonedDateTime time) {
        if (schema.has(field)) {
            OffsetDateTime sent = time.toOffsetDateTime();
            body.put(field, WIRE.format(sent));
            zones.add(time.getZone().getId());
        }
    }

    private void text(ObjectNode body, String field, String value) {
        if (schema.has(field)) {
            body.put(field, schema.text(field, value));
        }
    }

    /** The status if the spec's enum has it, else the enum's first (the plan stays valid either way). */
    private AppointmentStatus known(AppointmentStatus status) {
        List<AppointmentStatus> statuses = schema.statuses();
        return statuses.contains(status) ? status : statuses.get(0);
    }

    private String practitioner(int number) {
        return "prac_demo_" + tag + "_" + String.format("%02d", number);
    }

    private String regularPatientId() {
        return "pat_demo_" + tag + "_001";
    }

    /** Any patient but the regular one. */
    private String patient() {
        return "pat_demo_" + tag + "_" + String.format("%03d", 2 + random.nextInt(PATIENTS - 1));
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String synthetic(String text) {
        return "Synthetic: " + text;
    }

    private SeedSummary summary(LocalDate firstDay) {
        Map<AppointmentStatus, Integer> counts = new EnumMap<>(AppointmentStatus.class);
        finalStatus.values().forEach(status -> counts.merge(status, 1, Integer::sum));
        Map<String, Integer> statuses = new LinkedHashMap<>();
        schema.statuses().forEach(status -> statuses.put(status.wire(), counts.getOrDefault(status, 0)));
        Instant earliest = starts.stream().min(Instant::compareTo).orElseThrow();
        Instant latest = starts.stream().max(Instant::compareTo).orElseThrow();
        return new SeedSummary(request.seed(), request.days(), finalStatus.size(), statuses,
                List.copyOf(practitioners), List.copyOf(patients),
                LocalDate.ofInstant(earliest, ZoneOffset.UTC), LocalDate.ofInstant(latest, ZoneOffset.UTC),
                new SeedSummary.FullDay(practitioner(1), firstDay, CLINIC.getId(), SLOTS_PER_DAY),
                regularPatientId(), List.copyOf(zones));
    }
}
