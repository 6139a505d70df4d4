package com.clinikapi.server.appointment;

import ch.qos.logback.classic.Level;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.LogCapture;
import com.clinikapi.server.support.TestKeys;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/appointments}: filters, orders, keyset pages and parameter errors. */
abstract class SearchAppointmentsTest extends ApiTest {

    SearchAppointmentsTest(Database database) {
        super(database);
    }

    static class OnH2 extends SearchAppointmentsTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends SearchAppointmentsTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    private ApiResponse search(String query) {
        ApiResponse response = api.get("/v1/appointments?" + query).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private String bookedAt(String patient, String start) {
        return createId(Bodies.booked(patient, start));
    }

    /** Every id of a search, page by page, following the cursors. */
    private List<String> allPages(String query, int count) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            ApiResponse page = search(query + "&count=" + count + (cursor == null ? "" : "&cursor=" + cursor));
            ids.addAll(page.ids());
            cursor = page.text("data.cursor");
            assertThat(page.at("data.hasMore").getBooleanValue()).isEqualTo(cursor != null);
        } while (cursor != null);
        return ids;
    }

    @Nested
    class Filters {

        @Test
        void findsOnlyThePatientsAppointments() {
            // given
            String patient = uniquePatient();
            String mine = bookedAt(patient, "2026-05-01T09:00:00Z");
            bookedAt(uniquePatient(), "2026-05-01T09:00:00Z");

            // when
            ApiResponse page = search("patientId=" + patient);

            // then
            assertThat(page.ids()).containsExactly(mine);
            assertThat(page.number("data.total")).isEqualTo(1);
            assertThat(page.at("data.hasMore").getBooleanValue()).isFalse();
            assertThat(page.has("data.cursor")).as("cursor is present, as null").isTrue();
            assertThat(page.text("data.cursor")).isNull();
        }

        @Test
        void combinesPractitionerAndStatusFilters() {
            // given
            String patient = uniquePatient();
            String x = Bodies.uniquePractitioner();
            String y = Bodies.uniquePractitioner();
            String wanted = createId("""
                    {"status":"arrived","patientId":"%s","practitionerId":"%s","start":"2026-05-01T09:00:00Z",
                     "minutesDuration":10}""".formatted(patient, x));
            createId("""
                    {"status":"booked","patientId":"%s","practitionerId":"%s","start":"2026-05-01T10:00:00Z",
                     "minutesDuration":10}""".formatted(patient, x));
            createId("""
                    {"status":"arrived","patientId":"%s","practitionerId":"%s","start":"2026-05-01T11:00:00Z",
                     "minutesDuration":10}""".formatted(patient, y));

            // when
            ApiResponse page = search("patientId=" + patient + "&practitionerId=" + x + "&status=arrived");

            // then
            assertThat(page.ids()).containsExactly(wanted);
        }

        @Test
        void boundsStartByWholeUtcDaysBothInclusive() {
            // given
            String patient = uniquePatient();
            bookedAt(patient, "2026-02-28T23:59:59.999999Z");
            String firstInstant = bookedAt(patient, "2026-03-01T00:00:00Z");
            String fromAnotherOffset = bookedAt(patient, "2026-03-02T00:30:00+01:00");
            String lastSecond = bookedAt(patient, "2026-03-01T23:59:59Z");
            String nextDay = bookedAt(patient, "2026-03-02T00:00:00Z");
            createId(Bodies.proposed(patient));

            // when
            ApiResponse oneDay = search("patientId=" + patient + "&dateFrom=2026-03-01&dateTo=2026-03-01");
            ApiResponse fromOnly = search("patientId=" + patient + "&dateFrom=2026-03-01");

            // then
            assertThat(oneDay.ids()).containsExactly(firstInstant, fromAnotherOffset, lastSecond);
            assertThat(oneDay.number("data.total")).isEqualTo(3);
            assertThat(fromOnly.ids()).as("appointments without start never match a date range")
                    .containsExactly(firstInstant, fromAnotherOffset, lastSecond, nextDay);
        }

        @Test
        void theWholeSupportedRangeFindsAppointmentsOnItsFirstAndLastDays() {
            // given
            String patient = uniquePatient();
            String first = bookedAt(patient, "0001-01-01T00:00:00Z");
            String last = bookedAt(patient, "9999-12-31T23:29:59.999999Z");

            // when
            ApiResponse page = search("patientId=" + patient + "&dateFrom=0001-01-01&dateTo=9999-12-31");
            ApiResponse lastDay = search("patientId=" + patient + "&dateFrom=9999-12-31&sort=-start");

            // then
            assertThat(page.ids()).containsExactly(first, last);
            assertThat(lastDay.ids()).containsExactly(last);
            assertThat(lastDay.text("data.data[0].end")).isEqualTo("9999-12-31T23:59:59.999999Z");
        }
    }

    @Nested
    class Sorting {

        @ParameterizedTest(name = "sort={0}")
        @CsvSource({"start, early|middle|late|none", "-start, none|late|middle|early",
                "created, late|early|none|middle", "-created, middle|none|early|late"})
        void ordersByTheRequestedKey(String sort, String expected) {
            // given
            String patient = uniquePatient();
            java.util.Map<String, String> ids = new java.util.HashMap<>();
            ids.put("late", createId(withCreated(Bodies.booked(patient, "2026-06-01T12:00:00Z"), "2026-01-01T00:00:00Z")));
            ids.put("early", createId(withCreated(Bodies.booked(patient, "2026-06-01T08:00:00Z"), "2026-01-02T00:00:00Z")));
            ids.put("none", createId(withCreated(Bodies.proposed(patient), "2026-01-03T00:00:00Z")));
            ids.put("middle", createId(withCreated(Bodies.booked(patient, "2026-06-01T10:00:00Z"), "2026-01-04T00:00:00Z")));

            // when
            ApiResponse page = search("patientId=" + patient + "&sort=" + sort);

            // then
            assertThat(page.ids()).containsExactly(
                    java.util.Arrays.stream(expected.split("\\|")).map(ids::get).toArray(String[]::new));
        }

        @Test
        void sortsByStartByDefault() {
            // given
            String patient = uniquePatient();
            String late = bookedAt(patient, "2026-06-01T12:00:00Z");
            String early = bookedAt(patient, "2026-06-01T08:00:00Z");

            // when
            ApiResponse page = search("patientId=" + patient);

            // then
            assertThat(page.ids()).containsExactly(early, late);
        }

        @Test
        void breaksTiesTheSameWayOnEveryPage() {
            // given
            String patient = uniquePatient();
            Set<String> tied = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                tied.add(bookedAt(patient, "2026-06-01T09:00:00Z"));
            }

            // when
            List<String> onePage = search("patientId=" + patient + "&count=5").ids();
            List<String> pageByPage = allPages("patientId=" + patient, 1);

            // then
            assertThat(onePage).containsExactlyInAnyOrderElementsOf(tied);
            assertThat(pageByPage).containsExactlyElementsOf(onePage);
        }

        private String withCreated(String body, String created) {
            return body.strip().replaceFirst("^\\{", "{\"created\":\"" + created + "\",");
        }
    }

    @Nested
    class Pagination {

        @Test
        void pagesThroughEveryMatchExactlyOnceInOrder() {
            // given
            String patient = uniquePatient();
            List<String> expected = new ArrayList<>();
            for (int hour = 8; hour < 15; hour++) {
                expected.add(bookedAt(patient, "2026-07-01T%02d:00:00Z".formatted(hour)));
            }

            // when
            ApiResponse first = search("patientId=" + patient + "&count=3");
            List<String> all = allPages("patientId=" + patient, 3);

            // then
            assertThat(first.ids()).hasSize(3);
            assertThat(first.number("data.total")).isEqualTo(7);
            assertThat(first.at("data.hasMore").getBooleanValue()).isTrue();
            assertThat(first.text("data.cursor")).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
            assertThat(all).containsExactlyElementsOf(expected);
        }

        @Test
        void answers20ByDefault() {
            // given
            String patient = uniquePatient();
            for (int i = 0; i < 21; i++) {
                createId(Bodies.proposed(patient));
            }

            // when
            ApiResponse page = search("patientId=" + patient);

            // then
            assertThat(page.ids()).hasSize(20);
            assertThat(page.number("data.total")).isEqualTo(21);
            assertThat(page.at("data.hasMore").getBooleanValue()).isTrue();
        }

        @Test
        void staysCorrectWhenAppointmentsAreInsertedAndDeletedBetweenPages() {
            // given ten appointments, one per hour, and the first page of three
            String patient = uniquePatient();
            List<String> byHour = new ArrayList<>();
            for (int hour = 8; hour < 18; hour++) {
                byHour.add(bookedAt(patient, "2026-08-01T%02d:00:00Z".formatted(hour)));
            }
            ApiResponse first = search("patientId=" + patient + "&count=3");
            assertThat(first.ids()).containsExactlyElementsOf(byHour.subList(0, 3));

            // when one is inserted before the cursor and one after, one seen and one unseen are deleted
            bookedAt(patient, "2026-08-01T07:00:00Z");
            String insertedAfter = bookedAt(patient, "2026-08-01T12:30:00Z");
            api.delete("/v1/appointments/" + byHour.get(1)).send();
            api.delete("/v1/appointments/" + byHour.get(5)).send();
            List<String> rest = new ArrayList<>();
            String cursor = first.text("data.cursor");
            while (cursor != null) {
                ApiResponse page = search("patientId=" + patient + "&count=3&cursor=" + cursor);
                rest.addAll(page.ids());
                cursor = page.text("data.cursor");
            }

            // then nothing is repeated or skipped, and the page boundary did not move
            List<String> expected = new ArrayList<>(byHour.subList(3, 10));
            expected.remove(byHour.get(5));
            expected.add(2, insertedAfter);
            assertThat(rest).containsExactlyElementsOf(expected);
        }

        @Test
        void neverRepeatsOrSkipsWhileAnotherClientKeepsInserting() {
            // given thirty appointments on even minutes
            String patient = uniquePatient();
            List<String> originals = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                originals.add(bookedAt(patient, "2026-09-01T10:%02d:00Z".formatted(i * 2)));
            }
            AtomicBoolean paging = new AtomicBoolean(true);
            List<String> insertedMeanwhile = new CopyOnWriteArrayList<>();

            // when a writer inserts on odd minutes for as long as the reader pages
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; paging.get() && i < 60; i++) {
                    insertedMeanwhile.add(bookedAt(patient, "2026-09-01T10:%02d:30Z".formatted((i * 7) % 60)));
                }
            });
            List<JsonNode> seen = new ArrayList<>();
            String cursor = null;
            do {
                ApiResponse page = search("patientId=" + patient + "&count=4" + (cursor == null ? "" : "&cursor=" + cursor));
                for (int i = 0; i < page.at("data.data").size(); i++) {
                    seen.add(page.at("data.data").get(i));
                }
                cursor = page.text("data.cursor");
            } while (cursor != null);
            paging.set(false);
            writer.join();

            // then every original is seen exactly once, and the order never goes back
            List<String> seenIds = seen.stream().map(a -> a.get("id").getStringValue()).toList();
            assertThat(seenIds).doesNotHaveDuplicates().containsAll(originals);
            assertThat(insertedMeanwhile).isNotEmpty();
            for (int i = 1; i < seen.size(); i++) {
                OffsetDateTime previous = OffsetDateTime.parse(seen.get(i - 1).get("start").getStringValue());
                OffsetDateTime next = OffsetDateTime.parse(seen.get(i).get("start").getStringValue());
                assertThat(next).isAfterOrEqualTo(previous);
            }
        }
    }

    @Nested
    class Cursors {

        @Test
        void refusesACursorIssuedForOtherFilters() {
            // given
            String patient = uniquePatient();
            bookedAt(patient, "2026-10-01T09:00:00Z");
            bookedAt(patient, "2026-10-01T10:00:00Z");
            String cursor = search("patientId=" + patient + "&count=1").text("data.cursor");

            // when
            ApiResponse otherPatient = api.get("/v1/appointments?patientId=" + uniquePatient() + "&count=1&cursor=" + cursor).send();
            ApiResponse otherSort = api.get("/v1/appointments?patientId=" + patient + "&sort=-start&count=1&cursor=" + cursor).send();

            // then
            for (ApiResponse response : List.of(otherPatient, otherSort)) {
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.text("code")).isEqualTo("INVALID_PARAMETER");
                assertThat(response.diagnostics()).containsExactly("cursor: was not issued by this server for this search");
            }
        }

        @Test
        void refusesACursorPresentedByAnotherTenantsKey() {
            // given: a cursor of tenant dev, and tenant other with appointments for the same patient
            String patient = uniquePatient();
            bookedAt(patient, "2026-10-01T09:00:00Z");
            bookedAt(patient, "2026-10-01T10:00:00Z");
            String cursor = search("patientId=" + patient + "&count=1").text("data.cursor");
            for (String start : List.of("2026-10-01T09:00:00Z", "2026-10-01T10:00:00Z")) {
                ApiResponse theirs = api.post("/v1/appointments", Bodies.booked(patient, start))
                        .key(TestKeys.OTHER_TENANT).send();
                assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
            }

            // when
            ApiResponse response = api.get("/v1/appointments?patientId=" + patient + "&count=1&cursor=" + cursor)
                    .key(TestKeys.OTHER_TENANT).send();

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text("code")).isEqualTo("INVALID_PARAMETER");
            assertThat(response.diagnostics()).containsExactly("cursor: was not issued by this server for this search");
        }

        @Test
        void refusesATestModeCursorInLiveMode() {
            // given: a cursor issued to the dev tenant's test key
            String patient = uniquePatient();
            bookedAt(patient, "2026-10-01T09:00:00Z");
            bookedAt(patient, "2026-10-01T10:00:00Z");
            String cursor = search("patientId=" + patient + "&count=1").text("data.cursor");

            // when: the same tenant's live key presents it
            ApiResponse response = api.get("/v1/appointments?patientId=" + patient + "&count=1&cursor=" + cursor)
                    .key(TestKeys.DEV_LIVE).send();

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text("code")).isEqualTo("INVALID_PARAMETER");
            assertThat(response.diagnostics()).containsExactly("cursor: was not issued by this server for this search");
        }

        @Test
        void issuesACursorThatNamesNoFilterValue() {
            // given
            String patient = uniquePatient();
            bookedAt(patient, "2026-10-01T09:00:00Z");
            bookedAt(patient, "2026-10-01T10:00:00Z");

            // when
            String cursor = search("patientId=" + patient + "&count=1").text("data.cursor");

            // then: the payload is the version, the issue time and the position, nothing else
            String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))),
                    StandardCharsets.UTF_8);
            assertThat(payload).matches("c2\\|\\d+\\|-?\\d+\\|appt_[A-Za-z0-9_-]+").doesNotContain(patient);
        }

        @Test
        void refusesATamperedCursor() {
            // given
            String patient = uniquePatient();
            bookedAt(patient, "2026-10-01T09:00:00Z");
            bookedAt(patient, "2026-10-01T10:00:00Z");
            String cursor = search("patientId=" + patient + "&count=1").text("data.cursor");
            String tampered = "A" + cursor.substring(1);

            // when
            ApiResponse response = api.get("/v1/appointments?patientId=" + patient + "&count=1&cursor=" + tampered).send();

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.diagnostics()).containsExactly("cursor: was not issued by this server for this search");
        }
    }

    @Nested
    class InvalidParameters {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "count=0 | count: must be between 1 and 100",
                "count=101 | count: must be between 1 and 100",
                "count=ten | count: must be of type integer",
                "count= | count: must be of type integer",
                "count=99999999999 | count: must be between 1 and 100",
                "dateFrom=2031-02-30 | dateFrom: must be a date (YYYY-MM-DD)",
                "dateTo= | dateTo: must be a date (YYYY-MM-DD)",
                "status= | status: must be one of the documented values",
                "dateFrom=2026-13-01 | dateFrom: must be a date (YYYY-MM-DD)",
                "dateTo=yesterday | dateTo: must be a date (YYYY-MM-DD)",
                "dateFrom=%2B300000-01-01 | dateFrom: must be a date (YYYY-MM-DD)",
                "dateTo=%2B999999999-12-31 | dateTo: must be a date (YYYY-MM-DD)",
                "dateFrom=-999999999-01-01 | dateFrom: must be a date (YYYY-MM-DD)",
                "dateTo=%2B10000-01-01 | dateTo: must be a date (YYYY-MM-DD)",
                "dateFrom=-0001-12-31 | dateFrom: must be a date (YYYY-MM-DD)",
                "dateFrom=0000-12-31 | dateFrom: must be from 0001-01-01 to 9999-12-31",
                "dateFrom=2026-01-01&dateTo=0000-01-01 | dateTo: must be from 0001-01-01 to 9999-12-31",
                "dateFrom=2026-03-02&dateTo=2026-03-01 | dateTo: must not be before dateFrom",
                "sort=patientId | sort: must be one of the documented values",
                "status=done | status: must be one of the documented values",
                "patientId=pat%201 | patientId: must match ^[A-Za-z0-9._-]{1,128}$",
                "practitionerId=prac%2F1 | practitionerId: must match ^[A-Za-z0-9._-]{1,128}$",
                "cursor=bm90LWEtY3Vyc29y | cursor: was not issued by this server for this search"})
        void answers400NamingTheParameter(String query, String diagnostics) {
            // when
            ApiResponse response = api.get("/v1/appointments?" + query).send();

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text("code")).isEqualTo("INVALID_PARAMETER");
            assertThat(response.diagnostics()).containsExactly(diagnostics);
        }

        @Test
        void refusesDatesBeyondTheSupportedRangeWithoutAServerError() {
            try (LogCapture logs = new LogCapture()) {
                // when
                ApiResponse from = api.get("/v1/appointments?dateFrom=%2B300000-01-01").send();
                ApiResponse to = api.get("/v1/appointments?dateTo=%2B999999999-12-31").send();

                // then
                assertThat(from.status()).as(from.body()).isEqualTo(400);
                assertThat(from.diagnostics()).containsExactly("dateFrom: must be a date (YYYY-MM-DD)");
                assertThat(to.status()).as(to.body()).isEqualTo(400);
                assertThat(to.diagnostics()).containsExactly("dateTo: must be a date (YYYY-MM-DD)");
                assertThat(logs.events()).noneMatch(event -> event.getLevel() == Level.ERROR);
            }
        }

        @Test
        void refusesACursorLongerThanDocumented() {
            // when
            ApiResponse response = api.get("/v1/appointments?cursor=" + "a".repeat(1025)).send();

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.diagnostics()).containsExactly("cursor: must be at most 1024 characters");
        }
    }
}
