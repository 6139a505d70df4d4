package com.clinikapi.contract.suite.properties;

import com.clinikapi.contract.appointment.SupportedTimes;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.contract.suite.appointments.Appointments;
import com.clinikapi.contract.suite.appointments.Fixtures;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates and date-times at the edges of what {@code java.time} reads ({@code LocalDate.MIN/MAX},
 * years ±999999999, 0000, 0001, 9999, 10000, offsets ±18:00, leap seconds, impossible days) in the
 * search's date parameters and in create and update bodies. Whatever is sent, the answer is never a
 * 5xx (the central client checks that); a value that is not RFC 3339 with a four-digit year within
 * 0001-01-01..9999-12-31 in UTC is refused, 400 for a parameter and 422 for a body field, with one
 * issue naming it, worded as the shared {@link SupportedTimes} words it; any other is taken, and
 * every date-time answered is RFC 3339 in UTC with a four-digit year.
 */
class SupportedTimesIT {

    /** How the API answers a date-time: RFC 3339 in UTC, four-digit year, seconds always written. */
    private static final Pattern RFC_3339_UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final DateTimeFormatter ANSWERED = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final String FIRST_START = "0001-01-01T00:00:00Z";
    private static final String LAST_START = "9999-12-31T23:00:00Z";

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);
    private String patient;
    private List<JsonNode> edgeAppointments;
    private String proposedId;

    @Property(tries = 120)
    void searchDatesAreJudgedAsTheSharedRuleJudgesThem(@ForAll("dateParameters") String parameter,
                                                        @ForAll("dates") String date) {
        List<JsonNode> stored = edgeAppointments();
        Optional<ValidationIssue> refusal = SupportedTimes.checkDate(parameter, date);
        Statistics.label("outcome").collect(refusal.map(ValidationIssue::constraint).orElse("valid"));

        ApiResponse response = api.get(Appointments.COLLECTION).query("patientId", patient).query(parameter, date).send();

        if (refusal.isPresent()) {
            assertThat(response.status()).as("%s for %s=%s", response, parameter, date).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER.name());
            assertThat(response.diagnostics()).as("%s", response).containsExactly(refusal.get().diagnostics());
        } else {
            assertThat(response.status()).as("%s for %s=%s", response, parameter, date).isEqualTo(200);
            LocalDate day = LocalDate.parse(date);
            List<String> expected = stored.stream()
                    .filter(a -> {
                        LocalDate startDay = Instant.parse(a.path("start").asText()).atOffset(ZoneOffset.UTC).toLocalDate();
                        return parameter.equals("dateFrom") ? !startDay.isBefore(day) : !startDay.isAfter(day);
                    })
                    .map(a -> a.path("id").asText())
                    .toList();
            assertThat(response.data().path("data").findValuesAsText("id")).as("%s", response).isEqualTo(expected);
            assertAnsweredTimesAreRfc3339(response);
        }
    }

    @Property(tries = 150)
    void createDateTimesAreJudgedAsTheSharedRuleJudgesThem(@ForAll("createFields") String field,
                                                           @ForAll("dateTimes") String dateTime) {
        ObjectNode body = createBody(field, dateTime);
        Expected expected = expectedForCreate(field, dateTime);
        Statistics.label("outcome").collect(expected.label());

        ApiResponse response = api.post(Appointments.COLLECTION).json(body).send();

        if (expected.refusal().isPresent()) {
            assertRefused(response, expected.refusal().get(), body);
        } else {
            assertThat(response.status()).as("%s for %s", response, Json.write(body)).isEqualTo(201);
            assertThat(response.data().at(pointer(field)).asText()).as("%s", field).isEqualTo(expected.answered());
            assertAnsweredTimesAreRfc3339(response);
        }
    }

    @Property(tries = 100)
    void patchedStartsAreJudgedAsTheSharedRuleJudgesThem(@ForAll("dateTimes") String dateTime) {
        String id = proposedId();
        ObjectNode patch = Json.object("start", dateTime);
        Expected expected = expectedForDerivedEnd("start", dateTime);
        Statistics.label("outcome").collect(expected.label());

        ApiResponse response = api.patch(Appointments.path(id)).json(patch).send();

        if (expected.refusal().isPresent()) {
            assertRefused(response, expected.refusal().get(), patch);
        } else {
            assertThat(response.status()).as("%s for %s", response, Json.write(patch)).isEqualTo(200);
            assertThat(response.data().path("start").asText()).isEqualTo(expected.answered());
            assertThat(response.data().path("end").asText())
                    .isEqualTo(ANSWERED.format(Instant.parse(expected.answered()).plus(Duration.ofMinutes(1)).atOffset(ZoneOffset.UTC)));
            assertAnsweredTimesAreRfc3339(response);
        }
    }

    /** What a body with this date-time in this field must get: a refusal's one issue, or the value answered. */
    private record Expected(Optional<ValidationIssue> refusal, String answered) {

        static Expected refused(ValidationIssue issue) {
            return new Expected(Optional.of(issue), null);
        }

        static Expected taken(Instant stored) {
            return new Expected(Optional.empty(), ANSWERED.format(stored.atOffset(ZoneOffset.UTC)));
        }

        String label() {
            return refusal.map(issue -> issue.field() + ": " + issue.constraint()).orElse("taken");
        }
    }

    private static Expected expectedForCreate(String field, String dateTime) {
        return switch (field) {
            case "start" -> expectedForDerivedEnd(field, dateTime);
            case "requestedPeriod[0].end" -> {
                Expected plain = expectedPlain(field, dateTime);
                // the window opens at the first supported instant: an end there does not end after it
                yield plain.refusal().isEmpty() && Instant.parse(plain.answered()).equals(Instant.parse(FIRST_START))
                        ? Expected.refused(ValidationIssue.businessRule(field, "must be after start"))
                        : plain;
            }
            default -> expectedPlain(field, dateTime);
        };
    }

    /** A start sent with {@code minutesDuration: 1}: its derived end must not pass the last supported instant. */
    private static Expected expectedForDerivedEnd(String field, String dateTime) {
        Expected plain = expectedPlain(field, dateTime);
        if (plain.refusal().isEmpty() && !SupportedTimes.isSupported(Instant.parse(plain.answered()).plus(Duration.ofMinutes(1)))) {
            return Expected.refused(ValidationIssue.businessRule("minutesDuration",
                    "must not take end (start + minutesDuration) past " + SupportedTimes.LATEST));
        }
        return plain;
    }

    /** Refused as the shared rule words it, or stored as its UTC instant to the microsecond. */
    private static Expected expectedPlain(String field, String dateTime) {
        return SupportedTimes.checkDateTime(field, dateTime)
                .map(Expected::refused)
                .orElseGet(() -> Expected.taken(SupportedTimes.parseDateTime(dateTime).orElseThrow().toInstant()
                        .truncatedTo(ChronoUnit.MICROS)));
    }

    private ObjectNode createBody(String field, String dateTime) {
        String patientId = Fixtures.patientId();
        return switch (field) {
            case "start" -> Json.object("status", "booked", "patientId", patientId, "start", dateTime, "minutesDuration", 1);
            case "created" -> Json.object("status", "proposed", "patientId", patientId, "created", dateTime);
            case "requestedPeriod[0].end" -> {
                ObjectNode body = Json.object("status", "proposed", "patientId", patientId);
                body.putArray("requestedPeriod").add(Json.object("start", FIRST_START, "end", dateTime));
                yield body;
            }
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static String pointer(String field) {
        return "/" + field.replace("[", "/").replace("].", "/").replace(".", "/");
    }

    private static void assertRefused(ApiResponse response, ValidationIssue issue, JsonNode body) {
        assertThat(response.status()).as("%s for %s", response, Json.write(body)).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR.name());
        assertThat(response.diagnostics()).as("%s for %s", response, Json.write(body)).containsExactly(issue.diagnostics());
    }

    /** Every date-time of the answer (its appointments, {@code meta.timestamp}, {@code X-Timestamp}). */
    private static void assertAnsweredTimesAreRfc3339(ApiResponse response) {
        List<String> times = new ArrayList<>();
        collectTimes(response.json(), times);
        response.header("X-Timestamp").ifPresent(times::add);
        assertThat(times).as("%s", response).isNotEmpty().allSatisfy(time -> assertThat(time).matches(RFC_3339_UTC));
    }

    private static void collectTimes(JsonNode node, List<String> times) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isTextual() && List.of("start", "end", "created", "updatedAt", "timestamp").contains(field.getKey())) {
                times.add(field.getValue().asText());
            } else {
                collectTimes(field.getValue(), times);
            }
        }
        if (node.isArray()) {
            node.forEach(element -> collectTimes(element, times));
        }
    }

    /** One patient's appointments on the first and the last supported days, created once per property. */
    private List<JsonNode> edgeAppointments() {
        if (edgeAppointments == null) {
            patient = Fixtures.patientId();
            edgeAppointments = List.of(
                    appointments.create(Json.object("status", "booked", "patientId", patient, "start", FIRST_START,
                            "minutesDuration", 30)),
                    appointments.create(Json.object("status", "booked", "patientId", patient, "start", LAST_START,
                            "minutesDuration", 30)));
        }
        return edgeAppointments;
    }

    /** A proposed appointment lasting one minute, without times yet: each patch gives it a start. */
    private String proposedId() {
        if (proposedId == null) {
            proposedId = appointments.create(Json.object("status", "proposed", "patientId", Fixtures.patientId(),
                    "minutesDuration", 1)).path("id").asText();
        }
        return proposedId;
    }

    @Provide
    Arbitrary<String> dateParameters() {
        return Arbitraries.of("dateFrom", "dateTo");
    }

    @Provide
    Arbitrary<String> createFields() {
        return Arbitraries.of("start", "created", "requestedPeriod[0].end");
    }

    /** {@code YYYY-MM-DD} texts around the edges: years of any sign and width, days that do not exist. */
    @Provide
    Arbitrary<String> dates() {
        Arbitrary<String> composed = Combinators.combine(years(), Arbitraries.integers().between(1, 12),
                        Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(1, 28, 29, 31)), Tuple.of(2, Arbitraries.integers().between(1, 28)),
                                Tuple.of(1, Arbitraries.integers().between(1, 31))))
                .as((year, month, day) -> year + "-" + twoDigits(month) + "-" + twoDigits(day));
        Arbitrary<String> javaEdges = Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(0, 12, 31),
                LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(10000, 1, 1), LocalDate.EPOCH).map(LocalDate::toString);
        return Arbitraries.frequencyOf(Tuple.of(4, composed), Tuple.of(1, javaEdges));
    }

    /** RFC 3339-shaped date-times around the edges, and {@code java.time}'s own extremes. */
    @Provide
    Arbitrary<String> dateTimes() {
        Arbitrary<String> composed = Combinators.combine(dates(), times(), offsets()).as((date, time, offset) -> date + "T" + time + offset);
        Arbitrary<String> javaEdges = Combinators.combine(
                        Arbitraries.of(LocalDateTime.MIN, LocalDateTime.MAX, LocalDateTime.of(9999, 12, 31, 23, 59, 59),
                                LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(10000, 1, 1, 17, 59, 59)),
                        Arbitraries.of(ZoneOffset.MIN, ZoneOffset.MAX, ZoneOffset.UTC))
                .as((time, offset) -> ANSWERED.format(time.atOffset(offset)));
        Arbitrary<String> lowerCase = composed.map(text -> text.replace('T', 't').replace('Z', 'z'));
        return Arbitraries.frequencyOf(Tuple.of(6, composed), Tuple.of(1, javaEdges), Tuple.of(1, lowerCase));
    }

    /** Years as {@code java.time} prints them ({@code +10000}, {@code -0001}) and as a careless client might ({@code 10000}). */
    private static Arbitrary<String> years() {
        Arbitrary<Integer> year = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(-999_999_999, -10_000, -1, 0, 1, 2, 1970, 2026, 9998, 9999, 10_000, 10_001,
                        300_000, 999_999_999)),
                Tuple.of(4, Arbitraries.integers().between(0, 10_000)),
                Tuple.of(1, Arbitraries.integers().between(-999_999_999, 999_999_999)));
        return Combinators.combine(year, Arbitraries.of(true, false)).as((y, javaStyle) -> {
            if (y >= 0 && y <= 9999) {
                return String.format("%04d", y);
            }
            String digits = String.format("%04d", Math.abs(y));
            return y < 0 ? "-" + digits : (javaStyle ? "+" : "") + digits;
        });
    }

    private static Arbitrary<String> times() {
        Arbitrary<String> random = Combinators.combine(Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59),
                        Arbitraries.integers().between(0, 59))
                .as((h, m, s) -> twoDigits(h) + ":" + twoDigits(m) + ":" + twoDigits(s));
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("00:00:00", "23:59:59", "23:59:59.999999999", "17:59:59", "18:00:00",
                        "05:59:59.999999", "12:00:00.5")),
                Tuple.of(1, Arbitraries.of("23:59:60", "24:00:00", "23:59:59.1234567890", "23:59")),
                Tuple.of(3, random));
    }

    private static Arbitrary<String> offsets() {
        Arbitrary<String> random = Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(0, 18),
                        Arbitraries.integers().between(0, 59))
                .as((sign, h, m) -> sign + twoDigits(h) + ":" + twoDigits(m));
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("Z", "+18:00", "-18:00", "+00:01", "-00:01", "+14:00", "-12:00", "+00:00")),
                Tuple.of(1, Arbitraries.of("+18:01", "-19:00", "+24:00", "+0100", "")),
                Tuple.of(3, random));
    }

    private static String twoDigits(int value) {
        return String.format("%02d", value);
    }
}
