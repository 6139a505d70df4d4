package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates and date-times at the edges of what {@code java.time} reads: the mock takes exactly what the
 * service takes (RFC 3339, four-digit years, 0001-01-01 to 9999-12-31 in UTC), refuses the rest as
 * the service does, naming the parameter or field, and never answers a 5xx. Responses are checked
 * against the spec.
 */
class SupportedTimesTest {

    private static final String OUT_OF_RANGE = "must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z in UTC";
    private static final String RFC_3339_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    ApiClient api;

    @BeforeEach
    void newSandbox() {
        api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
    }

    @Nested
    class Search {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "dateFrom=%2B300000-01-01 | dateFrom: must be a date (YYYY-MM-DD)",
                "dateTo=%2B999999999-12-31 | dateTo: must be a date (YYYY-MM-DD)",
                "dateFrom=-999999999-01-01 | dateFrom: must be a date (YYYY-MM-DD)",
                "dateTo=%2B10000-01-01 | dateTo: must be a date (YYYY-MM-DD)",
                "dateFrom=-0001-12-31 | dateFrom: must be a date (YYYY-MM-DD)",
                "dateFrom=0000-12-31 | dateFrom: must be from 0001-01-01 to 9999-12-31",
                "dateFrom=2026-01-01&dateTo=0000-01-01 | dateTo: must be from 0001-01-01 to 9999-12-31"})
        void refusesDatesOutsideTheSupportedRangeNamingTheParameter(String query, String diagnostics) {
            Reply reply = api.search(query);

            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("INVALID_PARAMETER");
            assertThat(reply.diagnostics()).containsExactly(diagnostics);
        }

        @Test
        void theWholeSupportedRangeFindsAppointmentsOnItsFirstAndLastDays() {
            String first = api.createdId("""
                    {"status": "booked", "patientId": "pat_edges", "start": "0001-01-01T00:00:00Z", "minutesDuration": 30}""");
            String last = api.createdId("""
                    {"status": "booked", "patientId": "pat_edges", "start": "9999-12-31T23:29:59.999999Z", "minutesDuration": 30}""");

            Reply all = api.search("patientId=pat_edges&dateFrom=0001-01-01&dateTo=9999-12-31");
            Reply lastDay = api.search("patientId=pat_edges&dateFrom=9999-12-31");

            assertThat(all.data().path("data").findValuesAsText("id")).containsExactly(first, last);
            assertThat(lastDay.data().path("data").findValuesAsText("id")).containsExactly(last);
            assertThat(lastDay.data().path("data").get(0).path("end").asText()).isEqualTo("9999-12-31T23:59:59.999999Z");
        }
    }

    @Nested
    class Create {

        @ParameterizedTest
        @ValueSource(strings = {"9999-12-31T23:59:59-18:00", "9999-12-31T18:00:00-06:00", "0001-01-01T00:00:00+00:01",
                "0001-01-01T17:59:59+18:00", "0000-12-31T23:59:59Z"})
        void refusesADateTimeWhoseUtcInstantIsOutOfRangeNamingTheField(String start) {
            Reply reply = api.create("""
                    {"status": "booked", "patientId": "pat_1", "start": "%s", "minutesDuration": 30}""".formatted(start));

            assertThat(reply.status()).as(reply.body()).isEqualTo(422);
            assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
            assertThat(reply.diagnostics()).containsExactly("start: " + OUT_OF_RANGE);
            assertThat(reply.body()).doesNotContain(start);
        }

        @ParameterizedTest
        @ValueSource(strings = {"+10000-01-01T17:59:59Z", "+300000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "-0001-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "2016-12-31T23:59:60Z", "2026-12-01T09:00:00+18:30"})
        void refusesADateTimeThatIsNotRfc3339WithAFourDigitYear(String start) {
            Reply reply = api.create("""
                    {"status": "booked", "patientId": "pat_1", "start": "%s", "minutesDuration": 30}""".formatted(start));

            assertThat(reply.status()).as(reply.body()).isEqualTo(422);
            assertThat(reply.diagnostics()).containsExactly("start: must be an ISO 8601 date-time with offset");
        }

        @Test
        void namesEveryDateTimeFieldOutsideTheRangeInSchemaOrder() {
            Reply reply = api.create("""
                    {"status": "proposed", "patientId": "pat_1", "created": "9999-12-31T23:59:59-18:00",
                     "requestedPeriod": [{"start": "2026-12-01T09:00:00Z", "end": "9999-12-31T12:00:00-12:00:00"},
                                         {"start": "2026-12-01T09:00:00Z", "end": "9999-12-31T23:00:00-01:00"}]}""");

            assertThat(reply.status()).as(reply.body()).isEqualTo(422);
            assertThat(reply.diagnostics()).containsExactly(
                    "created: " + OUT_OF_RANGE,
                    "requestedPeriod[0].end: must be an ISO 8601 date-time with offset",
                    "requestedPeriod[1].end: " + OUT_OF_RANGE);
        }

        @Test
        void listsAnOutOfRangeDateTimeWithTheOtherShapeProblemsBeforeValueProblems() {
            Reply reply = api.create("""
                    {"patientId": 7, "priority": 10, "start": "9999-12-31T23:59:59-18:00", "minutesDuration": 30}""");

            assertThat(reply.status()).as(reply.body()).isEqualTo(422);
            assertThat(reply.diagnostics()).containsExactly(
                    "status: is required",
                    "patientId: must be of type string",
                    "start: " + OUT_OF_RANGE,
                    "priority: must be between 0 and 9");
        }

        @Test
        void refusesADurationThatWouldEndPastTheLastSupportedInstant() {
            Reply reply = api.create("""
                    {"status": "booked", "patientId": "pat_1", "start": "9999-12-31T23:45:00Z", "minutesDuration": 15}""");

            assertThat(reply.status()).as(reply.body()).isEqualTo(422);
            assertThat(reply.diagnostics()).containsExactly(
                    "minutesDuration: must not take end (start + minutesDuration) past 9999-12-31T23:59:59.999999999Z");
        }

        @Test
        void answersTheEdgesOfTheSupportedRangeInUtcWithFourDigitYears() {
            Reply reply = api.create("""
                    {"status": "booked", "patientId": "pat_1", "created": "0001-01-01T18:00:00+18:00",
                     "start": "9999-12-31T05:58:59.999999-18:00", "end": "9999-12-31T23:59:59.999999999Z"}""");

            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            assertThat(reply.data().path("created").asText()).isEqualTo("0001-01-01T00:00:00Z");
            assertThat(reply.data().path("start").asText()).isEqualTo("9999-12-31T23:58:59.999999Z");
            assertThat(reply.data().path("end").asText()).isEqualTo("9999-12-31T23:59:59.999999Z");
            assertThat(reply.data().path("updatedAt").asText()).matches(RFC_3339_UTC);
            assertThat(reply.json().path("meta").path("timestamp").asText()).matches(RFC_3339_UTC);
            assertThat(api.read(reply.id()).data()).isEqualTo(reply.data());
        }
    }

    @Nested
    class Update {

        String id;

        @BeforeEach
        void givenABookedAppointment() {
            id = api.createdId("""
                    {"status": "booked", "patientId": "pat_1", "start": "2026-12-01T09:00:00Z", "minutesDuration": 30}""");
        }

        @Test
        void refusesAStartOutsideTheSupportedRangeNamingItAndChangesNothing() {
            Reply reply = api.update(id, """
                    {"start": "9999-12-31T23:59:59-18:00", "end": "+10000-01-01T18:29:59Z"}""");

            assertThat(reply.status()).as(reply.body()).isEqualTo(422);
            assertThat(reply.diagnostics()).containsExactly(
                    "start: " + OUT_OF_RANGE, "end: must be an ISO 8601 date-time with offset");
            assertThat(api.read(id).data().path("version").asLong()).isEqualTo(1);
        }

        @Test
        void refusesADurationThatWouldEndPastTheLastSupportedInstantAndChangesNothing() {
            assertThat(api.update(id, """
                    {"start": "9999-12-31T23:00:00Z", "end": "9999-12-31T23:30:00Z"}""").status()).isEqualTo(200);

            Reply reply = api.update(id, "{\"minutesDuration\": 60}");

            assertThat(reply.status()).as(reply.body()).isEqualTo(422);
            assertThat(reply.diagnostics()).containsExactly(
                    "minutesDuration: must not take end (start + minutesDuration) past 9999-12-31T23:59:59.999999999Z");
            assertThat(api.read(id).data().path("end").asText()).isEqualTo("9999-12-31T23:30:00Z");
        }
    }
}
