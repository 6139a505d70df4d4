package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The five operations over real HTTP, each answered as the service answers it. Every response is
 * also checked against the spec ({@code validateResponses}): a test fails if the mock answers
 * anything the spec does not define.
 */
class AppointmentsApiTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    ApiClient api;

    @BeforeEach
    void newSandbox() {
        api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
    }

    @Nested
    class Create {

        @Test
        void createsTheAppointmentWithServerAssignedFields() {
            Reply reply = api.create(Bodies.booked());

            assertThat(reply.status()).isEqualTo(201);
            JsonNode data = reply.data();
            assertThat(data.path("id").asText()).matches("appt_[A-Za-z0-9_-]{20}");
            assertThat(reply.header("Location")).isEqualTo("/v1/appointments/" + data.path("id").asText());
            assertThat(data.path("version").asLong()).isEqualTo(1);
            assertThat(data.path("status").asText()).isEqualTo("booked");
            assertThat(data.path("patientId").asText()).isEqualTo("pat_abc123");
            assertThat(OffsetDateTime.parse(data.path("created").asText()))
                    .isCloseTo(OffsetDateTime.now(), within(java.time.Duration.ofMinutes(1)));
            assertThat(data.path("updatedAt").asText()).isEqualTo(data.path("created").asText());
            assertThat(reply.json().path("meta").path("status").asInt()).isEqualTo(201);
        }

        @Test
        void derivesEndFromStartAndMinutesDuration() {
            Reply reply = api.create(Bodies.booked());

            assertThat(reply.data().path("start").asText()).isEqualTo("2026-12-01T09:00:00Z");
            assertThat(reply.data().path("end").asText()).isEqualTo("2026-12-01T09:30:00Z");
            assertThat(reply.data().path("minutesDuration").asInt()).isEqualTo(30);
        }

        @Test
        void answersTimesInUtcTruncatedToMicroseconds() {
            Reply reply = api.create("""
                    {"status": "booked", "patientId": "pat_1",
                     "start": "2026-12-01T09:00:00.123456789+02:00", "end": "2026-12-01T10:00:00+02:00",
                     "created": "2026-11-20T14:03:11-05:00"}""");

            assertThat(reply.data().path("start").asText()).isEqualTo("2026-12-01T07:00:00.123456Z");
            assertThat(reply.data().path("end").asText()).isEqualTo("2026-12-01T08:00:00Z");
            assertThat(reply.data().path("created").asText()).isEqualTo("2026-11-20T19:03:11Z");
        }

        @Test
        void createsAProposedAppointmentWithoutTimes() {
            Reply reply = api.create(Bodies.proposed("pat_1"));

            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.data().has("start")).isFalse();
            assertThat(reply.data().path("requestedPeriod").get(0).path("end").asText()).isEqualTo("2026-12-02T12:00:00Z");
        }

        @Test
        void answersAnEmptyListAsNoFieldLikeTheService() {
            Reply reply = api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"requestedPeriod\": []}");

            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.data().has("requestedPeriod")).isFalse();
        }

        @Test
        void ignoresUnknownFieldsWithoutStoringThem() {
            Reply reply = api.create("""
                    {"status": "proposed", "patientId": "pat_1", "shoeSize": 44, "id": "appt_mine", "version": 7}""");

            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.data().has("shoeSize")).isFalse();
            assertThat(reply.id()).isNotEqualTo("appt_mine");
            assertThat(reply.data().path("version").asInt()).isEqualTo(1);
        }

        @Test
        void acceptsFhirJsonBodies() {
            Reply reply = api.send(api.request("/v1/appointments")
                    .header("Content-Type", "application/fhir+json").POST(ApiClient.body(Bodies.booked())));

            assertThat(reply.status()).isEqualTo(201);
        }

        @Nested
        class SchemaViolations {

            @Test
            void namesEveryMissingRequiredField() {
                Reply reply = api.create("{}");

                assertThat(reply.status()).isEqualTo(422);
                assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
                assertThat(reply.diagnostics()).containsExactlyInAnyOrder("patientId: is required", "status: is required");
                assertThat(reply.issueTypes()).containsOnly("required");
            }

            @Test
            void listsShapeProblemsInSchemaOrderBeforeValueProblems() {
                Reply reply = api.create("""
                        {"patientId": 7, "priority": 10, "description": "%s", "start": "soon",
                         "requestedPeriod": [{"start": "2026-12-02T08:00:00Z", "end": null}]}""".formatted("x".repeat(2001)));

                assertThat(reply.status()).isEqualTo(422);
                assertThat(reply.diagnostics()).containsExactly(
                        "status: is required",
                        "patientId: must be of type string",
                        "start: must be an ISO 8601 date-time with offset",
                        "requestedPeriod[0].end: must not be null",
                        "description: must be at most 2000 characters",
                        "priority: must be between 0 and 9");
            }

            @Test
            void reportsOneProblemPerFieldForAValueOfTheWrongType() {
                Reply reply = api.create("{\"status\": 5, \"patientId\": \"pat_1\", \"start\": 20261201}");

                assertThat(reply.diagnostics()).containsExactly(
                        "status: must be one of the documented values", "start: must be an ISO 8601 date-time with offset");
            }

            @Test
            void wordsAnIntegerTooLargeToReadAsItsRange() {
                assertIssue(api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"priority\": 99999999999999999999}"),
                        "priority: must be between 0 and 9", "value");
            }

            @Test
            void rejectsAnUnknownStatus() {
                assertIssue(api.create("{\"status\": \"tentative\", \"patientId\": \"pat_1\"}"),
                        "status: must be one of the documented values", "value");
            }

            @Test
            void rejectsAWrongType() {
                assertIssue(api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"priority\": \"high\"}"),
                        "priority: must be of type integer", "structure");
            }

            @Test
            void rejectsAFractionalInteger() {
                assertIssue(api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"priority\": 1.5}"),
                        "priority: must be of type integer", "structure");
            }

            @Test
            void rejectsANullRequiredField() {
                assertIssue(api.create("{\"status\": \"proposed\", \"patientId\": null}"),
                        "patientId: must not be null", "value");
            }

            @Test
            void rejectsABadDateTime() {
                assertIssue(api.create("{\"status\": \"booked\", \"patientId\": \"pat_1\", \"start\": \"tomorrow 9am\","
                        + " \"minutesDuration\": 30}"), "start: must be an ISO 8601 date-time with offset", "value");
            }

            @Test
            void rejectsADateTimeWithoutAColonInItsOffset() {
                assertIssue(api.create("{\"status\": \"booked\", \"patientId\": \"pat_1\","
                                + " \"start\": \"2026-12-01T09:00:00+0200\", \"minutesDuration\": 30}"),
                        "start: must be an ISO 8601 date-time with offset", "value");
            }

            @Test
            void rejectsATooLongText() {
                assertIssue(api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"description\": \""
                        + "x".repeat(2001) + "\"}"), "description: must be at most 2000 characters", "value");
            }

            @ParameterizedTest
            @ValueSource(strings = {"a\\u0000b", "a\\ud800b", "\\udc00"})
            void rejectsTextTheServiceCouldNotStoreAsSent(String escapedText) {
                assertIssue(api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"comment\": \""
                        + escapedText + "\"}"), "comment: must not contain NUL (U+0000) or unpaired surrogate characters", "value");
            }

            @Test
            void rejectsTextTheServiceCouldNotStoreAsSentInAPatch() {
                String id = api.createdId(Bodies.booked());

                Reply reply = api.update(id, "{\"patientInstruction\": \"fast \\u0000 from midnight\"}");

                assertIssue(reply, "patientInstruction: must not contain NUL (U+0000) or unpaired surrogate characters", "value");
                assertThat(api.read(id).data().path("version").asInt()).isEqualTo(1);
            }

            @Test
            void rejectsNumbersOutsideTheirRange() {
                Reply reply = api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"priority\": 10,"
                        + " \"minutesDuration\": 0}");

                assertThat(reply.status()).isEqualTo(422);
                assertThat(reply.diagnostics()).containsExactlyInAnyOrder(
                        "priority: must be between 0 and 9", "minutesDuration: must be between 1 and 1440");
            }

            @Test
            void rejectsAnIdThatBreaksItsPattern() {
                assertIssue(api.create("{\"status\": \"proposed\", \"patientId\": \"pat 1\"}"),
                        "patientId: must match ^[A-Za-z0-9._-]{1,128}$", "value");
            }

            @Test
            void namesAFieldInsideAnArray() {
                assertIssue(api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\","
                                + " \"requestedPeriod\": [{\"start\": \"2026-12-02T08:00:00Z\"}]}"),
                        "requestedPeriod[0].end: is required", "required");
            }

            @Test
            void rejectsTooManyItems() {
                String window = "{\"start\": \"2026-12-02T08:00:00Z\", \"end\": \"2026-12-02T09:00:00Z\"}";
                String windows = String.join(",", java.util.Collections.nCopies(21, window));
                assertIssue(api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"requestedPeriod\": ["
                        + windows + "]}"), "requestedPeriod: must have at most 20 items", "value");
            }
        }

        @Nested
        class BusinessRules {

            @Test
            void rejectsAnEndBeforeTheStart() {
                assertIssue(api.create("{\"status\": \"booked\", \"patientId\": \"pat_1\","
                                + " \"start\": \"2026-12-01T10:00:00Z\", \"end\": \"2026-12-01T09:00:00Z\"}"),
                        "end: must be after start", "business-rule");
            }

            @Test
            void rejectsABookedAppointmentWithoutTimes() {
                assertIssue(api.create("{\"status\": \"booked\", \"patientId\": \"pat_1\"}"),
                        "start: is required unless status is proposed, cancelled or waitlist", "business-rule");
            }

            @Test
            void rejectsAStartWithoutEndOrDuration() {
                assertIssue(api.create("{\"status\": \"booked\", \"patientId\": \"pat_1\", \"start\": \"2026-12-01T10:00:00Z\"}"),
                        "end: is required when start is given; send end or minutesDuration", "business-rule");
            }

            @Test
            void rejectsACancelationReasonOnABookedAppointment() {
                Reply reply = api.create("""
                        {"status": "booked", "patientId": "pat_1", "start": "2026-12-01T10:00:00Z",
                         "minutesDuration": 15, "cancelationReason": "Patient has the flu"}""");

                assertIssue(reply, "cancelationReason: is allowed only when status is cancelled or noshow", "business-rule");
                assertThat(reply.body()).doesNotContain("flu");
            }

            @Test
            void rejectsACancelledAppointmentWithoutReason() {
                assertIssue(api.create("{\"status\": \"cancelled\", \"patientId\": \"pat_1\"}"),
                        "cancelationReason: is required when status is cancelled", "business-rule");
            }

            @Test
            void rejectsARequestedWindowThatEndsBeforeItStarts() {
                assertIssue(api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"requestedPeriod\":"
                                + " [{\"start\": \"2026-12-02T12:00:00Z\", \"end\": \"2026-12-02T08:00:00Z\"}]}"),
                        "requestedPeriod[0].end: must be after start", "business-rule");
            }

            @Test
            void storesNothingWhenARuleIsBroken() {
                api.create("{\"status\": \"booked\", \"patientId\": \"pat_1\"}");

                assertThat(api.search("").json().path("data").path("total").asInt()).isZero();
            }
        }

        @Nested
        class RefusedBodies {

            @Test
            void answersMalformedJsonWith400() {
                Reply reply = api.create("{\"status\": \"booked\",");

                assertThat(reply.status()).isEqualTo(400);
                assertThat(reply.code()).isEqualTo("MALFORMED_JSON");
                assertThat(reply.diagnostics()).containsExactly("body: must be a well-formed JSON object");
            }

            @Test
            void answersTrailingGarbageWith400() {
                assertThat(api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\"} {}").code())
                        .isEqualTo("MALFORMED_JSON");
            }

            @Test
            void answersAJsonArrayWith400() {
                assertThat(api.create("[]").code()).isEqualTo("MALFORMED_JSON");
            }

            @Test
            void answersAnEmptyBodyWith400() {
                Reply reply = api.create("");

                assertThat(reply.status()).isEqualTo(400);
                assertThat(reply.code()).isEqualTo("MALFORMED_JSON");
                assertThat(reply.diagnostics()).containsExactly("body: is required");
            }

            @Test
            void refusesABodyOverOneMebibyteWith413() {
                String big = "{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"comment\": \"" + "x".repeat(1024 * 1024) + "\"}";

                Reply reply = api.create(big);

                assertThat(reply.status()).isEqualTo(413);
                assertThat(reply.code()).isEqualTo("PAYLOAD_TOO_LARGE");
            }

            @Test
            void refusesAnUnsupportedContentTypeWith415() {
                Reply reply = api.send(api.request("/v1/appointments")
                        .header("Content-Type", "text/plain").POST(ApiClient.body(Bodies.booked())));

                assertThat(reply.status()).isEqualTo(415);
                assertThat(reply.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            }

            @Test
            void refusesAPatchMediaTypeOnCreate() {
                Reply reply = api.send(api.request("/v1/appointments")
                        .header("Content-Type", ApiClient.MERGE_PATCH).POST(ApiClient.body(Bodies.booked())));

                assertThat(reply.status()).isEqualTo(415);
            }

            @Test
            void refusesABodyWithoutContentTypeWith415() {
                Reply reply = api.send(api.request("/v1/appointments").POST(ApiClient.body(Bodies.booked())));

                assertThat(reply.status()).isEqualTo(415);
            }
        }
    }

    @Nested
    class Read {

        @Test
        void readsBackWhatWasCreated() {
            Reply created = api.create(Bodies.booked());

            Reply read = api.read(created.id());

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.data()).isEqualTo(created.data());
            assertThat(read.json().path("meta").path("status").asInt()).isEqualTo(200);
        }

        @Test
        void answersAnUnknownIdWith404() {
            Reply reply = api.read("appt_doesNotExist");

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.code()).isEqualTo("NOT_FOUND");
            assertThat(reply.json().path("issues").isEmpty()).isTrue();
        }

        @Test
        void answersAnIdOutsideThePatternWith400() {
            Reply reply = api.read("appt%24jane%20doe");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("INVALID_PARAMETER");
            assertThat(reply.diagnostics()).containsExactly("id: must match ^[A-Za-z0-9._-]{1,128}$");
            assertThat(reply.body()).doesNotContain("jane");
        }

        @Test
        void answersATooLongIdWith400() {
            assertThat(api.read("a".repeat(129)).code()).isEqualTo("INVALID_PARAMETER");
        }
    }

    @Nested
    class Update {

        String id;

        @BeforeEach
        void existingAppointment() {
            id = api.createdId("""
                    {"status": "booked", "patientId": "pat_1", "practitionerId": "prac_1",
                     "start": "2026-12-01T09:00:00Z", "minutesDuration": 30, "description": "Check-up",
                     "priority": 2}""");
        }

        @Test
        void changesOnlyTheFieldsSent() {
            Reply before = api.read(id);

            Reply reply = api.update(id, "{\"comment\": \"Bring results\"}");

            assertThat(reply.status()).isEqualTo(200);
            JsonNode data = reply.data();
            assertThat(data.path("comment").asText()).isEqualTo("Bring results");
            assertThat(data.path("description").asText()).isEqualTo("Check-up");
            assertThat(data.path("start")).isEqualTo(before.data().path("start"));
            assertThat(data.path("created")).isEqualTo(before.data().path("created"));
            assertThat(data.path("version").asLong()).isEqualTo(2);
            assertThat(api.read(id).data()).isEqualTo(data);
        }

        @Test
        void increasesTheVersionOnEveryChange() {
            api.update(id, "{\"priority\": 3}");
            api.update(id, "{\"priority\": 4}");

            assertThat(api.read(id).data().path("version").asLong()).isEqualTo(3);
        }

        @Test
        void increasesTheVersionEvenWhenThePatchChangesNothing() {
            Reply reply = api.update(id, "{\"priority\": 2}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.data().path("version").asLong()).isEqualTo(2);
        }

        @Test
        void clearsAFieldSentAsNull() {
            Reply reply = api.update(id, "{\"description\": null, \"priority\": null}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.data().has("description")).isFalse();
            assertThat(reply.data().has("priority")).isFalse();
        }

        @Test
        void refusesToClearTheStatus() {
            assertIssue(api.update(id, "{\"status\": null}"), "status: must not be null", "value");
        }

        @Test
        void refusesAnEmptyPatch() {
            assertIssue(api.update(id, "{}"), "body: must contain at least one field", "value");
        }

        @Test
        void derivesTheNewEndWhenOnlyTheStartMoves() {
            Reply reply = api.update(id, "{\"start\": \"2026-12-01T11:00:00+01:00\"}");

            assertThat(reply.data().path("start").asText()).isEqualTo("2026-12-01T10:00:00Z");
            assertThat(reply.data().path("end").asText()).isEqualTo("2026-12-01T10:30:00Z");
        }

        @Test
        void cancelsWithAReason() {
            Reply reply = api.update(id, "{\"status\": \"cancelled\", \"cancelationReason\": \"Patient called to cancel\"}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.data().path("status").asText()).isEqualTo("cancelled");
        }

        @Test
        void refusesToCancelWithoutAReasonAndChangesNothing() {
            Reply reply = api.update(id, "{\"status\": \"cancelled\", \"description\": \"Changed\"}");

            assertIssue(reply, "cancelationReason: is required when status is cancelled", "business-rule");
            JsonNode stored = api.read(id).data();
            assertThat(stored.path("status").asText()).isEqualTo("booked");
            assertThat(stored.path("description").asText()).isEqualTo("Check-up");
            assertThat(stored.path("version").asLong()).isEqualTo(1);
        }

        @Test
        void judgesTheRulesOnTheMergedAppointment() {
            assertIssue(api.update(id, "{\"end\": \"2026-12-01T08:00:00Z\"}"), "end: must be after start", "business-rule");
        }

        @Test
        void validatesTheBodyAgainstTheUpdateSchema() {
            Reply reply = api.update(id, "{\"priority\": 12, \"status\": \"done\"}");

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.diagnostics()).containsExactlyInAnyOrder(
                    "priority: must be between 0 and 9", "status: must be one of the documented values");
        }

        @Test
        void acceptsEveryPatchMediaType() {
            for (String mediaType : List.of(ApiClient.MERGE_PATCH, ApiClient.JSON, ApiClient.FHIR_JSON, ApiClient.JSON_PATCH)) {
                assertThat(api.update(id, "{\"priority\": 1}", mediaType).status()).as(mediaType).isEqualTo(200);
            }
        }

        @Test
        void refusesAnUnsupportedMediaType() {
            assertThat(api.update(id, "{\"priority\": 1}", "application/xml").status()).isEqualTo(415);
        }

        @Test
        void answersAnUnknownIdWith404() {
            assertThat(api.update("appt_doesNotExist", "{\"priority\": 1}").code()).isEqualTo("NOT_FOUND");
        }
    }

    @Nested
    class Delete {

        @Test
        void deletesAndAnswers204WithoutBody() {
            String id = api.createdId(Bodies.booked());

            Reply reply = api.delete(id);

            assertThat(reply.status()).isEqualTo(204);
            assertThat(reply.body()).isEmpty();
            assertThat(reply.header("X-Request-Id")).startsWith("req_");
            assertThat(api.read(id).status()).isEqualTo(404);
        }

        @Test
        void answersAnUnknownIdWith404() {
            String id = api.createdId(Bodies.booked());
            api.delete(id);

            assertThat(api.delete(id).code()).isEqualTo("NOT_FOUND");
        }
    }

    @Nested
    class Search {

        @Test
        void returnsAPageWithTotalAndNoCursorWhenEverythingFits() {
            api.createdId(Bodies.booked());
            api.createdId(Bodies.proposed("pat_2"));

            Reply reply = api.search("");

            JsonNode page = reply.data();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(page.path("data").size()).isEqualTo(2);
            assertThat(page.path("total").asInt()).isEqualTo(2);
            assertThat(page.path("hasMore").asBoolean()).isFalse();
            assertThat(page.path("cursor").isNull()).isTrue();
        }

        @Test
        void filtersByPatientPractitionerAndStatus() {
            String wanted = api.createdId(Bodies.booked("pat_a", "prac_a", "2026-12-01T09:00:00Z"));
            api.createdId(Bodies.booked("pat_a", "prac_b", "2026-12-01T09:00:00Z"));
            api.createdId(Bodies.booked("pat_b", "prac_a", "2026-12-01T10:00:00Z"));
            api.createdId(Bodies.proposed("pat_a"));

            assertThat(ids(api.search("patientId=pat_a&practitionerId=prac_a&status=booked"))).containsExactly(wanted);
            assertThat(api.search("patientId=pat_a").data().path("total").asInt()).isEqualTo(3);
            assertThat(api.search("status=proposed").data().path("total").asInt()).isEqualTo(1);
        }

        @Test
        void filtersByInclusiveUtcDaysOnStart() {
            String lateOnFirstUtc = api.createdId(Bodies.booked("pat_1", "prac_1", "2026-12-01T23:59:00Z"));
            String earlyOnSecondUtc = api.createdId(Bodies.booked("pat_1", "prac_1", "2026-12-01T23:30:00-02:00"));
            String third = api.createdId(Bodies.booked("pat_1", "prac_1", "2026-12-03T00:00:00Z"));
            api.createdId(Bodies.proposed("pat_1"));

            assertThat(ids(api.search("dateFrom=2026-12-01&dateTo=2026-12-01"))).containsExactly(lateOnFirstUtc);
            assertThat(ids(api.search("dateFrom=2026-12-02"))).containsExactly(earlyOnSecondUtc, third);
            assertThat(ids(api.search("dateTo=2026-12-02"))).containsExactly(lateOnFirstUtc, earlyOnSecondUtc);
        }

        @Test
        void sortsByStartWithAppointmentsWithoutStartLastAscendingAndFirstDescending() {
            String proposed = api.createdId(Bodies.proposed("pat_1"));
            String later = api.createdId(Bodies.booked("pat_1", "prac_1", "2026-12-02T09:00:00Z"));
            String earlier = api.createdId(Bodies.booked("pat_1", "prac_1", "2026-12-01T09:00:00Z"));

            assertThat(ids(api.search("sort=start"))).containsExactly(earlier, later, proposed);
            assertThat(ids(api.search(""))).containsExactly(earlier, later, proposed);
            assertThat(ids(api.search("sort=-start"))).containsExactly(proposed, later, earlier);
        }

        @Test
        void sortsByCreatedBreakingTiesById() {
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                created.add(api.createdId("{\"status\": \"proposed\", \"patientId\": \"pat_1\","
                        + " \"created\": \"2026-01-0" + (i % 2 + 1) + "T00:00:00Z\"}"));
            }
            List<String> ascending = ids(api.search("sort=created"));

            assertThat(ascending).containsExactlyInAnyOrderElementsOf(created);
            assertThat(ascending.subList(0, 2)).containsExactlyInAnyOrder(created.get(0), created.get(2));
            assertThat(ascending.subList(0, 2)).isSorted();
            assertThat(ids(api.search("sort=-created"))).containsExactlyElementsOf(reversed(ascending));
        }

        @Test
        void pagesWithTheCursorUntilTheLastPage() {
            List<String> all = createBooked(5);

            Reply first = api.search("count=2");
            Reply second = api.search("count=2&cursor=" + first.data().path("cursor").asText());
            Reply third = api.search("count=2&cursor=" + second.data().path("cursor").asText());

            assertThat(first.data().path("hasMore").asBoolean()).isTrue();
            assertThat(first.data().path("total").asInt()).isEqualTo(5);
            assertThat(third.data().path("hasMore").asBoolean()).isFalse();
            assertThat(third.data().path("cursor").isNull()).isTrue();
            List<String> paged = new ArrayList<>(ids(first));
            paged.addAll(ids(second));
            paged.addAll(ids(third));
            assertThat(paged).containsExactlyElementsOf(all);
        }

        @Test
        void pagesStayStableWhenAppointmentsAreInsertedBetweenPages() {
            List<String> all = createBooked(4);
            Reply first = api.search("count=2");

            api.createdId(Bodies.booked("pat_1", "prac_1", "2026-11-01T09:00:00Z"));
            String insertedLater = api.createdId(Bodies.booked("pat_1", "prac_1", "2026-12-31T09:00:00Z"));
            Reply second = api.search("count=2&cursor=" + first.data().path("cursor").asText());
            Reply third = api.search("count=2&cursor=" + second.data().path("cursor").asText());

            assertThat(ids(first)).containsExactlyElementsOf(all.subList(0, 2));
            assertThat(ids(second)).containsExactlyElementsOf(all.subList(2, 4));
            assertThat(ids(third)).containsExactly(insertedLater);
        }

        @Test
        void pagesStayStableWhenAppointmentsAreDeletedBetweenPages() {
            List<String> all = createBooked(5);
            Reply first = api.search("count=2");

            api.delete(all.get(1));
            api.delete(all.get(2));
            Reply second = api.search("count=2&cursor=" + first.data().path("cursor").asText());

            assertThat(ids(second)).containsExactly(all.get(3), all.get(4));
        }

        @Test
        void pagesOfTwentyByDefault() {
            createBooked(21);

            Reply reply = api.search("");

            assertThat(reply.data().path("data").size()).isEqualTo(20);
            assertThat(reply.data().path("hasMore").asBoolean()).isTrue();
        }

        @Test
        void refusesACountOutsideOneToAHundred() {
            for (String count : List.of("0", "101", "lots")) {
                Reply reply = api.search("count=" + count);
                assertThat(reply.status()).as(count).isEqualTo(400);
                assertThat(reply.code()).isEqualTo("INVALID_PARAMETER");
                assertThat(reply.diagnostics()).as(count).hasSize(1);
                assertThat(reply.diagnostics().get(0)).startsWith("count: ");
            }
            assertThat(api.search("count=101").diagnostics()).containsExactly("count: must be between 1 and 100");
        }

        @Test
        void refusesABadDateSortOrStatus() {
            assertThat(api.search("dateFrom=2026-02-30").diagnostics()).containsExactly("dateFrom: must be a date (YYYY-MM-DD)");
            assertThat(api.search("sort=priority").diagnostics()).containsExactly("sort: must be one of the documented values");
            assertThat(api.search("status=late").diagnostics()).containsExactly("status: must be one of the documented values");
        }

        @Test
        void reportsAParameterThatCannotBeReadBeforeValueProblems() {
            Reply reply = api.search("count=500&dateTo=someday&status=late&patientId=a%20b");

            assertThat(reply.diagnostics()).containsExactly("status: must be one of the documented values");
        }

        @Test
        void reportsEveryValueProblemSortedByParameter() {
            Reply reply = api.search("count=500&patientId=a%20b");

            assertThat(reply.diagnostics()).containsExactly(
                    "count: must be between 1 and 100", "patientId: must match ^[A-Za-z0-9._-]{1,128}$");
        }

        @Test
        void refusesDateToBeforeDateFrom() {
            Reply reply = api.search("dateFrom=2026-12-02&dateTo=2026-12-01");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.diagnostics()).containsExactly("dateTo: must not be before dateFrom");
        }

        @Test
        void refusesACursorIssuedForAnotherSearch() {
            createBooked(3);
            String cursor = api.search("count=1").data().path("cursor").asText();

            Reply otherFilters = api.search("count=1&practitionerId=prac_other&cursor=" + cursor);
            Reply otherOrder = api.search("count=1&sort=-start&cursor=" + cursor);

            assertThat(otherFilters.status()).isEqualTo(400);
            assertThat(otherFilters.diagnostics()).containsExactly("cursor: was not issued by this server for this search");
            assertThat(otherOrder.status()).isEqualTo(400);
        }

        @Test
        void refusesACursorPresentedWithAnotherSandboxKey() {
            // given: a cursor of this sandbox, and another sandbox with the same appointments
            createBooked(3);
            String cursor = api.search("count=1").data().path("cursor").asText();
            ApiClient otherSandbox = api.withKey(ClinikMockExtension.newApiKey());
            otherSandbox.createdId(Bodies.booked("pat_1", "prac_1", "2026-12-01T09:00:00Z"));
            otherSandbox.createdId(Bodies.booked("pat_1", "prac_1", "2026-12-02T09:00:00Z"));

            // when
            Reply reply = otherSandbox.search("count=1&cursor=" + cursor);

            // then
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("INVALID_PARAMETER");
            assertThat(reply.diagnostics()).containsExactly("cursor: was not issued by this server for this search");
        }

        @Test
        void refusesACursorPresentedInTheOtherMode() {
            // given: the live key with the same secret part as this test key
            createBooked(3);
            String cursor = api.search("count=1").data().path("cursor").asText();
            ApiClient live = api.withKey(api.apiKey().replace("clk_test_", "clk_live_"));

            // when
            Reply reply = live.search("count=1&cursor=" + cursor);

            // then
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.diagnostics()).containsExactly("cursor: was not issued by this server for this search");
        }

        @Test
        void refusesAForgedCursor() {
            Reply reply = api.search("cursor=eyJ2IjoxfQ.c2lnbmF0dXJl");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("INVALID_PARAMETER");
        }

        private List<String> createBooked(int count) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(api.createdId(Bodies.booked("pat_1", "prac_1", "2026-12-%02dT09:00:00Z".formatted(i + 1))));
            }
            return ids;
        }
    }

    static void assertIssue(Reply reply, String diagnostics, String issueType) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.json().path("error").asText()).isEqualTo("Request validation failed");
        assertThat(reply.diagnostics()).containsExactly(diagnostics);
        assertThat(reply.issueTypes()).containsExactly(issueType);
        assertThat(reply.json().path("issues").get(0).path("severity").asText()).isEqualTo("error");
    }

    static List<String> ids(Reply searchReply) {
        List<String> ids = new ArrayList<>();
        searchReply.data().path("data").forEach(appointment -> ids.add(appointment.path("id").asText()));
        return ids;
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

}
