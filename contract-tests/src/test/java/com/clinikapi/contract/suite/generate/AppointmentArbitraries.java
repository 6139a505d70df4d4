package com.clinikapi.contract.suite.generate;

import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.appointment.TimeWindow;
import com.clinikapi.contract.suite.appointments.Fixtures;
import com.clinikapi.contract.suite.spec.SpecModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request bodies for the appointment operations, from the spec's {@code AppointmentCreate} and
 * {@code AppointmentUpdate} schemas, with the rule-judged fields generated consistently
 * ({@link #validSchedules()}) or freely ({@link #anySchedules()}).
 */
public final class AppointmentArbitraries {

    public static final String CREATE_SCHEMA = "AppointmentCreate";
    public static final String UPDATE_SCHEMA = "AppointmentUpdate";

    private AppointmentArbitraries() {
    }

    @SuppressWarnings("rawtypes")
    public static Schema createSchema() {
        return SpecModel.get().schema(CREATE_SCHEMA);
    }

    @SuppressWarnings("rawtypes")
    public static Schema updateSchema() {
        return SpecModel.get().schema(UPDATE_SCHEMA);
    }

    /** A create body valid against the schema and every business rule. */
    public static Arbitrary<ObjectNode> validCreateBodies() {
        return Combinators.combine(nonScheduleCreateFields(), validSchedules())
                .as((base, schedule) -> ownPractitioner(schedule.writeInto(((ObjectNode) base).deepCopy())));
    }

    /** A create body valid against the schema whose rule-judged fields may or may not satisfy the rules. */
    public static Arbitrary<Tuple.Tuple2<ObjectNode, GeneratedSchedule>> createBodiesWithAnySchedule() {
        return Combinators.combine(nonScheduleCreateFields(), anySchedules())
                .as((base, schedule) -> Tuple.of(ownPractitioner(schedule.writeInto(((ObjectNode) base).deepCopy())), schedule));
    }

    /**
     * A generated practitioner id may repeat (the schema allows one-character ids), and two booked
     * appointments of one practitioner must not overlap: each body gets a practitioner of its own.
     */
    private static ObjectNode ownPractitioner(ObjectNode body) {
        if (body.has("practitionerId")) {
            body.put("practitionerId", Fixtures.practitionerId());
        }
        return body;
    }

    /** Every create field the rules do not judge, valid against the schema. */
    public static Arbitrary<JsonNode> nonScheduleCreateFields() {
        return SchemaArbitraries.object(createSchema(), Map.of(), Set.copyOf(GeneratedSchedule.FIELDS));
    }

    /** Patches of the fields the rules do not judge: any non-empty subset, values valid or null. */
    public static Arbitrary<ObjectNode> validPatches() {
        return SchemaArbitraries.object(updateSchema(), Map.of(), Set.copyOf(GeneratedSchedule.FIELDS))
                .map(node -> (ObjectNode) node)
                .filter(node -> !node.isEmpty());
    }

    /** Status, times, reason and windows that satisfy every rule. */
    public static Arbitrary<GeneratedSchedule> validSchedules() {
        return statuses().flatMap(status -> {
            AppointmentStatus parsed = AppointmentStatus.fromWire(status).orElseThrow();
            Arbitrary<Boolean> timed = parsed.mayLackTimes() ? Arbitraries.of(true, false) : Arbitraries.just(true);
            Arbitrary<String> reason = switch (parsed) {
                case CANCELLED -> reasons();
                case NOSHOW -> reasons().injectNull(0.5);
                default -> Arbitraries.just(null);
            };
            return Combinators.combine(timed, SchemaArbitraries.dateTimes(), durations(), Arbitraries.of(TimesMode.values()),
                            Arbitraries.longs().between(1, 7 * 24 * 3600), reason, windows(true))
                    .as((hasTimes, start, minutes, mode, endAfter, why, windows) -> {
                        if (!hasTimes) {
                            return new GeneratedSchedule(status, null, null, mode == TimesMode.DURATION ? minutes : null, why, windows);
                        }
                        OffsetDateTime end = mode == TimesMode.DURATION ? null : start.plusSeconds(endAfter);
                        Integer duration = mode == TimesMode.END ? null : minutes;
                        return new GeneratedSchedule(status, start, end, duration, why, windows);
                    });
        });
    }

    /** Rule-judged fields combined freely; the shared rules decide whether the result is valid. */
    public static Arbitrary<GeneratedSchedule> anySchedules() {
        Arbitrary<OffsetDateTime> start = SchemaArbitraries.dateTimes().injectNull(0.3);
        Arbitrary<Long> endOffsetSeconds = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(1, 7 * 24 * 3600)),
                Tuple.of(1, Arbitraries.just(0L)),
                Tuple.of(2, Arbitraries.longs().between(-7 * 24 * 3600, -1)));
        Arbitrary<Boolean> hasEnd = Arbitraries.of(true, false);
        Arbitrary<String> reason = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just((String) null)), Tuple.of(3, reasons()), Tuple.of(1, Arbitraries.of(" ", "\t")));
        return Combinators.combine(statuses(), start, hasEnd, endOffsetSeconds, durations().injectNull(0.5), reason,
                        windows(false), SchemaArbitraries.dateTimes())
                .as((status, s, withEnd, offset, minutes, why, windows, lonelyEnd) -> {
                    OffsetDateTime end = !withEnd ? null : s == null ? lonelyEnd : s.plusSeconds(offset);
                    return new GeneratedSchedule(status, s, end, minutes, why, windows);
                });
    }

    /** The status values of the spec's enum. */
    @SuppressWarnings("rawtypes")
    public static Arbitrary<String> statuses() {
        Schema status = (Schema) createSchema().getProperties().get("status");
        return Arbitraries.of(SchemaArbitraries.enumValues(status));
    }

    @SuppressWarnings("rawtypes")
    static Arbitrary<Integer> durations() {
        return SchemaArbitraries.integers((Schema) createSchema().getProperties().get("minutesDuration"));
    }

    /** Non-blank reasons within the schema's maxLength. */
    @SuppressWarnings("rawtypes")
    static Arbitrary<String> reasons() {
        Integer max = ((Schema) createSchema().getProperties().get("cancelationReason")).getMaxLength();
        return SchemaArbitraries.text(0, max - 1).map(t -> "R" + t);
    }

    /** Up to three preferred windows; when {@code valid} is false, some may end before they start. */
    @SuppressWarnings("rawtypes")
    static Arbitrary<List<TimeWindow>> windows(boolean valid) {
        Arbitrary<Long> length = valid ? Arbitraries.longs().between(60, 12 * 3600)
                : Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.longs().between(60, 12 * 3600)),
                Tuple.of(1, Arbitraries.longs().between(-12 * 3600, 0)));
        Arbitrary<TimeWindow> window = Combinators.combine(SchemaArbitraries.dateTimes(), length)
                .as((start, seconds) -> new TimeWindow(start, start.plusSeconds(seconds)));
        return window.list().ofMaxSize(3).injectNull(0.5);
    }

    /** Which time fields a timed appointment is sent with. */
    enum TimesMode { END, DURATION, BOTH }

    /** The names of the properties of a schema, for reports. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Set<String> propertyNames(Schema schema) {
        return new HashSet<>(((Map<String, Schema>) schema.getProperties()).keySet());
    }
}
