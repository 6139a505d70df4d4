package com.clinikapi.contract.suite.properties;

import com.clinikapi.contract.ApiLimits;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.suite.appointments.Appointments;
import com.clinikapi.contract.suite.appointments.Fixtures;
import com.clinikapi.contract.suite.generate.SchemaArbitraries;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.spec.SpecModel;
import com.clinikapi.contract.suite.spec.SpecOperation;
import com.clinikapi.contract.suite.target.KnownDefects;
import com.clinikapi.contract.suite.target.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/appointments} with parameters generated from the spec's parameter list. Against a
 * known set of one patient's appointments, every valid combination answers exactly the page an
 * independent model computes, and paging with the cursor walks the whole result once; every
 * parameter that breaks one constraint is refused with 400 naming it.
 */
class GeneratedSearchIT {

    private static final String OPERATION = "searchAppointments";
    private static final List<String> PRACTITIONERS = List.of(Fixtures.practitionerId(), Fixtures.practitionerId(),
            Fixtures.practitionerId());
    private static final List<String> STATUSES = List.of("booked", "arrived", "fulfilled", "pending", "booked");

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);
    private String patient;
    private List<JsonNode> dataset;

    /** 15 appointments of one patient over four days, distinct starts and created, plus one without times. */
    private List<JsonNode> dataset() {
        if (dataset == null) {
            patient = Fixtures.patientId();
            List<JsonNode> stored = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                OffsetDateTime start = Fixtures.DAY.plusHours(7L * i).plusMinutes(i);
                ObjectNode body = Fixtures.bookedAt(patient, start, 20)
                        .put("practitionerId", PRACTITIONERS.get(i % 3))
                        .put("status", STATUSES.get(i % STATUSES.size()))
                        .put("created", Fixtures.iso(Fixtures.DAY.minusDays(30).plusHours((i * 7L) % 15).plusSeconds(i)));
                stored.add(appointments.create(body));
            }
            stored.add(appointments.create(Fixtures.proposed(patient).put("practitionerId", PRACTITIONERS.get(0))
                    .put("created", Fixtures.iso(Fixtures.DAY.minusDays(31)))));
            dataset = stored;
        }
        return dataset;
    }

    @Property(tries = 150)
    void answersExactlyTheMatchingAppointmentsInOrderAcrossPages(@ForAll("queries") Map<String, String> query) {
        List<String> expected = expectedIds(dataset(), query);
        int count = Integer.parseInt(query.getOrDefault("count", String.valueOf(ApiLimits.DEFAULT_PAGE_SIZE)));
        Statistics.label("pages").collect(Math.max(1, (expected.size() + count - 1) / count));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var call = api.get(Appointments.COLLECTION).query("patientId", patient).queries(query);
            if (cursor != null) {
                call.query("cursor", cursor);
            }
            ApiResponse response = call.send();
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            JsonNode page = response.data();
            List<String> ids = StreamSupport.stream(page.path("data").spliterator(), false)
                    .map(a -> a.path("id").asText()).toList();
            assertThat(ids.size()).as("page size of %s", response).isLessThanOrEqualTo(count);
            assertThat(page.path("total").asLong()).as("total of %s", response).isEqualTo(expected.size());
            seen.addAll(ids);
            cursor = page.path("hasMore").asBoolean() ? page.path("cursor").asText() : null;
            pages++;
        } while (cursor != null && pages <= expected.size() + 1);

        assertThat(seen).as("all pages of %s", query).isEqualTo(expected);
    }

    @Property(tries = 200)
    void parametersBreakingOneConstraintAreRefusedNamingThem(@ForAll("brokenQueries") Tuple.Tuple2<String, String> broken) {
        Statistics.label("parameter").collect(broken.get1());

        ApiResponse response = api.get(Appointments.COLLECTION).query(broken.get1(), broken.get2()).send();

        assertThat(response.status()).as("%s for %s=%s", response, broken.get1(), broken.get2()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER.name());
        assertThat(response.issueFields()).as("%s", response).contains(broken.get1());
    }

    /** Valid values for every search parameter but the patient (fixed) and the cursor (followed). */
    @Provide
    Arbitrary<Map<String, String>> queries() {
        Arbitrary<Optional<String>> practitioner = Arbitraries.of(PRACTITIONERS).optional(0.6);
        Arbitrary<Optional<String>> status = enumOf("status").optional(0.5);
        Arbitrary<Optional<String>> from = days().optional(0.6);
        Arbitrary<Optional<String>> to = days().optional(0.6);
        Arbitrary<Optional<String>> sort = enumOf("sort").optional(0.8);
        Arbitrary<Optional<String>> count = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(1, 6).map(String::valueOf)),
                Tuple.of(1, Arbitraries.integers().between(1, ApiLimits.MAX_PAGE_SIZE).map(String::valueOf))).optional(0.8);
        return Combinators.combine(practitioner, status, from, to, sort, count).as((p, s, f, t, o, c) -> {
            Map<String, String> query = new LinkedHashMap<>();
            p.ifPresent(v -> query.put("practitionerId", v));
            s.ifPresent(v -> query.put("status", v));
            f.ifPresent(v -> query.put("dateFrom", v));
            t.ifPresent(v -> query.put("dateTo", v));
            o.ifPresent(v -> query.put("sort", v));
            c.ifPresent(v -> query.put("count", v));
            return query;
        }).filter(q -> !q.containsKey("dateFrom") || !q.containsKey("dateTo")
                || !LocalDate.parse(q.get("dateTo")).isBefore(LocalDate.parse(q.get("dateFrom"))));
    }

    /** For each search parameter of the spec, values that break one of its constraints. */
    @Provide
    @SuppressWarnings("rawtypes")
    Arbitrary<Tuple.Tuple2<String, String>> brokenQueries() {
        SpecOperation search = SpecModel.get().operation(OPERATION);
        List<Arbitrary<Tuple.Tuple2<String, String>>> breaks = new ArrayList<>();
        for (Parameter parameter : search.parameters()) {
            String name = parameter.getName();
            Schema schema = parameter.getSchema();
            List<Arbitrary<String>> bad = new ArrayList<>();
            if (schema.getEnum() != null) {
                List<String> allowed = SchemaArbitraries.enumValues(schema);
                bad.add(Arbitraries.strings().alpha().withChars('-', '+', ',').ofMinLength(1).ofMaxLength(12)
                        .filter(v -> !allowed.contains(v)));
            }
            if ("integer".equals(schema.getType())) {
                bad.add(Arbitraries.of("abc", "1.5", "", "1e2", "0x10", "99999999999"));
                if (schema.getMinimum() != null) {
                    bad.add(Arbitraries.integers().between(-1000, schema.getMinimum().intValue() - 1).map(String::valueOf));
                }
                if (schema.getMaximum() != null) {
                    bad.add(Arbitraries.integers().between(schema.getMaximum().intValue() + 1, 100_000).map(String::valueOf));
                }
            }
            if ("date".equals(schema.getFormat())) {
                bad.add(Arbitraries.of("2031-02-30", "2031-13-01", "yesterday", "2031-3-1", "2031-03-10T00:00:00Z", "20310310")
                        .filter(d -> !d.equals("2031-02-30") || !KnownDefects.SERVER_LENIENT_DATES.excludeInputs()));
            }
            if (schema.getPattern() != null) {
                SchemaArbitraries.CharClassPattern pattern = SchemaArbitraries.CharClassPattern.parse(schema.getPattern());
                bad.add(Combinators.combine(SchemaArbitraries.fromPattern(schema.getPattern(), 1, 20),
                                Arbitraries.of(" ", "/", "?", "#", "%", "é", "*", "'", "<", "😀").filter(c -> !pattern.allows(c.codePointAt(0))))
                        .as((v, c) -> v + c));
            }
            if (schema.getMaxLength() != null) {
                int max = schema.getMaxLength();
                bad.add(Arbitraries.strings().alpha().ofMinLength(max + 1).ofMaxLength(max + 20));
            }
            if (name.equals("cursor")) {
                // "a cursor the server did not issue"
                bad.add(Arbitraries.strings().ofMinLength(1).ofMaxLength(200).withChars("abcXYZ019-_.="));
            }
            if (!bad.isEmpty()) {
                breaks.add(Arbitraries.oneOf(bad)
                        .filter(v -> !v.isEmpty() || !KnownDefects.SERVER_EMPTY_PARAMETER_IGNORED.excludeInputs())
                        .map(v -> Tuple.of(name, v)));
            }
        }
        // dateTo before dateFrom breaks the pair, reported on dateTo
        return Arbitraries.oneOf(breaks);
    }

    @SuppressWarnings("rawtypes")
    private static Arbitrary<String> enumOf(String parameter) {
        Schema schema = SpecModel.get().operation(OPERATION).parameter(parameter).orElseThrow().getSchema();
        return Arbitraries.of(SchemaArbitraries.enumValues(schema));
    }

    private static Arbitrary<String> days() {
        return Arbitraries.integers().between(-1, 5).map(d -> Fixtures.DAY.toLocalDate().plusDays(d).toString());
    }

    /** The model: filter, then order by the sort key with ties by id, exactly as the spec describes. */
    static List<String> expectedIds(List<JsonNode> dataset, Map<String, String> query) {
        String sort = query.getOrDefault("sort", "start");
        String field = sort.replace("-", "");
        boolean descending = sort.startsWith("-");
        Comparator<JsonNode> byKey = Comparator.comparingLong(a -> key(a, field));
        Comparator<JsonNode> order = byKey.thenComparing(a -> a.path("id").asText());
        return dataset.stream()
                .filter(a -> !query.containsKey("practitionerId") || query.get("practitionerId").equals(a.path("practitionerId").asText()))
                .filter(a -> !query.containsKey("status") || query.get("status").equals(a.path("status").asText()))
                .filter(a -> !query.containsKey("dateFrom") || (a.has("start")
                        && !day(a).isBefore(LocalDate.parse(query.get("dateFrom")))))
                .filter(a -> !query.containsKey("dateTo") || (a.has("start")
                        && !day(a).isAfter(LocalDate.parse(query.get("dateTo")))))
                .sorted(descending ? order.reversed() : order)
                .map(a -> a.path("id").asText())
                .toList();
    }

    private static long key(JsonNode appointment, String field) {
        if (!appointment.has(field)) {
            return Long.MAX_VALUE;
        }
        return OffsetDateTime.parse(appointment.path(field).asText()).toInstant().toEpochMilli();
    }

    private static LocalDate day(JsonNode appointment) {
        return OffsetDateTime.parse(appointment.path("start").asText()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    static String describe(Map<String, String> query) {
        return Json.write(Json.MAPPER.valueToTree(query));
    }
}
