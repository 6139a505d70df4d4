package com.clinikapi.server.appointment;

import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/appointments}. */
abstract class CreateAppointmentTest extends ApiTest {

    CreateAppointmentTest(Database database) {
        super(database);
    }

    static class OnH2 extends CreateAppointmentTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends CreateAppointmentTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    /** How the API answers every date-time: RFC 3339 in UTC, four-digit year, seconds always written. */
    private static final String RFC_3339_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";

    private ApiResponse post(String body) {
        return api.post("/v1/appointments", body).send();
    }

    @Nested
    class WhenTheAppointmentIsValid {

        @Test
        void answers201WithTheStoredAppointmentAndItsLocation() {
            // given
            String patient = uniquePatient();

            // when
            ApiResponse response = post(Bodies.booked(patient));

            // then
            assertThat(response.status()).isEqualTo(201);
            String id = response.text("data.id");
            assertThat(id).matches("^appt_[A-Za-z0-9_-]+$");
            assertThat(response.header("Location")).hasValue("/v1/appointments/" + id);
            assertThat(response.text("data.status")).isEqualTo("booked");
            assertThat(response.text("data.patientId")).isEqualTo(patient);
            assertThat(response.number("data.version")).isEqualTo(1);
            assertThat(response.text("data.created")).isEqualTo(response.text("data.updatedAt"));

            ApiResponse read = api.get("/v1/appointments/" + id).send();
            assertThat(read.at("data")).isEqualTo(response.at("data"));
        }

        @Test
        void derivesEndFromStartAndMinutesDuration() {
            // when
            ApiResponse response = post(Bodies.booked(uniquePatient(), "2026-12-01T09:00:00Z"));

            // then
            assertThat(response.text("data.end")).isEqualTo("2026-12-01T09:30:00Z");
            assertThat(response.number("data.minutesDuration")).isEqualTo(30);
        }

        @Test
        void answersTheEdgesOfTheSupportedRangeInUtcWithFourDigitYears() {
            // when
            ApiResponse response = post("""
                    {"status":"booked","patientId":"%s","created":"0001-01-01T18:00:00+18:00",
                     "start":"9999-12-31T05:58:59.999999-18:00","end":"9999-12-31T23:59:59.999999999Z"}"""
                    .formatted(uniquePatient()));

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            assertThat(response.text("data.created")).isEqualTo("0001-01-01T00:00:00Z");
            assertThat(response.text("data.start")).isEqualTo("9999-12-31T23:58:59.999999Z");
            assertThat(response.text("data.end")).isEqualTo("9999-12-31T23:59:59.999999Z");
            assertThat(response.text("data.updatedAt")).matches(RFC_3339_UTC);
            assertThat(response.text("meta.timestamp")).matches(RFC_3339_UTC);
            assertThat(api.get("/v1/appointments/" + response.text("data.id")).send().at("data"))
                    .isEqualTo(response.at("data"));
        }

        @Test
        void answersTimesInUtcTruncatedToMicroseconds() {
            // when
            ApiResponse response = post("""
                    {"status":"booked","patientId":"%s","start":"2026-12-01T10:00:00.1234567+01:00",
                     "end":"2026-12-01T10:30:00+01:00"}""".formatted(uniquePatient()));

            // then
            assertThat(response.text("data.start")).isEqualTo("2026-12-01T09:00:00.123456Z");
            assertThat(response.text("data.end")).isEqualTo("2026-12-01T09:30:00Z");
        }

        @Test
        void defaultsCreatedToNowAndKeepsACreatedTheClientSent() {
            // given
            OffsetDateTime before = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);

            // when
            ApiResponse defaulted = post(Bodies.proposed(uniquePatient()));
            ApiResponse given = post("""
                    {"status":"proposed","patientId":"%s","created":"2026-11-20T14:03:11Z"}""".formatted(uniquePatient()));

            // then
            assertThat(OffsetDateTime.parse(defaulted.text("data.created"))).isAfterOrEqualTo(before);
            assertThat(given.text("data.created")).isEqualTo("2026-11-20T14:03:11Z");
        }

        @Test
        void storesEveryFieldOfTheSchema() {
            // when
            ApiResponse response = post("""
                    {"status":"booked","patientId":"pat_1","practitionerId":"%s","basedOnId":"sr_3",
                     "start":"2026-12-01T09:00:00Z","end":"2026-12-01T09:45:00Z","minutesDuration":45,
                     "priority":3,"appointmentType":"followup","serviceType":"General practice",
                     "serviceCategory":"Primary care","specialty":"Cardiology","reasonCode":"Review",
                     "description":"Follow-up","comment":"Bring results","patientInstruction":"Fast 8 hours",
                     "requestedPeriod":[{"start":"2026-12-02T08:00:00Z","end":"2026-12-02T12:00:00+01:00"}]}"""
                    .formatted(Bodies.uniquePractitioner()));

            // then
            assertThat(response.status()).isEqualTo(201);
            ApiResponse read = api.get("/v1/appointments/" + response.text("data.id")).send();
            assertThat(read.text("data.basedOnId")).isEqualTo("sr_3");
            assertThat(read.number("data.priority")).isEqualTo(3);
            assertThat(read.text("data.serviceCategory")).isEqualTo("Primary care");
            assertThat(read.text("data.specialty")).isEqualTo("Cardiology");
            assertThat(read.text("data.patientInstruction")).isEqualTo("Fast 8 hours");
            assertThat(read.text("data.requestedPeriod[0].start")).isEqualTo("2026-12-02T08:00:00Z");
            assertThat(read.text("data.requestedPeriod[0].end")).isEqualTo("2026-12-02T11:00:00Z");
            assertThat(read.has("data.cancelationReason")).as("absent fields are omitted").isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"pending", "booked", "arrived", "fulfilled", "noshow", "checked-in"})
        void acceptsEveryStatusThatNeedsTimes(String status) {
            // when
            ApiResponse response = post("""
                    {"status":"%s","patientId":"pat_1","start":"2026-12-01T09:00:00Z","minutesDuration":15}"""
                    .formatted(status));

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            assertThat(response.text("data.status")).isEqualTo(status);
        }

        @ParameterizedTest
        @ValueSource(strings = {"proposed", "waitlist"})
        void acceptsStatusesThatMayLackTimesWithoutTimes(String status) {
            // when
            ApiResponse response = post("""
                    {"status":"%s","patientId":"pat_1"}""".formatted(status));

            // then
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.has("data.start")).isFalse();
        }

        @Test
        void acceptsACancelledAppointmentWithItsReason() {
            // when
            ApiResponse response = post("""
                    {"status":"cancelled","patientId":"pat_1","cancelationReason":"Patient called"}""");

            // then
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.text("data.cancelationReason")).isEqualTo("Patient called");
        }

        @Test
        void ignoresUnknownFields() {
            // when
            ApiResponse response = post("""
                    {"status":"proposed","patientId":"pat_1","colour":"blue","nested":{"a":[1,2]}}""");

            // then
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.has("data.colour")).isFalse();
        }

        @Test
        void acceptsAFhirJsonBody() {
            // when
            ApiResponse response = api.post("/v1/appointments", Bodies.proposed(uniquePatient()))
                    .contentType("application/fhir+json").send();

            // then
            assertThat(response.status()).isEqualTo(201);
        }
    }

    @Nested
    class WhenTheBodyBreaksTheSchema {

        @Test
        void namesEveryMissingRequiredField() {
            // when
            ApiResponse response = post("""
                    {"practitionerId":"prac_1"}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.text("code")).isEqualTo("VALIDATION_ERROR");
            assertThat(response.diagnostics()).containsExactlyInAnyOrder("status: is required", "patientId: is required");
            assertThat(response.text("issues[0].code")).isEqualTo("required");
            assertThat(response.text("issues[0].severity")).isEqualTo("error");
        }

        @Test
        void rejectsAnUnknownStatus() {
            // when
            ApiResponse response = post("""
                    {"status":"confirmed","patientId":"pat_1"}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("status: must be one of the documented values");
        }

        @Test
        void rejectsADateTimeWithoutOffsetOrInAnotherFormat() {
            // when
            ApiResponse response = post("""
                    {"status":"booked","patientId":"pat_1","start":"2026-12-01T09:00:00","end":"01/12/2026"}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly(
                    "start: must be an ISO 8601 date-time with offset", "end: must be an ISO 8601 date-time with offset");
        }

        @ParameterizedTest
        @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "2026-12-01T09:00Z", "2026-12-01 09:00:00Z",
                "2026-12-01T09:00:00+0100", "2026-02-30T09:00:00Z", "2026-12-01T25:00:00Z", "+10000-01-01T17:59:59Z",
                "+300000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
                "2016-12-31T23:59:60Z", "2026-12-01T09:00:00+18:30"})
        void rejectsDateTimesThatAreNotRfc3339(String start) {
            // when
            ApiResponse response = post("""
                    {"status":"booked","patientId":"pat_1","start":"%s","minutesDuration":30}""".formatted(start));

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("start: must be an ISO 8601 date-time with offset");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0001-01-01T00:00:00Z", "9999-12-31T22:00:00-01:00", "2026-12-01t09:00:00.123456789z"})
        void acceptsEveryRfc3339DateTimeAtTheEdgesOfTheRange(String start) {
            // when
            ApiResponse response = post("""
                    {"status":"booked","patientId":"pat_1","start":"%s","minutesDuration":30}""".formatted(start));

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(201);
        }

        @ParameterizedTest
        @ValueSource(strings = {"9999-12-31T23:59:59-18:00", "9999-12-31T18:00:00-06:00", "0001-01-01T00:00:00+00:01",
                "0001-01-01T17:59:59+18:00", "0000-12-31T23:59:59Z"})
        void rejectsDateTimesWhoseUtcInstantIsOutsideTheSupportedRange(String start) {
            // when
            ApiResponse response = post("""
                    {"status":"booked","patientId":"pat_1","start":"%s","minutesDuration":30}""".formatted(start));

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.text("code")).isEqualTo("VALIDATION_ERROR");
            assertThat(response.diagnostics())
                    .containsExactly("start: must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z in UTC");
            assertThat(response.body()).doesNotContain(start);
        }

        @Test
        void rejectsEveryDateTimeFieldOutsideTheSupportedRangeNamingIt() {
            // when
            ApiResponse response = post("""
                    {"status":"proposed","patientId":"pat_1","created":"9999-12-31T23:59:59-18:00",
                     "requestedPeriod":[{"start":"2026-12-01T09:00:00Z","end":"9999-12-31T12:00:00-12:00:00"},
                                        {"start":"2026-12-01T09:00:00Z","end":"9999-12-31T23:00:00-01:00"}]}""");

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly(
                    "created: must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z in UTC",
                    "requestedPeriod[0].end: must be an ISO 8601 date-time with offset",
                    "requestedPeriod[1].end: must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z in UTC");
        }

        @Test
        void listsAnOutOfRangeDateTimeWithTheOtherShapeProblemsBeforeValueProblems() {
            // when
            ApiResponse response = post("""
                    {"patientId":7,"priority":10,"start":"9999-12-31T23:59:59-18:00","minutesDuration":30}""");

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("status: is required", "patientId: must be of type string",
                    "start: must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z in UTC",
                    "priority: must be between 0 and 9");
        }

        @Test
        void rejectsWrongJsonTypesEvenWhereBindingWouldCoerceThem() {
            // when
            ApiResponse response = post("""
                    {"status":"proposed","patientId":123,"priority":"5","minutesDuration":1.5,"comment":true}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactlyInAnyOrder(
                    "patientId: must be of type string", "priority: must be of type integer",
                    "minutesDuration: must be of type integer", "comment: must be of type string");
            assertThat(response.text("issues[0].code")).isEqualTo("structure");
        }

        @Test
        void rejectsNumbersOutsideTheirRange() {
            // when
            ApiResponse response = post("""
                    {"status":"booked","patientId":"pat_1","start":"2026-12-01T09:00:00Z","minutesDuration":1441,
                     "priority":10}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly(
                    "minutesDuration: must be between 1 and 1440", "priority: must be between 0 and 9");
        }

        @Test
        void rejectsANumberTooLargeToBindAsItsDocumentedRange() {
            // when
            ApiResponse response = post("""
                    {"status":"proposed","patientId":"pat_1","priority":99999999999999999999}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("priority: must be between 0 and 9");
        }

        @Test
        void rejectsTextsLongerThanTheirMaximum() {
            // when
            ApiResponse response = post("""
                    {"status":"proposed","patientId":"pat_1","appointmentType":"%s","description":"%s"}"""
                    .formatted("a".repeat(101), "d".repeat(2001)));

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly(
                    "appointmentType: must be at most 100 characters", "description: must be at most 2000 characters");
        }

        @Test
        void countsLengthsInCharactersNotUtf16Units() {
            // given 200 emoji: 200 characters, 400 UTF-16 units; and one more
            String emoji = "\uD83D\uDE00";

            // when
            ApiResponse fits = post("""
                    {"status":"proposed","patientId":"pat_1","serviceType":"%s"}""".formatted(emoji.repeat(200)));
            ApiResponse tooLong = post("""
                    {"status":"proposed","patientId":"pat_1","serviceType":"%s"}""".formatted(emoji.repeat(201)));

            // then
            assertThat(fits.status()).as(fits.body()).isEqualTo(201);
            assertThat(api.get("/v1/appointments/" + fits.text("data.id")).send().text("data.serviceType"))
                    .isEqualTo(emoji.repeat(200));
            assertThat(tooLong.status()).isEqualTo(422);
            assertThat(tooLong.diagnostics()).containsExactly("serviceType: must be at most 200 characters");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a\\u0000b", "a\\ud800b", "\\udc00"})
        void rejectsTextTheDatabaseCouldNotStoreAsSent(String escapedText) {
            // when: a NUL, or an unpaired surrogate, escaped in the JSON as clients send them
            ApiResponse response = post("""
                    {"status":"proposed","patientId":"pat_1","comment":"%s"}""".formatted(escapedText));

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.diagnostics())
                    .containsExactly("comment: must not contain NUL (U+0000) or unpaired surrogate characters");
        }

        @Test
        void rejectsReferenceIdsOutsideTheirPattern() {
            // when
            ApiResponse response = post("""
                    {"status":"proposed","patientId":"pat 1/2","practitionerId":""}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).contains("patientId: must match ^[A-Za-z0-9._-]{1,128}$",
                    "practitionerId: must be at least 1 characters");
        }

        @Test
        void namesTheNestedFieldOfARequestedPeriod() {
            // when
            ApiResponse response = post("""
                    {"status":"proposed","patientId":"pat_1","requestedPeriod":[
                      {"start":"2026-12-02T08:00:00Z","end":"2026-12-02T09:00:00Z"},
                      {"end":"2026-12-02T09:00:00Z"},
                      {"start":"tomorrow","end":"2026-12-02T09:00:00Z"}]}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly(
                    "requestedPeriod[1].start: is required",
                    "requestedPeriod[2].start: must be an ISO 8601 date-time with offset");
        }

        @Test
        void rejectsMoreRequestedPeriodsThanAllowed() {
            // given
            String window = "{\"start\":\"2026-12-02T08:00:00Z\",\"end\":\"2026-12-02T09:00:00Z\"}";
            String windows = String.join(",", java.util.Collections.nCopies(21, window));

            // when
            ApiResponse response = post("""
                    {"status":"proposed","patientId":"pat_1","requestedPeriod":[%s]}""".formatted(windows));

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("requestedPeriod: must have at most 20 items");
        }

        @Test
        void rejectsAnExplicitNullForAFieldThatIsNotNullable() {
            // when
            ApiResponse response = post("""
                    {"status":"proposed","patientId":"pat_1","comment":null}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("comment: must not be null");
        }
    }

    @Nested
    class WhenABusinessRuleIsBroken {

        @Test
        void rejectsADurationThatWouldEndPastTheLastSupportedInstant() {
            // when
            ApiResponse response = post("""
                    {"status":"booked","patientId":"pat_1","start":"9999-12-31T23:45:00Z","minutesDuration":15}""");

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly(
                    "minutesDuration: must not take end (start + minutesDuration) past 9999-12-31T23:59:59.999999999Z");
        }

        @Test
        void rejectsEndBeforeStart() {
            // when
            ApiResponse response = post("""
                    {"status":"booked","patientId":"pat_1","start":"2026-12-01T10:00:00Z","end":"2026-12-01T09:00:00Z"}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("end: must be after start");
            assertThat(response.text("issues[0].code")).isEqualTo("business-rule");
        }

        @Test
        void rejectsStartWithoutEndOrDuration() {
            // when
            ApiResponse response = post("""
                    {"status":"booked","patientId":"pat_1","start":"2026-12-01T10:00:00Z"}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics())
                    .containsExactly("end: is required when start is given; send end or minutesDuration");
        }

        @Test
        void rejectsEndWithoutStart() {
            // when
            ApiResponse response = post("""
                    {"status":"booked","patientId":"pat_1","end":"2026-12-01T10:00:00Z"}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("start: is required when end is given");
        }

        @Test
        void rejectsABookedAppointmentWithoutTimes() {
            // when
            ApiResponse response = post("""
                    {"status":"booked","patientId":"pat_1"}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics())
                    .containsExactly("start: is required unless status is proposed, cancelled or waitlist");
        }

        @Test
        void rejectsACancelationReasonUnlessCancelledOrNoShow() {
            // when
            ApiResponse response = post("""
                    {"status":"proposed","patientId":"pat_1","cancelationReason":"Changed mind"}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics())
                    .containsExactly("cancelationReason: is allowed only when status is cancelled or noshow");
        }

        @Test
        void rejectsACancelledAppointmentWithoutReason() {
            // when
            ApiResponse response = post("""
                    {"status":"cancelled","patientId":"pat_1"}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("cancelationReason: is required when status is cancelled");
        }

        @Test
        void rejectsARequestedPeriodThatEndsBeforeItStarts() {
            // when
            ApiResponse response = post("""
                    {"status":"proposed","patientId":"pat_1","requestedPeriod":[
                      {"start":"2026-12-02T08:00:00Z","end":"2026-12-02T09:00:00Z"},
                      {"start":"2026-12-02T10:00:00Z","end":"2026-12-02T09:00:00Z"}]}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("requestedPeriod[1].end: must be after start");
        }

        @Test
        void reportsEveryBrokenRuleAtOnce() {
            // when
            ApiResponse response = post("""
                    {"status":"booked","patientId":"pat_1","start":"2026-12-01T10:00:00Z",
                     "end":"2026-12-01T09:00:00Z","cancelationReason":"x"}""");

            // then
            assertThat(response.diagnostics()).containsExactly("end: must be after start",
                    "cancelationReason: is allowed only when status is cancelled or noshow");
        }
    }
}
