package com.clinikapi.mock;

import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.seed.SeedSummary;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner seeds its sandbox with synthetic appointments, by its own key or from JUnit, the same for the same seed. */
class SeedSandboxTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    ApiClient alice;
    ApiClient bob;

    @BeforeEach
    void twoPartners() {
        alice = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
        bob = alice.withKey(ClinikMockExtension.newApiKey());
    }

    @Nested
    class Determinism {

        @Test
        void theSameSeedAnswersTheSameSearchesInTwoSandboxes() {
            JsonNode summary = seed(alice, "{\"seed\": 42}").json();
            assertThat(seed(bob, "{\"seed\": 42}").json()).isEqualTo(summary);

            for (String query : List.of("", "sort=-start", "sort=created",
                    "practitionerId=" + summary.path("fullDay").path("practitionerId").asText(),
                    "patientId=" + summary.path("regularPatientId").asText(),
                    "status=cancelled", "dateFrom=2027-03-28&dateTo=2027-03-28")) {
                assertThat(withoutIds(all(bob, query))).as(query).isEqualTo(withoutIds(all(alice, query)));
            }
        }

        @Test
        void differentSeedsGiveDifferentAppointments() {
            seed(alice, "{\"seed\": 42}");
            seed(bob, "{\"seed\": 43}");

            assertThat(withoutIds(all(bob, ""))).isNotEqualTo(withoutIds(all(alice, "")));
        }

        @Test
        void theExtensionSeedsWhatTheEndpointSeeds() {
            JsonNode overHttp = seed(alice, "{\"seed\": 7, \"days\": 2}").json();

            SeedSummary inProcess = mock.seed(bob.apiKey(), 7, 2);

            assertThat(inProcess.toJson().toString()).isEqualTo(overHttp.toString());
            assertThat(withoutIds(all(bob, ""))).isEqualTo(withoutIds(all(alice, "")));
        }

        @Test
        void everySeedPlansAppointmentsTheContractAccepts() {
            for (long seed = 0; seed < 12; seed++) {
                SeedSummary summary = mock.seed(alice.apiKey(), seed, 1 + (int) (seed % 3));

                assertThat(total(alice, "")).as("seed %d", seed).isEqualTo(summary.appointments());
            }
        }
    }

    @Nested
    class WhatItSeeds {

        SeedSummary summary;
        List<JsonNode> appointments;

        @BeforeEach
        void seeded() {
            summary = mock.seed(alice.apiKey(), 42);
            appointments = all(alice, "");
        }

        @Test
        void everyStatusOfTheSpecAtLeastOnce() {
            for (AppointmentStatus status : AppointmentStatus.values()) {
                assertThat(total(alice, "status=" + status.wire())).as(status.wire())
                        .isPositive()
                        .isEqualTo(summary.statuses().get(status.wire()));
            }
            assertThat(appointments).hasSize(summary.appointments());
        }

        @Test
        void pagesOfTwentyForOnePractitionerAndOnePatient() {
            for (String query : List.of("practitionerId=" + summary.fullDay().practitionerId(),
                    "patientId=" + summary.regularPatientId())) {
                List<Reply> pages = pages(alice, query + "&count=20");
                Set<String> ids = new HashSet<>();
                pages.forEach(page -> page.data().path("data").forEach(item -> ids.add(item.path("id").asText())));

                assertThat(pages).as(query).hasSizeGreaterThanOrEqualTo(3);
                assertThat(ids).hasSize(pages.get(0).data().path("total").asInt());
            }
        }

        @Test
        void noTwoAppointmentsHoldingOnePractitionersTimeOverlap() {
            Map<String, List<JsonNode>> held = appointments.stream()
                    .filter(a -> AppointmentStatus.fromWire(a.path("status").asText()).orElseThrow().holdsPractitionerTime())
                    .collect(Collectors.groupingBy(a -> a.path("practitionerId").asText()));

            held.forEach((practitioner, own) -> {
                own.sort(Comparator.comparing(a -> instant(a, "start")));
                for (int i = 1; i < own.size(); i++) {
                    assertThat(instant(own.get(i), "start")).as(practitioner)
                            .isAfterOrEqualTo(instant(own.get(i - 1), "end"));
                }
            });
        }

        @Test
        void aFullDayOfBackToBackSlotsWithACancelledSlotBookedOver() {
            ZoneId zone = ZoneId.of(summary.fullDay().timeZone());
            LocalDate day = summary.fullDay().date();
            List<JsonNode> ofTheDay = all(alice, "practitionerId=" + summary.fullDay().practitionerId()
                    + "&dateFrom=" + day + "&dateTo=" + day);
            List<JsonNode> slots = ofTheDay.stream().filter(a -> !a.path("status").asText().equals("cancelled")).toList();
            JsonNode cancelled = ofTheDay.stream().filter(a -> a.path("status").asText().equals("cancelled"))
                    .findFirst().orElseThrow();

            assertThat(slots).hasSize(summary.fullDay().slots());
            assertThat(instant(slots.get(0), "start")).isEqualTo(day.atTime(8, 0).atZone(zone).toInstant());
            for (int i = 1; i < slots.size(); i++) {
                assertThat(instant(slots.get(i), "start")).isEqualTo(instant(slots.get(i - 1), "end"));
            }
            assertThat(cancelled.path("version").asInt()).as("booked, then cancelled").isEqualTo(2);
            assertThat(cancelled.path("cancelationReason").asText()).startsWith("Synthetic");
            assertThat(slots).as("the slots booked over the cancelled one's time")
                    .filteredOn(slot -> instant(slot, "start").isBefore(instant(cancelled, "end"))
                            && instant(slot, "end").isAfter(instant(cancelled, "start")))
                    .hasSize(2);
        }

        @Test
        void startsSentInLocalOffsetsAreAnsweredInUtcAcrossDaylightSavingChanges() {
            List<String> berlinNights = all(alice, "dateFrom=2027-03-28&dateTo=2027-03-28").stream()
                    .map(a -> a.path("start").asText() + "/" + a.path("end").asText()).toList();
            List<String> clocksBack = all(alice, "dateFrom=2027-10-31&dateTo=2027-10-31").stream()
                    .map(a -> a.path("start").asText()).toList();

            assertThat(berlinNights).containsExactly(
                    "2027-03-28T00:35:00Z/2027-03-28T01:35:00Z",    // 01:35+01:00 to 03:35+02:00: one hour
                    "2027-03-28T01:35:00Z/2027-03-28T02:05:00Z");
            assertThat(clocksBack).containsExactly(
                    "2027-10-31T00:35:00Z",                         // 02:35+02:00
                    "2027-10-31T01:35:00Z");                        // 02:35+01:00, the same local time
            assertThat(all(alice, "dateFrom=2027-11-07&dateTo=2027-11-07")).extracting(a -> a.path("start").asText())
                    .containsExactly("2027-11-07T05:35:00Z", "2027-11-07T06:35:00Z");
            assertThat(appointments).allSatisfy(a -> assertThat(a.path("start").asText("Z")).endsWith("Z"));
            assertThat(summary.timeZones()).contains("Europe/Berlin", "America/New_York", "Asia/Kolkata");
        }

        @Test
        void timesAndReasonsFollowTheStatus() {
            for (JsonNode appointment : appointments) {
                AppointmentStatus status = AppointmentStatus.fromWire(appointment.path("status").asText()).orElseThrow();
                if (!status.mayLackTimes()) {
                    assertThat(appointment.has("start") && appointment.has("end")).as(status.wire()).isTrue();
                }
                assertThat(appointment.has("cancelationReason")).as(status.wire())
                        .isEqualTo(status.allowsCancelationReason());
            }
            assertThat(appointments).filteredOn(a -> !a.has("start")).singleElement()
                    .satisfies(a -> assertThat(a.path("requestedPeriod")).isNotEmpty());
        }

        @Test
        void valuesAreClearlySyntheticAndTheSummaryNamesThem() {
            assertThat(appointments).allSatisfy(a -> {
                assertThat(a.path("patientId").asText()).startsWith("pat_demo_s42_");
                assertThat(a.path("practitionerId").asText()).startsWith("prac_demo_s42_");
                assertThat(a.path("description").asText()).contains("Synthetic");
            });
            assertThat(appointments).extracting(a -> a.path("patientId").asText()).isSubsetOf(summary.patientIds());
            assertThat(appointments).extracting(a -> a.path("practitionerId").asText())
                    .isSubsetOf(summary.practitionerIds());
            assertThat(total(alice, "dateFrom=" + summary.dateFrom() + "&dateTo=" + summary.dateTo()))
                    .isEqualTo(summary.appointments() - 1);  // all but the waitlist entry without times
        }

        @Test
        void everyAnswerAboutThemFitsTheSpec() {
            appointments.forEach(a -> assertThat(alice.read(a.path("id").asText()).status()).isEqualTo(200));

            assertThat(mock.specViolations()).isEmpty();
        }
    }

    @Nested
    class TheEndpoint {

        @Test
        void replacesTheSandboxesAppointments() {
            String mine = alice.createdId(Bodies.booked());

            Reply seeded = seed(alice, "{\"seed\": 42}");

            assertThat(seeded.status()).isEqualTo(200);
            assertThat(alice.read(mine).status()).isEqualTo(404);
            assertThat(total(alice, "")).isEqualTo(seeded.json().path("appointments").asInt());
        }

        @Test
        void seedsTheCallersSandboxOnly() {
            seed(alice, "{\"seed\": 42}");

            assertThat(total(bob, "")).isZero();
        }

        @Test
        void anEmptyBodySeedsTheDefaults() {
            Reply seeded = seed(alice, "");

            assertThat(seeded.status()).isEqualTo(200);
            assertThat(seeded.json().path("seed").asLong()).isEqualTo(1);
            assertThat(seeded.json().path("days").asInt()).isEqualTo(3);
        }

        @Test
        void withoutAKeyAnswersTheApis401() {
            Reply reply = seed(alice.withKey(null), "{\"seed\": 42}");

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
            assertThat(reply.json().path("requestId").asText()).isEqualTo(reply.header("X-Request-Id"));
        }

        @Test
        void aReadOnlyKeyMayNotSeed() {
            Reply reply = seed(alice.withKey("clk_test_mock_read_only_key"), "{\"seed\": 42}");

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("INSUFFICIENT_SCOPE");
        }

        @Test
        void refusesABadBodyNamingTheFieldsWithoutQuotingThem() {
            Reply wrongTypes = seed(alice, "{\"seed\": \"pat_secret_value\", \"days\": 99, \"pat_secret_field\": 1}");
            Reply notJson = seed(alice, "{\"seed\": pat_secret_value");

            assertThat(wrongTypes.status()).isEqualTo(422);
            assertThat(wrongTypes.code()).isEqualTo("VALIDATION_ERROR");
            assertThat(wrongTypes.diagnostics()).containsExactly(
                    "body: may contain only days, seed",
                    "seed: must be an integer from 0 to 9223372036854775807",
                    "days: must be an integer from 1 to 30");
            assertThat(notJson.status()).isEqualTo(400);
            assertThat(notJson.code()).isEqualTo("MALFORMED_JSON");
            assertThat(wrongTypes.body() + notJson.body()).doesNotContain("pat_secret");
            assertThat(total(alice, "")).isZero();
        }

        @Test
        void theAdminApiSeedsAGivenKey() {
            Reply reply = alice.send(HttpRequest.newBuilder(java.net.URI.create(mock.baseUrl() + "/__admin/clinikapi/seed"))
                    .header("Content-Type", "application/json")
                    .POST(ApiClient.body("{\"apiKey\": \"" + bob.apiKey() + "\", \"seed\": 42}")));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).doesNotContain(bob.apiKey());
            assertThat(total(bob, "")).isEqualTo(reply.json().path("appointments").asInt());
            assertThat(total(alice, "")).isZero();
        }
    }

    static Reply seed(ApiClient api, String body) {
        return api.send(api.request("/__sandbox/seed").header("Content-Type", "application/json")
                .POST(ApiClient.body(body)));
    }

    static int total(ApiClient api, String query) {
        Reply reply = api.search(query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("total").asInt();
    }

    /** Every page of a search, following its cursors. */
    static List<Reply> pages(ApiClient api, String query) {
        List<Reply> pages = new ArrayList<>();
        String cursor = null;
        do {
            String q = query + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Reply page = api.search(q.startsWith("&") ? q.substring(1) : q);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            pages.add(page);
            cursor = page.data().path("cursor").isNull() ? null : page.data().path("cursor").asText();
        } while (cursor != null);
        return pages;
    }

    /** Every appointment a search finds, in its order, 100 a page. */
    static List<JsonNode> all(ApiClient api, String query) {
        List<JsonNode> found = new ArrayList<>();
        pages(api, query + "&count=100").forEach(page -> page.data().path("data").forEach(found::add));
        return found;
    }

    /** The appointments without what differs between sandboxes seeded alike: the ids and when they were stored. */
    static List<JsonNode> withoutIds(List<JsonNode> appointments) {
        return appointments.stream().map(a -> {
            ObjectNode copy = a.deepCopy();
            copy.remove(List.of("id", "updatedAt"));
            return (JsonNode) copy;
        }).toList();
    }

    static Instant instant(JsonNode appointment, String field) {
        return Instant.parse(appointment.path(field).asText());
    }
}
