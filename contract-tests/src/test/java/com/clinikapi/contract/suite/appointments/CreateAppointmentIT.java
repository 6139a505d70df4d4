package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.ApiLimits;
import com.clinikapi.contract.ApiMediaTypes;
import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.appointment.StorableText;
import com.clinikapi.contract.appointment.TimeWindow;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import static com.clinikapi.contract.suite.appointments.Appointments.COLLECTION;
import static com.clinikapi.contract.suite.appointments.Rejections.assertRejected;
import static com.clinikapi.contract.suite.appointments.Rejections.assertRejectedNaming;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/appointments}: what is created, and every documented way a create is refused. */
class CreateAppointmentIT {

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);

    @Nested
    class Accepted {

        @Test
        void createsABookedAppointmentWithServerAssignedFields() {
            String patient = Fixtures.patientId();
            ObjectNode body = Fixtures.booked(patient);

            ApiResponse response = api.post(COLLECTION).json(body).send();

            assertThat(response.status()).as("%s", response).isEqualTo(201);
            JsonNode data = response.data();
            assertThat(data.path("id").asText()).startsWith("appt_");
            assertThat(data.path("version").asLong()).isEqualTo(1);
            assertThat(data.path("patientId").asText()).isEqualTo(patient);
            assertThat(data.path("practitionerId").asText()).isEqualTo(body.path("practitionerId").asText());
            assertThat(data.path("status").asText()).isEqualTo("booked");
            assertThat(data.path("minutesDuration").asInt()).isEqualTo(30);
            assertThat(data.path("priority").asInt()).isZero();
            assertThat(data.path("description").asText()).isEqualTo("Follow-up on blood pressure");
            assertThat(response.header("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith(Appointments.path(data.path("id").asText())));
        }

        @Test
        void derivesEndFromStartAndMinutesDuration() {
            JsonNode data = appointments.create(Fixtures.booked(Fixtures.patientId()));

            assertThat(instant(data, "start")).isEqualTo(Instant.parse("2031-03-10T09:00:00Z"));
            assertThat(instant(data, "end")).isEqualTo(Instant.parse("2031-03-10T09:30:00Z"));
        }

        @Test
        void keepsAnExplicitEnd() {
            OffsetDateTime start = Fixtures.DAY.plusHours(14);
            JsonNode data = appointments.create(Fixtures.bookedAt(Fixtures.patientId(), start, 45));

            assertThat(instant(data, "end")).isEqualTo(start.plusMinutes(45).toInstant());
        }

        @Test
        void keepsTheInstantOfATimeGivenWithAnOffset() {
            ObjectNode body = Json.object("status", "booked", "patientId", Fixtures.patientId(),
                    "start", "2031-03-10T11:00:00+02:00", "end", "2031-03-10T11:30:00+02:00");

            JsonNode data = appointments.create(body);

            assertThat(instant(data, "start")).isEqualTo(Instant.parse("2031-03-10T09:00:00Z"));
            assertThat(instant(data, "end")).isEqualTo(Instant.parse("2031-03-10T09:30:00Z"));
        }

        @Test
        void createsAProposedAppointmentWithoutTimesAndWithPreferredWindows() {
            JsonNode data = appointments.create(Fixtures.proposed(Fixtures.patientId()));

            assertThat(data.path("status").asText()).isEqualTo("proposed");
            assertThat(data.has("start")).isFalse();
            assertThat(data.path("requestedPeriod")).hasSize(2);
            assertThat(instant(data.path("requestedPeriod").get(1), "end"))
                    .isEqualTo(Instant.parse("2031-03-12T17:00:00Z"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"proposed", "cancelled", "waitlist"})
        void acceptsTheStatusesThatMayLackTimes(String status) {
            ObjectNode body = Json.object("status", status, "patientId", Fixtures.patientId());
            if (status.equals("cancelled")) {
                body.put("cancelationReason", "Patient called to cancel");
            }

            assertThat(appointments.create(body).path("status").asText()).isEqualTo(status);
        }

        @ParameterizedTest
        @ValueSource(strings = {"proposed", "pending", "booked", "arrived", "fulfilled", "noshow", "checked-in", "waitlist"})
        void acceptsEveryStatusWithTimes(String status) {
            ObjectNode body = Fixtures.bookedAt(Fixtures.patientId(), Fixtures.DAY.plusHours(10), 20).put("status", status);

            assertThat(appointments.create(body).path("status").asText()).isEqualTo(status);
        }

        @Test
        void acceptsACancelationReasonOnANoShow() {
            ObjectNode body = Fixtures.bookedAt(Fixtures.patientId(), Fixtures.DAY.plusHours(10), 20)
                    .put("status", "noshow").put("cancelationReason", "Did not come");

            assertThat(appointments.create(body).path("cancelationReason").asText()).isEqualTo("Did not come");
        }

        @Test
        void defaultsCreatedToNowAndKeepsAGivenOne() {
            Instant before = Instant.now().minusSeconds(120);
            JsonNode defaulted = appointments.create(Fixtures.booked(Fixtures.patientId()));
            JsonNode given = appointments.create(Fixtures.booked(Fixtures.patientId()).put("created", "2031-01-02T03:04:05Z"));

            assertThat(instant(defaulted, "created")).isAfter(before).isBefore(Instant.now().plusSeconds(120));
            assertThat(instant(given, "created")).isEqualTo(Instant.parse("2031-01-02T03:04:05Z"));
        }

        @Test
        void acceptsTheLongestValues() {
            ObjectNode body = Fixtures.booked(Fixtures.patientId())
                    .put("appointmentType", "a".repeat(100))
                    .put("serviceType", "s".repeat(200))
                    .put("serviceCategory", "c".repeat(200))
                    .put("specialty", "p".repeat(200))
                    .put("reasonCode", "r".repeat(500))
                    .put("description", "d".repeat(2000))
                    .put("comment", "m".repeat(2000))
                    .put("patientInstruction", "i".repeat(2000))
                    .put("basedOnId", "b".repeat(128))
                    .put("priority", 9)
                    .put("minutesDuration", 1440);

            JsonNode data = appointments.create(body);

            assertThat(data.path("comment").asText()).hasSize(2000);
            assertThat(data.path("basedOnId").asText()).hasSize(128);
        }

        @Test
        void countsMaxLengthInCharactersNotUtf16Units() {
            // 200 characters, 400 UTF-16 units: JSON Schema's maxLength counts characters
            ObjectNode body = Fixtures.booked(Fixtures.patientId()).put("serviceType", "\uD83D\uDE00".repeat(200));

            JsonNode data = appointments.create(body);

            assertThat(data.path("serviceType").asText()).isEqualTo("\uD83D\uDE00".repeat(200));
        }

        @Test
        void ignoresUnknownFieldsAndDoesNotStoreThem() {
            ObjectNode body = Fixtures.booked(Fixtures.patientId()).put("colour", "blue");
            body.putObject("extension").put("url", "http://example.org");

            JsonNode data = appointments.create(body);

            // the central check already refuses undeclared response fields; say it here too
            assertThat(data.has("colour")).isFalse();
            assertThat(data.has("extension")).isFalse();
        }

        @Test
        void acceptsFhirJsonAndAnswersInTheRequestedMediaType() {
            ApiResponse response = api.post(COLLECTION)
                    .contentType(ApiMediaTypes.FHIR_JSON)
                    .accept(ApiMediaTypes.FHIR_JSON)
                    .json(Fixtures.booked(Fixtures.patientId()))
                    .send();

            assertThat(response.status()).as("%s", response).isEqualTo(201);
            assertThat(response.mediaType()).isEqualTo(ApiMediaTypes.FHIR_JSON);
        }

        @Test
        void acceptsAJsonContentTypeWithCharset() {
            ApiResponse response = api.post(COLLECTION)
                    .contentType("application/json; charset=utf-8")
                    .json(Fixtures.booked(Fixtures.patientId()))
                    .send();

            assertThat(response.status()).as("%s", response).isEqualTo(201);
        }

        @Test
        void givesEachAppointmentItsOwnId() {
            String patient = Fixtures.patientId();
            String first = appointments.create(Fixtures.booked(patient)).path("id").asText();
            String second = appointments.create(Fixtures.booked(patient)).path("id").asText();

            assertThat(first).isNotEqualTo(second);
        }
    }

    @Nested
    class RefusedAsBadRequest {

        @ParameterizedTest
        @ValueSource(strings = {"{", "{\"status\": \"booked\",}", "not json", "{\"status\": \"booked\" \"patientId\": \"x\"}", "\"unterminated"})
        void refusesMalformedJson(String text) {
            ApiResponse response = api.post(COLLECTION).body(text).send();

            assertRejected(response, ErrorCode.MALFORMED_JSON, SchemaViolations.malformedJson());
        }
    }

    @Nested
    class RefusedAsTooLargeOrUnsupported {

        @Test
        void refusesABodyOverOneMebibyte() {
            ObjectNode body = Fixtures.booked(Fixtures.patientId()).put("padding", "x".repeat(ApiLimits.MAX_BODY_BYTES));

            ApiResponse response = api.post(COLLECTION).json(body).send();

            assertRejected(response, ErrorCode.PAYLOAD_TOO_LARGE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"text/plain", "application/xml", ApiMediaTypes.MERGE_PATCH_JSON, "application/x-www-form-urlencoded"})
        void refusesAContentTypeCreateDoesNotAccept(String contentType) {
            ApiResponse response = api.post(COLLECTION).contentType(contentType)
                    .json(Fixtures.booked(Fixtures.patientId())).send();

            assertRejected(response, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    @Nested
    class RefusedBySchema {

        @ParameterizedTest
        @ValueSource(strings = {"status", "patientId"})
        void requiresStatusAndPatientId(String field) {
            ObjectNode body = Fixtures.booked(Fixtures.patientId());
            body.remove(field);

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    SchemaViolations.required(field));
        }

        @Test
        void refusesAnUnknownStatus() {
            ObjectNode body = Fixtures.booked(Fixtures.patientId()).put("status", "confirmed-ish");

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    SchemaViolations.oneOfEnum("status"));
        }

        static Stream<Arguments> maxLengths() {
            return Stream.of(
                    Arguments.of("appointmentType", 100), Arguments.of("serviceType", 200),
                    Arguments.of("serviceCategory", 200), Arguments.of("specialty", 200),
                    Arguments.of("reasonCode", 500), Arguments.of("description", 2000),
                    Arguments.of("comment", 2000), Arguments.of("patientInstruction", 2000),
                    Arguments.of("patientId", 128), Arguments.of("practitionerId", 128), Arguments.of("basedOnId", 128));
        }

        @ParameterizedTest
        @MethodSource("maxLengths")
        void refusesAValueOverItsMaxLength(String field, int max) {
            ObjectNode body = Fixtures.booked(Fixtures.patientId()).put(field, "v".repeat(max + 1));

            assertRejectedNaming(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR, field);
        }

        @Test
        void refusesACancelationReasonOverItsMaxLength() {
            ObjectNode body = Json.object("status", "cancelled", "patientId", Fixtures.patientId(),
                    "cancelationReason", "r".repeat(501));

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    SchemaViolations.maxLength("cancelationReason", 500));
        }

        @Test
        void refusesADescriptionOverItsMaxLengthInTheSharedWording() {
            ObjectNode body = Fixtures.booked(Fixtures.patientId()).put("description", "d".repeat(2001));

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    SchemaViolations.maxLength("description", 2000));
        }

        @ParameterizedTest
        @ValueSource(strings = {"patientId", "practitionerId", "basedOnId"})
        void refusesAReferenceIdOutsideItsPattern(String field) {
            ObjectNode body = Fixtures.booked(Fixtures.patientId()).put(field, "pat 12/3");

            assertRejectedNaming(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR, field);
        }

        @ParameterizedTest
        @ValueSource(strings = {"patientId", "practitionerId", "basedOnId"})
        void refusesAnEmptyReferenceId(String field) {
            ObjectNode body = Fixtures.booked(Fixtures.patientId()).put(field, "");

            assertRejectedNaming(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR, field);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 10, 100})
        void refusesAPriorityOutsideZeroToNine(int priority) {
            ObjectNode body = Fixtures.booked(Fixtures.patientId()).put("priority", priority);

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    SchemaViolations.between("priority", 0, 9));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -5, 1441})
        void refusesAMinutesDurationOutsideOneToADay(int minutes) {
            ObjectNode body = Fixtures.booked(Fixtures.patientId()).put("minutesDuration", minutes);

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    SchemaViolations.between("minutesDuration", 1, 1440));
        }

        @ParameterizedTest
        @ValueSource(strings = {"start", "end", "created"})
        void refusesABadDateTime(String field) {
            ObjectNode body = Fixtures.bookedAt(Fixtures.patientId(), Fixtures.DAY.plusHours(9), 30)
                    .put(field, "10/03/2031 09:00");

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    SchemaViolations.dateTime(field));
        }

        @Test
        void refusesADateTimeWithoutOffset() {
            ObjectNode body = Fixtures.bookedAt(Fixtures.patientId(), Fixtures.DAY.plusHours(9), 30)
                    .put("start", "2031-03-10T09:00:00");

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    SchemaViolations.dateTime("start"));
        }

        @Test
        void refusesADateTimeWithoutSeconds() {
            // RFC 3339 (OpenAPI's date-time) requires seconds; Java's OffsetDateTime.toString() drops them
            ObjectNode body = Fixtures.bookedAt(Fixtures.patientId(), Fixtures.DAY.plusHours(9), 30)
                    .put("start", "2031-03-10T09:00Z");

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    SchemaViolations.dateTime("start"));
        }

        static Stream<Arguments> wrongTypes() {
            return Stream.of(
                    Arguments.of("priority", Json.parse("\"high\""), "integer"),
                    Arguments.of("minutesDuration", Json.parse("12.5"), "integer"),
                    Arguments.of("patientId", Json.parse("12345"), "string"),
                    Arguments.of("description", Json.parse("{\"text\":\"x\"}"), "string"),
                    Arguments.of("requestedPeriod", Json.parse("{}"), "array"));
        }

        @ParameterizedTest
        @MethodSource("wrongTypes")
        void refusesAValueOfTheWrongType(String field, JsonNode value, String expectedType) {
            ObjectNode body = Fixtures.booked(Fixtures.patientId());
            body.set(field, value);

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    SchemaViolations.type(field, expectedType));
        }

        @Test
        void refusesAStatusThatIsNotAString() {
            ObjectNode body = Fixtures.booked(Fixtures.patientId());
            body.putArray("status").add("booked");

            assertRejectedNaming(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR, "status");
        }

        @Test
        void refusesMoreThanTwentyPreferredWindows() {
            ObjectNode body = Json.object("status", "proposed", "patientId", Fixtures.patientId());
            ArrayNode windows = body.putArray("requestedPeriod");
            for (int i = 0; i < 21; i++) {
                windows.add(Json.object("start", "2031-03-11T08:00:00Z", "end", "2031-03-11T09:00:00Z"));
            }

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    SchemaViolations.maxItems("requestedPeriod", 20));
        }

        @ParameterizedTest
        @ValueSource(strings = {"start", "end"})
        void refusesAPreferredWindowWithoutBothEnds(String missing) {
            ObjectNode body = Fixtures.proposed(Fixtures.patientId());
            ((ObjectNode) body.path("requestedPeriod").get(1)).remove(missing);

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    SchemaViolations.required("requestedPeriod[1]." + missing));
        }

        @Test
        void reportsEveryBrokenFieldAtOnce() {
            ObjectNode body = Json.object("status", "booked", "priority", 12, "minutesDuration", 0,
                    "start", "2031-03-10T09:00:00Z");

            ApiResponse response = api.post(COLLECTION).json(body).send();

            assertRejected(response, ErrorCode.VALIDATION_ERROR);
            assertThat(response.issueFields()).contains("patientId", "priority", "minutesDuration");
        }

        @Test
        void refusesABodyThatIsNotAnObject() {
            ApiResponse response = api.post(COLLECTION).body("[{\"status\":\"booked\"}]").send();

            assertThat(response.status()).as("%s", response).isIn(400, 422);
            assertThat(response.issueFields()).as("%s", response).contains("body");
        }
    }

    @Nested
    class RefusedByBusinessRules {

        private final OffsetDateTime nine = Fixtures.DAY.plusHours(9);

        /**
         * NUL cannot be stored in PostgreSQL, an unpaired surrogate not in UTF-8: refused on every
         * target. Sent escaped in the JSON, as clients send them.
         */
        @ParameterizedTest
        @ValueSource(strings = {"a\\u0000b", "a\\ud800b", "\\udc00"})
        void refusesTextThatCannotBeStoredAsSent(String escapedText) {
            String body = "{\"status\":\"proposed\",\"patientId\":\"" + Fixtures.patientId()
                    + "\",\"comment\":\"" + escapedText + "\"}";

            assertRejected(api.post(COLLECTION).body(body).send(), ErrorCode.VALIDATION_ERROR,
                    StorableText.check("comment", "\u0000").orElseThrow());
        }

        @Test
        void refusesAnEndBeforeTheStart() {
            ObjectNode body = Fixtures.bookedAt(Fixtures.patientId(), nine, 30).put("end", Fixtures.iso(nine.minusMinutes(5)));

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    RuleIssues.only(AppointmentStatus.BOOKED, nine, nine.minusMinutes(5), null));
        }

        @Test
        void refusesAnEndEqualToTheStart() {
            ObjectNode body = Fixtures.bookedAt(Fixtures.patientId(), nine, 30).put("end", Fixtures.iso(nine));

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    RuleIssues.only(AppointmentStatus.BOOKED, nine, nine, null));
        }

        @Test
        void refusesAStartWithoutEndOrDuration() {
            ObjectNode body = Json.object("status", "booked", "patientId", Fixtures.patientId(), "start", Fixtures.iso(nine));

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    RuleIssues.only(AppointmentStatus.BOOKED, nine, null, null));
        }

        @Test
        void refusesAnEndWithoutStart() {
            ObjectNode body = Json.object("status", "proposed", "patientId", Fixtures.patientId(), "end", Fixtures.iso(nine));

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    RuleIssues.only(AppointmentStatus.PROPOSED, null, nine, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"pending", "booked", "arrived", "fulfilled", "noshow", "checked-in"})
        void refusesAStatusThatNeedsTimesWithoutThem(String status) {
            ObjectNode body = Json.object("status", status, "patientId", Fixtures.patientId());
            AppointmentStatus parsed = AppointmentStatus.fromWire(status).orElseThrow();

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    RuleIssues.only(parsed, null, null, null));
        }

        @Test
        void refusesACancelationReasonOnABookedAppointment() {
            ObjectNode body = Fixtures.bookedAt(Fixtures.patientId(), nine, 30).put("cancelationReason", "Because");

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    RuleIssues.only(AppointmentStatus.BOOKED, nine, nine.plusMinutes(30), "Because"));
        }

        @Test
        void refusesACancelledAppointmentWithoutReason() {
            ObjectNode body = Json.object("status", "cancelled", "patientId", Fixtures.patientId());

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    RuleIssues.only(AppointmentStatus.CANCELLED, null, null, null));
        }

        @Test
        void refusesAPreferredWindowThatEndsBeforeItStarts() {
            ObjectNode body = Fixtures.proposed(Fixtures.patientId());
            ((ObjectNode) body.path("requestedPeriod").get(1)).put("end", "2031-03-12T12:00:00Z");
            List<TimeWindow> windows = List.of(
                    new TimeWindow(OffsetDateTime.parse("2031-03-11T08:00:00Z"), OffsetDateTime.parse("2031-03-11T12:00:00Z")),
                    new TimeWindow(OffsetDateTime.parse("2031-03-12T13:00:00Z"), OffsetDateTime.parse("2031-03-12T12:00:00Z")));

            assertRejected(api.post(COLLECTION).json(body).send(), ErrorCode.VALIDATION_ERROR,
                    RuleIssues.only(AppointmentStatus.PROPOSED, null, null, null, windows));
        }

        @Test
        void storesNothingWhenARuleIsBroken() {
            String patient = Fixtures.patientId();
            ObjectNode body = Fixtures.bookedAt(patient, nine, 30).put("end", Fixtures.iso(nine.minusHours(1)));

            api.post(COLLECTION).json(body).send();

            assertThat(appointments.searchByPatient(patient).path("total").asLong()).isZero();
        }
    }

    @Test
    void answersWithARequestIdThatIsNewForEveryRequest() {
        ApiResponse first = api.post(COLLECTION).json(Fixtures.booked(Fixtures.patientId())).send();
        ApiResponse second = api.post(COLLECTION).json(Fixtures.booked(Fixtures.patientId())).send();

        assertThat(first.header(ApiHeaders.REQUEST_ID)).isPresent().isNotEqualTo(second.header(ApiHeaders.REQUEST_ID));
    }

    static Instant instant(JsonNode node, String field) {
        return OffsetDateTime.parse(node.path(field).asText()).toInstant();
    }
}
