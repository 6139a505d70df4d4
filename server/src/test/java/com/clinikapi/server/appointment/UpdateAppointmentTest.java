package com.clinikapi.server.appointment;

import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code PATCH /v1/appointments/{id}}: JSON merge semantics, judged by the rules as a whole. */
abstract class UpdateAppointmentTest extends ApiTest {

    UpdateAppointmentTest(Database database) {
        super(database);
    }

    static class OnH2 extends UpdateAppointmentTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends UpdateAppointmentTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    private ApiResponse stored;
    private String path;

    @BeforeEach
    void givenABookedAppointment() {
        stored = create("""
                {"status":"booked","patientId":"%s","practitionerId":"%s","start":"2026-12-01T09:00:00Z",
                 "minutesDuration":30,"description":"Blood pressure review","comment":"Bring readings","priority":2}"""
                .formatted(uniquePatient(), Bodies.uniquePractitioner()));
        path = "/v1/appointments/" + stored.text("data.id");
    }

    private ApiResponse patch(String body) {
        return api.patch(path, body).send();
    }

    private ApiResponse current() {
        return api.get(path).send();
    }

    @Nested
    class MergeSemantics {

        @Test
        void changesOnlyTheFieldsSentAndIncreasesTheVersion() {
            // when
            ApiResponse response = patch("""
                    {"comment":"Bring the cuff too"}""");

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text("data.comment")).isEqualTo("Bring the cuff too");
            assertThat(response.text("data.description")).isEqualTo("Blood pressure review");
            assertThat(response.number("data.priority")).isEqualTo(2);
            assertThat(response.text("data.start")).isEqualTo("2026-12-01T09:00:00Z");
            assertThat(response.number("data.version")).isEqualTo(2);
            assertThat(response.text("data.created")).isEqualTo(stored.text("data.created"));
            assertThat(OffsetDateTime.parse(response.text("data.updatedAt")))
                    .isAfterOrEqualTo(OffsetDateTime.parse(stored.text("data.updatedAt")));
            assertThat(current().at("data")).isEqualTo(response.at("data"));
        }

        @Test
        void nullClearsAnOptionalField() {
            // when
            ApiResponse response = patch("""
                    {"comment":null,"priority":null}""");

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.has("data.comment")).isFalse();
            assertThat(response.has("data.priority")).isFalse();
            assertThat(current().has("data.comment")).isFalse();
            assertThat(current().text("data.description")).isEqualTo("Blood pressure review");
        }

        @Test
        void increasesTheVersionByOneOnEveryChange() {
            // when
            patch("""
                    {"comment":"one"}""");
            ApiResponse second = patch("""
                    {"comment":"two"}""");

            // then
            assertThat(second.number("data.version")).isEqualTo(3);
        }

        @Test
        void makesANewVersionEvenWhenThePatchChangesNoValue() {
            // when
            ApiResponse response = patch("""
                    {"comment":"Bring readings","unknownField":1}""");

            // then the spec: "Answers the whole updated appointment, whose version has increased by one"
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text("data.comment")).isEqualTo("Bring readings");
            assertThat(response.number("data.version")).isEqualTo(2);
        }

        @Test
        void derivesTheNewEndFromTheStoredDurationWhenOnlyStartMoves() {
            // when
            ApiResponse response = patch("""
                    {"start":"2026-12-01T10:00:00Z"}""");

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text("data.end")).isEqualTo("2026-12-01T10:30:00Z");
        }

        @Test
        void derivesTheNewEndWhenOnlyTheDurationChanges() {
            // when
            ApiResponse response = patch("""
                    {"minutesDuration":45}""");

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text("data.start")).isEqualTo("2026-12-01T09:00:00Z");
            assertThat(response.text("data.end")).isEqualTo("2026-12-01T09:45:00Z");
        }

        @Test
        void keepsAnEndSentWithANewStart() {
            // when
            ApiResponse response = patch("""
                    {"start":"2026-12-01T11:00:00Z","end":"2026-12-01T12:00:00Z"}""");

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text("data.end")).isEqualTo("2026-12-01T12:00:00Z");
        }

        @Test
        void cancelsWithAReason() {
            // when
            ApiResponse response = patch("""
                    {"status":"cancelled","cancelationReason":"Patient called to cancel"}""");

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text("data.status")).isEqualTo("cancelled");
            assertThat(response.text("data.cancelationReason")).isEqualTo("Patient called to cancel");
        }

        @Test
        void clearsTimesWhenTheNewStatusMayLackThem() {
            // when
            ApiResponse response = patch("""
                    {"status":"cancelled","cancelationReason":"Patient called","start":null,"end":null,
                     "minutesDuration":null}""");

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.has("data.start")).isFalse();
            assertThat(response.has("data.end")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"application/json", "application/fhir+json", "application/merge-patch+json",
                "application/json-patch+json", "application/json; charset=utf-8"})
        void acceptsEveryDocumentedPatchMediaType(String mediaType) {
            // when
            ApiResponse response = api.patch(path, """
                    {"comment":"via %s"}""".formatted(mediaType)).contentType(mediaType).send();

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.text("data.comment")).isEqualTo("via " + mediaType);
        }
    }

    @Nested
    class WhenTheResultWouldBreakARule {

        @Test
        void rejectsTextTheDatabaseCouldNotStoreAsSentAndChangesNothing() {
            // when
            ApiResponse response = patch("""
                    {"patientInstruction":"fast \\u0000 from midnight"}""");

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.diagnostics())
                    .containsExactly("patientInstruction: must not contain NUL (U+0000) or unpaired surrogate characters");
            assertThat(current().text("data.version")).isEqualTo(stored.text("data.version"));
        }

        @Test
        void rejectsCancellingWithoutAReasonAndChangesNothing() {
            // when
            ApiResponse response = patch("""
                    {"status":"cancelled","comment":"should not be stored"}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("cancelationReason: is required when status is cancelled");
            ApiResponse after = current();
            assertThat(after.text("data.status")).isEqualTo("booked");
            assertThat(after.text("data.comment")).isEqualTo("Bring readings");
            assertThat(after.number("data.version")).isEqualTo(1);
        }

        @Test
        void rejectsADurationThatWouldEndPastTheLastSupportedInstantAndChangesNothing() {
            // given
            assertThat(patch("""
                    {"start":"9999-12-31T23:00:00Z","end":"9999-12-31T23:30:00Z"}""").status()).isEqualTo(200);

            // when
            ApiResponse response = patch("""
                    {"minutesDuration":60}""");

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly(
                    "minutesDuration: must not take end (start + minutesDuration) past 9999-12-31T23:59:59.999999999Z");
            assertThat(current().text("data.end")).isEqualTo("9999-12-31T23:30:00Z");
        }

        @Test
        void rejectsAnEndBeforeTheStoredStart() {
            // when
            ApiResponse response = patch("""
                    {"end":"2026-12-01T08:00:00Z"}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("end: must be after start");
        }

        @Test
        void rejectsClearingTheTimesOfABookedAppointment() {
            // when
            ApiResponse response = patch("""
                    {"start":null,"end":null}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics())
                    .containsExactly("start: is required unless status is proposed, cancelled or waitlist");
        }

        @Test
        void rejectsAReasonOnAnAppointmentThatIsNotCancelled() {
            // when
            ApiResponse response = patch("""
                    {"cancelationReason":"Why not"}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics())
                    .containsExactly("cancelationReason: is allowed only when status is cancelled or noshow");
        }
    }

    @Nested
    class WhenThePatchItselfIsInvalid {

        @Test
        void rejectsANullStatus() {
            // when
            ApiResponse response = patch("""
                    {"status":null}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("status: must not be null");
        }

        @Test
        void rejectsAStartOutsideTheSupportedRangeNamingItAndChangesNothing() {
            // when
            ApiResponse response = patch("""
                    {"start":"9999-12-31T23:59:59-18:00","end":"+10000-01-01T18:29:59Z"}""");

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly(
                    "start: must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z in UTC",
                    "end: must be an ISO 8601 date-time with offset");
            assertThat(current().text("data.version")).isEqualTo(stored.text("data.version"));
        }

        @Test
        void rejectsAnEmptyPatch() {
            // when
            ApiResponse response = patch("{}");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("body: must contain at least one field");
        }

        @Test
        void rejectsWrongTypesAndUnknownEnumValuesNamingTheField() {
            // when
            ApiResponse response = patch("""
                    {"status":"done","minutesDuration":"30","start":"noon"}""");

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("status: must be one of the documented values",
                    "start: must be an ISO 8601 date-time with offset", "minutesDuration: must be of type integer");
        }

        @Test
        void rejectsValuesOutsideTheirRange() {
            // when
            ApiResponse response = patch("""
                    {"priority":-1,"comment":"%s"}""".formatted("c".repeat(2001)));

            // then
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics())
                    .containsExactly("comment: must be at most 2000 characters", "priority: must be between 0 and 9");
        }

        @Test
        void answers404ForAnUnknownAppointment() {
            // when
            ApiResponse response = api.patch("/v1/appointments/appt_unknown", """
                    {"comment":"x"}""").send();

            // then
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.text("code")).isEqualTo("NOT_FOUND");
        }
    }
}
