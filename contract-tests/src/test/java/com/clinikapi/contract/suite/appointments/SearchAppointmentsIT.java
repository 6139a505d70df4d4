package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.ApiLimits;
import com.clinikapi.contract.ApiMediaTypes;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.KeyRole;
import com.clinikapi.contract.suite.target.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

import static com.clinikapi.contract.suite.appointments.Appointments.COLLECTION;
import static com.clinikapi.contract.suite.appointments.Rejections.assertRejected;
import static com.clinikapi.contract.suite.appointments.Rejections.assertRejectedNaming;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/appointments}: filters, orders, page shape and the refused parameters. */
class SearchAppointmentsIT {

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);

    static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.path("data").spliterator(), false).toList();
    }

    static List<String> ids(JsonNode page) {
        return items(page).stream().map(a -> a.path("id").asText()).toList();
    }

    @Nested
    class Filters {

        @Test
        void findsOnlyThePatientsAppointments() {
            String patient = Fixtures.patientId();
            String first = appointments.create(Fixtures.booked(patient)).path("id").asText();
            String second = appointments.create(Fixtures.proposed(patient)).path("id").asText();
            appointments.create(Fixtures.booked(Fixtures.patientId()));

            JsonNode page = appointments.searchByPatient(patient);

            assertThat(ids(page)).containsExactlyInAnyOrder(first, second);
            assertThat(page.path("total").asLong()).isEqualTo(2);
            assertThat(page.path("hasMore").asBoolean()).isFalse();
            assertThat(page.path("cursor").isNull() || page.path("cursor").isMissingNode()).isTrue();
        }

        @Test
        void filtersByPractitionerAndStatus() {
            String patient = Fixtures.patientId();
            String practitioner = Fixtures.practitionerId();
            String match = appointments.create(Fixtures.booked(patient).put("practitionerId", practitioner)).path("id").asText();
            appointments.create(Fixtures.booked(patient));
            // Later the same day: two appointments holding one practitioner's time may not overlap.
            appointments.create(Fixtures.booked(patient).put("practitionerId", practitioner).put("status", "arrived")
                    .put("start", "2031-03-10T11:00:00Z"));

            JsonNode page = appointments.searchByPatient(patient, "practitionerId", practitioner, "status", "booked");

            assertThat(ids(page)).containsExactly(match);
            assertThat(page.path("total").asLong()).isEqualTo(1);
        }

        @Test
        void findsByPractitionerAlone() {
            String practitioner = Fixtures.practitionerId();
            String id = appointments.create(Fixtures.booked(Fixtures.patientId()).put("practitionerId", practitioner))
                    .path("id").asText();

            ApiResponse response = api.get(COLLECTION).query("practitionerId", practitioner).send();

            assertThat(response.status()).as("%s", response).isEqualTo(200);
            assertThat(ids(response.data())).containsExactly(id);
        }

        @Test
        void boundsStartByWholeUtcDaysInclusive() {
            String patient = Fixtures.patientId();
            OffsetDateTime day = Fixtures.DAY;
            String dayBefore = create(patient, day.minusSeconds(1));
            String firstInstant = create(patient, day);
            String lastSecond = create(patient, day.plusDays(1).minusSeconds(1));
            String dayAfter = create(patient, day.plusDays(1));
            String untimed = appointments.create(Fixtures.proposed(patient)).path("id").asText();

            assertThat(ids(appointments.searchByPatient(patient, "dateFrom", "2031-03-10", "dateTo", "2031-03-10")))
                    .containsExactly(firstInstant, lastSecond);
            assertThat(ids(appointments.searchByPatient(patient, "dateFrom", "2031-03-10")))
                    .containsExactly(firstInstant, lastSecond, dayAfter);
            assertThat(ids(appointments.searchByPatient(patient, "dateTo", "2031-03-10")))
                    .containsExactly(dayBefore, firstInstant, lastSecond);
            assertThat(ids(appointments.searchByPatient(patient))).contains(untimed).hasSize(5);
        }

        @Test
        void countsAllMatchesInTotalWhileServingOnePage() {
            String patient = Fixtures.patientId();
            for (int i = 0; i < 5; i++) {
                create(patient, Fixtures.DAY.plusHours(i));
            }

            JsonNode page = appointments.searchByPatient(patient, "count", 2);

            assertThat(items(page)).hasSize(2);
            assertThat(page.path("total").asLong()).isEqualTo(5);
            assertThat(page.path("hasMore").asBoolean()).isTrue();
            assertThat(page.path("cursor").asText()).isNotBlank();
        }

        @Test
        void servesTwentyByDefault() {
            String patient = Fixtures.patientId();
            for (int i = 0; i < ApiLimits.DEFAULT_PAGE_SIZE + 1; i++) {
                create(patient, Fixtures.DAY.plusMinutes(30L * i));
            }

            JsonNode page = appointments.searchByPatient(patient);

            assertThat(items(page)).hasSize(ApiLimits.DEFAULT_PAGE_SIZE);
            assertThat(page.path("hasMore").asBoolean()).isTrue();
        }

        @Test
        void answersAnEmptyPageWhenNothingMatches() {
            JsonNode page = appointments.searchByPatient(Fixtures.patientId());

            assertThat(items(page)).isEmpty();
            assertThat(page.path("total").asLong()).isZero();
            assertThat(page.path("hasMore").asBoolean()).isFalse();
        }

        @Test
        void answersWithoutAnyFilter() {
            ApiResponse response = api.get(COLLECTION).query("count", 5).send();

            assertThat(response.status()).as("%s", response).isEqualTo(200);
            assertThat(items(response.data())).hasSizeLessThanOrEqualTo(5);
        }

        @Test
        void answersFhirJsonWhenAskedForIt() {
            ApiResponse response = api.get(COLLECTION).query("patientId", Fixtures.patientId())
                    .accept(ApiMediaTypes.FHIR_JSON).send();

            assertThat(response.status()).as("%s", response).isEqualTo(200);
            assertThat(response.mediaType()).isEqualTo(ApiMediaTypes.FHIR_JSON);
        }

        private String create(String patient, OffsetDateTime start) {
            return appointments.create(Fixtures.bookedAt(patient, start, 15)).path("id").asText();
        }
    }

    @Nested
    class Orders {

        @ParameterizedTest
        @ValueSource(strings = {"start", "-start"})
        void ordersByStartWithUntimedAppointmentsLastAscendingAndFirstDescending(String sort) {
            String patient = Fixtures.patientId();
            List<String> timed = new ArrayList<>();
            for (int hour : new int[] {11, 8, 15, 9}) {
                timed.add(appointments.create(Fixtures.bookedAt(patient, Fixtures.DAY.plusHours(hour), 10)).path("id").asText());
            }
            String untimed = appointments.create(Fixtures.proposed(patient)).path("id").asText();

            List<JsonNode> page = items(appointments.searchByPatient(patient, "sort", sort));

            List<OffsetDateTime> starts = page.stream().filter(a -> a.has("start"))
                    .map(a -> OffsetDateTime.parse(a.path("start").asText())).toList();
            Comparator<OffsetDateTime> order = Comparator.comparing(OffsetDateTime::toInstant);
            assertThat(starts).isSortedAccordingTo(sort.startsWith("-") ? order.reversed() : order).hasSize(4);
            String expectedUntimedPosition = sort.startsWith("-") ? page.get(0).path("id").asText()
                    : page.get(page.size() - 1).path("id").asText();
            assertThat(expectedUntimedPosition).isEqualTo(untimed);
        }

        @ParameterizedTest
        @ValueSource(strings = {"created", "-created"})
        void ordersByCreated(String sort) {
            String patient = Fixtures.patientId();
            for (String created : new String[] {"2031-01-05T10:00:00Z", "2031-01-03T10:00:00Z", "2031-01-04T10:00:00Z"}) {
                appointments.create(Fixtures.booked(patient).put("created", created));
            }

            List<OffsetDateTime> created = items(appointments.searchByPatient(patient, "sort", sort)).stream()
                    .map(a -> OffsetDateTime.parse(a.path("created").asText())).toList();

            Comparator<OffsetDateTime> order = Comparator.comparing(OffsetDateTime::toInstant);
            assertThat(created).hasSize(3).isSortedAccordingTo(sort.startsWith("-") ? order.reversed() : order);
        }

        @Test
        void ordersByStartAscendingByDefault() {
            String patient = Fixtures.patientId();
            String late = appointments.create(Fixtures.bookedAt(patient, Fixtures.DAY.plusHours(12), 10)).path("id").asText();
            String early = appointments.create(Fixtures.bookedAt(patient, Fixtures.DAY.plusHours(7), 10)).path("id").asText();

            assertThat(ids(appointments.searchByPatient(patient))).containsExactly(early, late);
        }
    }

    @Nested
    class RefusedParameters {

        @ParameterizedTest
        @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "99999999999"})
        void refusesACountOutsideOneToAHundred(String count) {
            ApiResponse response = api.get(COLLECTION).query("count", count).send();

            assertRejectedNaming(response, ErrorCode.INVALID_PARAMETER, "count");
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "1.5"})
        void refusesANonIntegerCountAsAWrongType(String count) {
            assertRejected(api.get(COLLECTION).query("count", count).send(), ErrorCode.INVALID_PARAMETER,
                    SchemaViolations.type("count", "integer"));
        }

        @Test
        void refusesAnEmptyCount() {
            assertRejectedNaming(api.get(COLLECTION + "?count=").send(), ErrorCode.INVALID_PARAMETER, "count");
        }

        @Test
        void refusesACountOverTheMaximumInTheSharedWording() {
            assertRejected(api.get(COLLECTION).query("count", 101).send(), ErrorCode.INVALID_PARAMETER,
                    SchemaViolations.between("count", 1, ApiLimits.MAX_PAGE_SIZE));
        }

        @ParameterizedTest
        @CsvSource({"dateFrom,2031-13-01", "dateFrom,yesterday", "dateTo,2031-03-10T00:00:00Z", "dateTo,10/03/2031"})
        void refusesABadDate(String parameter, String value) {
            assertRejected(api.get(COLLECTION).query(parameter, value).send(), ErrorCode.INVALID_PARAMETER,
                    SchemaViolations.date(parameter));
        }

        @ParameterizedTest
        @ValueSource(strings = {"dateFrom", "dateTo"})
        void refusesADayThatIsNotInTheCalendar(String parameter) {
            assertRejected(api.get(COLLECTION).query(parameter, "2031-02-30").send(), ErrorCode.INVALID_PARAMETER,
                    SchemaViolations.date(parameter));
        }

        @Test
        void refusesADateToBeforeTheDateFrom() {
            ApiResponse response = api.get(COLLECTION).query("dateFrom", "2031-03-10").query("dateTo", "2031-03-09").send();

            assertRejectedNaming(response, ErrorCode.INVALID_PARAMETER, "dateTo");
        }

        @ParameterizedTest
        @ValueSource(strings = {"name", "+start", "START", "-", "start,created"})
        void refusesAnUnknownSort(String sort) {
            assertRejected(api.get(COLLECTION).query("sort", sort).send(), ErrorCode.INVALID_PARAMETER,
                    SchemaViolations.oneOfEnum("sort"));
        }

        @Test
        void refusesAnUnknownStatus() {
            assertRejected(api.get(COLLECTION).query("status", "done").send(), ErrorCode.INVALID_PARAMETER,
                    SchemaViolations.oneOfEnum("status"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"patientId", "practitionerId"})
        void refusesAReferenceIdOutsideItsPattern(String parameter) {
            assertRejectedNaming(api.get(COLLECTION).query(parameter, "pat 1/2").send(), ErrorCode.INVALID_PARAMETER, parameter);
        }

        @ParameterizedTest
        @ValueSource(strings = {"garbage", "eyJ2IjoxfQ.c2lnbmF0dXJl", "a.b.c", "."})
        void refusesACursorItDidNotIssue(String cursor) {
            assertRejectedNaming(api.get(COLLECTION).query("cursor", cursor).send(), ErrorCode.INVALID_PARAMETER, "cursor");
        }

        @Test
        void refusesACursorLongerThanDocumented() {
            assertRejectedNaming(api.get(COLLECTION).query("cursor", "c".repeat(1025)).send(), ErrorCode.INVALID_PARAMETER, "cursor");
        }

        @Test
        void refusesATamperedCursor() {
            String cursor = firstPageCursor(Fixtures.patientId(), "start");
            String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("A") ? "BB" : "AA");

            assertRejectedNaming(api.get(COLLECTION).query("cursor", tampered).send(), ErrorCode.INVALID_PARAMETER, "cursor");
        }

        @Test
        void refusesACursorReplayedWithOtherFilters() {
            String patient = Fixtures.patientId();
            String cursor = firstPageCursor(patient, "start");

            ApiResponse response = api.get(COLLECTION).query("patientId", Fixtures.patientId()).query("count", 2)
                    .query("cursor", cursor).send();

            assertRejectedNaming(response, ErrorCode.INVALID_PARAMETER, "cursor");
        }

        @Test
        void refusesACursorReplayedWithAnotherOrder() {
            String patient = Fixtures.patientId();
            String cursor = firstPageCursor(patient, "start");

            ApiResponse response = api.get(COLLECTION).query("patientId", patient).query("sort", "-start")
                    .query("count", 2).query("cursor", cursor).send();

            assertRejectedNaming(response, ErrorCode.INVALID_PARAMETER, "cursor");
        }

        @Test
        void refusesACursorPresentedWithAnotherTenantsKey() {
            String otherKey = Targets.current().requireKey(KeyRole.OTHER_TENANT);
            String patient = Fixtures.patientId();
            String cursor = firstPageCursor(patient, "start");

            ApiResponse response = api.get(COLLECTION).key(otherKey).query("patientId", patient).query("count", 2)
                    .query("cursor", cursor).send();

            assertRejectedNaming(response, ErrorCode.INVALID_PARAMETER, "cursor");
        }

        @Test
        void refusesACursorPresentedInTheOtherMode() {
            String otherModeKey = Targets.current().requireKey(KeyRole.OTHER_MODE);
            String patient = Fixtures.patientId();
            String cursor = firstPageCursor(patient, "start");

            ApiResponse response = api.get(COLLECTION).key(otherModeKey).query("patientId", patient).query("count", 2)
                    .query("cursor", cursor).send();

            assertRejectedNaming(response, ErrorCode.INVALID_PARAMETER, "cursor");
        }

        private String firstPageCursor(String patient, String sort) {
            for (int i = 0; i < 3; i++) {
                appointments.create(Fixtures.bookedAt(patient, Fixtures.DAY.plusHours(i), 10));
            }
            JsonNode page = appointments.searchByPatient(patient, "count", 2, "sort", sort);
            assertThat(page.path("cursor").isTextual()).as("cursor of %s", Json.write(page)).isTrue();
            return page.path("cursor").asText();
        }
    }
}
