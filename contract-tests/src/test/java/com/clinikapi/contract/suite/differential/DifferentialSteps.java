package com.clinikapi.contract.suite.differential;

import com.clinikapi.contract.ApiMediaTypes;
import com.clinikapi.contract.suite.appointments.Appointments;
import com.clinikapi.contract.suite.generate.AppointmentArbitraries;
import com.clinikapi.contract.suite.generate.ConstraintBreak;
import com.clinikapi.contract.suite.generate.ConstraintBreaks;
import com.clinikapi.contract.suite.generate.GeneratedSchedule;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.KeyRole;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request sequences a partner integration could send: creates (valid, rule-judged, broken), reads,
 * patches (valid, scheduling, broken), deletes, searches and next pages, auth and media-type
 * mistakes. Every body and search uses the sequence's own patient ({@link #PATIENT}), replaced by a
 * fresh id when the sequence runs, so both targets see the same data.
 */
final class DifferentialSteps {

    /** Stands for the sequence's patient id in bodies and queries. */
    static final String PATIENT = "pat_differential_sequence";

    private DifferentialSteps() {
    }

    static Arbitrary<List<Step>> sequences() {
        return step().list().ofMinSize(1).ofMaxSize(12);
    }

    @SuppressWarnings("unchecked")
    static Arbitrary<Step> step() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, validCreates()),
                Tuple.of(2, scheduleCreates()),
                Tuple.of(2, brokenCreates()),
                Tuple.of(3, reads()),
                Tuple.of(3, validPatches()),
                Tuple.of(2, schedulePatches()),
                Tuple.of(2, brokenPatches()),
                Tuple.of(1, deletes()),
                Tuple.of(3, searches()),
                Tuple.of(1, brokenSearches()),
                Tuple.of(1, authMistakes()),
                Tuple.of(1, mediaTypeMistakes()));
    }

    private static Arbitrary<Step> validCreates() {
        return AppointmentArbitraries.validCreateBodies().map(b -> create("create valid", withPatient(b)));
    }

    private static Arbitrary<Step> scheduleCreates() {
        return AppointmentArbitraries.createBodiesWithAnySchedule().map(t -> create("create any schedule", withPatient(t.get1())));
    }

    private static Arbitrary<Step> brokenCreates() {
        List<ConstraintBreak> breaks = ConstraintBreaks.of(AppointmentArbitraries.createSchema());
        JsonNode window = Json.object("start", "2031-03-11T08:00:00Z", "end", "2031-03-11T09:00:00Z");
        return Arbitraries.of(breaks).flatMap(b -> Combinators.combine(AppointmentArbitraries.validCreateBodies(), b.value())
                .as((body, value) -> create("create breaking " + b, b.applyTo(withPatient(body), value, window))));
    }

    /** Reads, and now and then their HEAD (HTTP's GET without the body), which both must serve alike. */
    private static Arbitrary<Step> reads() {
        return Combinators.combine(Arbitraries.integers().between(0, 20),
                        Arbitraries.of(Step.REF, Step.REF, Step.UNKNOWN, "bad$id", "a".repeat(129)),
                        Arbitraries.of(ApiMediaTypes.JSON, ApiMediaTypes.FHIR_JSON),
                        Arbitraries.of("GET", "GET", "GET", "HEAD"))
                .as((ref, id, accept, method) -> new Step(method.equals("GET") ? "read" : "read head", method,
                        Appointments.path(id), ref, Map.of(), Optional.of(KeyRole.PRIMARY), Optional.empty(), null,
                        accept, null));
    }

    private static Arbitrary<Step> validPatches() {
        return Combinators.combine(Arbitraries.integers().between(0, 20), AppointmentArbitraries.validPatches(),
                        Arbitraries.of(ApiMediaTypes.UPDATE_BODY.stream().sorted().toList()))
                .as((ref, patch, type) -> patch("patch valid", ref, patch, type));
    }

    private static Arbitrary<Step> schedulePatches() {
        // some of the rule-judged fields, as a partner reschedules or cancels
        Arbitrary<ObjectNode> patch = Combinators.combine(AppointmentArbitraries.anySchedules(),
                        Arbitraries.subsetOf(GeneratedSchedule.FIELDS).ofMinSize(1))
                .as((schedule, fields) -> {
                    ObjectNode full = schedule.writeInto(Json.object());
                    ObjectNode partial = Json.object();
                    fields.forEach(f -> partial.set(f, full.has(f) ? full.get(f) : Json.MAPPER.nullNode()));
                    return partial;
                });
        return Combinators.combine(Arbitraries.integers().between(0, 20), patch)
                .as((ref, p) -> patch("patch schedule", ref, p, ApiMediaTypes.JSON));
    }

    private static Arbitrary<Step> brokenPatches() {
        List<ConstraintBreak> breaks = ConstraintBreaks.of(AppointmentArbitraries.updateSchema());
        ObjectNode base = Json.object("comment", "Changed by the differential check");
        return Arbitraries.of(breaks).flatMap(b -> Combinators.combine(Arbitraries.integers().between(0, 20), b.value())
                .as((ref, value) -> patch("patch breaking " + b, ref, b.applyTo(base, value, Json.object()), ApiMediaTypes.JSON)));
    }

    private static Arbitrary<Step> deletes() {
        return Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.of(Step.REF, Step.REF, Step.UNKNOWN))
                .as((ref, id) -> new Step("delete", "DELETE", Appointments.path(id), ref, Map.of(),
                        Optional.of(KeyRole.PRIMARY), Optional.empty(), null, ApiMediaTypes.JSON, null));
    }

    private static Arbitrary<Step> searches() {
        Arbitrary<Optional<String>> status = AppointmentArbitraries.statuses().optional(0.3);
        Arbitrary<Optional<String>> from = Arbitraries.integers().between(-3, 3)
                .map(d -> java.time.LocalDate.of(2031, 3, 10).plusDays(d).toString()).optional(0.3);
        Arbitrary<Optional<String>> sort = Arbitraries.of("start", "-start", "created", "-created").optional(0.6);
        // pages large enough for a whole sequence: appointments that tie on the sort key are ordered by
        // their random ids, so a page boundary inside a tie would differ legitimately (paging itself is
        // checked exactly, per target, by GeneratedSearchIT and PaginationIT)
        Arbitrary<Optional<Integer>> count = Arbitraries.integers().between(13, 100).optional(0.5);
        return Combinators.combine(status, from, sort, count).as((s, f, o, c) -> {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("patientId", PATIENT);
            s.ifPresent(v -> query.put("status", v));
            f.ifPresent(v -> query.put("dateFrom", v));
            o.ifPresent(v -> query.put("sort", v));
            c.ifPresent(v -> query.put("count", String.valueOf(v)));
            return new Step("search", "GET", Appointments.COLLECTION, 0, query, Optional.of(KeyRole.PRIMARY),
                    Optional.empty(), null, ApiMediaTypes.JSON, null);
        });
    }

    /** The page after the last search's, with the same filters and its cursor. */
    static Step nextPage() {
        return new Step("next page", "GET", Appointments.COLLECTION, 0, Map.of("cursor", Step.CURSOR),
                Optional.of(KeyRole.PRIMARY), Optional.empty(), null, ApiMediaTypes.JSON, null);
    }

    private static Arbitrary<Step> brokenSearches() {
        return Arbitraries.of(
                        Map.of("count", "0"), Map.of("count", "101"), Map.of("count", "x"), Map.of("sort", "name"),
                        Map.of("status", "done"), Map.of("dateFrom", "2031-13-01"), Map.of("cursor", "not-issued"),
                        Map.of("dateFrom", "2031-03-10", "dateTo", "2031-03-01"), Map.of("patientId", "bad id"))
                .map(q -> new Step("search breaking " + q.keySet(), "GET", Appointments.COLLECTION, 0, q,
                        Optional.of(KeyRole.PRIMARY), Optional.empty(), null, ApiMediaTypes.JSON, null));
    }

    private static Arbitrary<Step> authMistakes() {
        return Combinators.combine(Arbitraries.of("GET", "POST", "DELETE"), Arbitraries.of(0, 1, 2))
                .as((method, mistake) -> {
                    Optional<KeyRole> role = mistake == 2 ? Optional.of(KeyRole.UNKNOWN) : Optional.empty();
                    Optional<String> raw = mistake == 1 ? Optional.of("sk_live_notaclinikapikey") : Optional.empty();
                    String path = method.equals("POST") ? Appointments.COLLECTION
                            : method.equals("GET") ? Appointments.path(Step.REF) : Appointments.path(Step.UNKNOWN);
                    byte[] body = method.equals("POST")
                            ? Json.write(Json.object("status", "proposed", "patientId", PATIENT)).getBytes(StandardCharsets.UTF_8) : null;
                    return new Step("auth mistake " + mistake, method, path, 0, Map.of(), role, raw,
                            body == null ? null : ApiMediaTypes.JSON, ApiMediaTypes.JSON, body);
                });
    }

    private static Arbitrary<Step> mediaTypeMistakes() {
        return Arbitraries.of(mediaTypeMistakesInOrder());
    }

    static List<Step> mediaTypeMistakesInOrder() {
        byte[] valid = Json.write(Json.object("status", "proposed", "patientId", PATIENT)).getBytes(StandardCharsets.UTF_8);
        return List.of(
                new Step("create as text/plain", "POST", Appointments.COLLECTION, 0, Map.of(), Optional.of(KeyRole.PRIMARY),
                        Optional.empty(), "text/plain", ApiMediaTypes.JSON, valid),
                new Step("create as merge-patch", "POST", Appointments.COLLECTION, 0, Map.of(), Optional.of(KeyRole.PRIMARY),
                        Optional.empty(), ApiMediaTypes.MERGE_PATCH_JSON, ApiMediaTypes.JSON, valid),
                new Step("create malformed", "POST", Appointments.COLLECTION, 0, Map.of(), Optional.of(KeyRole.PRIMARY),
                        Optional.empty(), ApiMediaTypes.JSON, ApiMediaTypes.JSON, "{\"status\":".getBytes(StandardCharsets.UTF_8)),
                new Step("patch malformed", "PATCH", Appointments.path(Step.REF), 0, Map.of(), Optional.of(KeyRole.PRIMARY),
                        Optional.empty(), ApiMediaTypes.JSON, ApiMediaTypes.JSON, "[1,".getBytes(StandardCharsets.UTF_8)),
                new Step("patch empty", "PATCH", Appointments.path(Step.REF), 0, Map.of(), Optional.of(KeyRole.PRIMARY),
                        Optional.empty(), ApiMediaTypes.JSON, ApiMediaTypes.JSON, "{}".getBytes(StandardCharsets.UTF_8)),
                new Step("create as fhir", "POST", Appointments.COLLECTION, 0, Map.of(), Optional.of(KeyRole.PRIMARY),
                        Optional.empty(), ApiMediaTypes.FHIR_JSON, ApiMediaTypes.FHIR_JSON, valid));
    }

    /** A fixed sequence touching every operation and the documented errors, for a readable first diff. */
    static List<Step> partnersDay() {
        byte[] longDescription = Json.write(Json.object("status", "proposed", "patientId", PATIENT, "description", "d".repeat(2001)))
                .getBytes(StandardCharsets.UTF_8);
        return List.of(
                create("create booked", Json.object("status", "booked", "patientId", PATIENT, "practitionerId", "prac_1",
                        "start", "2031-03-10T09:00:00Z", "minutesDuration", 30, "priority", 2, "description", "Check-up")),
                create("create proposed", Json.object("status", "proposed", "patientId", PATIENT)),
                create("create with offset", Json.object("status", "arrived", "patientId", PATIENT,
                        "start", "2031-03-10T12:00:00+02:00", "end", "2031-03-10T12:45:00+02:00")),
                read(0, Step.REF), read(0, Step.UNKNOWN), read(0, "bad$id"),
                patch("patch comment", 0, Json.object("comment", "Bring results"), ApiMediaTypes.MERGE_PATCH_JSON),
                patch("cancel without reason", 0, Json.object("status", "cancelled"), ApiMediaTypes.JSON),
                patch("cancel with reason", 0, Json.object("status", "cancelled", "cancelationReason", "Ill"),
                        ApiMediaTypes.JSON_PATCH_JSON),
                patch("clear start of arrived", 2, Json.parse("{\"start\":null,\"end\":null}"), ApiMediaTypes.JSON),
                new Step("search first page", "GET", Appointments.COLLECTION, 0, Map.of("patientId", PATIENT, "count", "1"),
                        Optional.of(KeyRole.PRIMARY), Optional.empty(), null, ApiMediaTypes.JSON, null),
                nextPage(), nextPage(), nextPage(),
                new Step("search breaking count", "GET", Appointments.COLLECTION, 0, Map.of("count", "0"),
                        Optional.of(KeyRole.PRIMARY), Optional.empty(), null, ApiMediaTypes.JSON, null),
                new Step("delete", "DELETE", Appointments.path(Step.REF), 1, Map.of(), Optional.of(KeyRole.PRIMARY),
                        Optional.empty(), null, ApiMediaTypes.JSON, null),
                read(1, Step.REF),
                new Step("create too long", "POST", Appointments.COLLECTION, 0, Map.of(), Optional.of(KeyRole.PRIMARY),
                        Optional.empty(), ApiMediaTypes.JSON, ApiMediaTypes.JSON, longDescription),
                new Step("read without key", "GET", Appointments.path(Step.REF), 0, Map.of(), Optional.empty(),
                        Optional.empty(), null, ApiMediaTypes.JSON, null),
                new Step("read with malformed key", "GET", Appointments.path(Step.REF), 0, Map.of(), Optional.empty(),
                        Optional.of("not-a-key"), null, ApiMediaTypes.JSON, null),
                new Step("read with unknown key", "GET", Appointments.path(Step.REF), 0, Map.of(),
                        Optional.of(KeyRole.UNKNOWN), Optional.empty(), null, ApiMediaTypes.JSON, null),
                // the key is checked before the request's shape: 401, not 400 (issue 10)
                new Step("search with undecodable query without key", "GET", Appointments.COLLECTION + "?%ZZ=1", 0,
                        Map.of(), Optional.empty(), Optional.empty(), null, ApiMediaTypes.JSON, null),
                new Step("read with undecodable id without key", "GET", Appointments.path("%ZZ"), 0, Map.of(),
                        Optional.empty(), Optional.empty(), null, ApiMediaTypes.JSON, null),
                new Step("read as fhir", "GET", Appointments.path(Step.REF), 2, Map.of(), Optional.of(KeyRole.PRIMARY),
                        Optional.empty(), null, ApiMediaTypes.FHIR_JSON, null));
    }

    private static Step read(int ref, String id) {
        return new Step("read " + id, "GET", Appointments.path(id), ref, Map.of(), Optional.of(KeyRole.PRIMARY),
                Optional.empty(), null, ApiMediaTypes.JSON, null);
    }

    private static Step create(String label, JsonNode body) {
        return new Step(label, "POST", Appointments.COLLECTION, 0, Map.of(), Optional.of(KeyRole.PRIMARY), Optional.empty(),
                ApiMediaTypes.JSON, ApiMediaTypes.JSON, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static Step patch(String label, int ref, JsonNode body, String contentType) {
        return new Step(label, "PATCH", Appointments.path(Step.REF), ref, Map.of(), Optional.of(KeyRole.PRIMARY),
                Optional.empty(), contentType, ApiMediaTypes.JSON, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode withPatient(JsonNode body) {
        return ((ObjectNode) body.deepCopy()).put("patientId", PATIENT);
    }

}
