package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.ApiLimits;
import com.clinikapi.contract.ApiMediaTypes;
import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.KnownDefects;
import com.clinikapi.contract.suite.target.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;

import static com.clinikapi.contract.suite.appointments.CreateAppointmentIT.instant;
import static com.clinikapi.contract.suite.appointments.Rejections.assertRejected;
import static com.clinikapi.contract.suite.appointments.Rejections.assertRejectedNaming;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code PATCH /v1/appointments/{id}}: merge semantics, the media types, and every refusal. */
class UpdateAppointmentIT {

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);

    private JsonNode booked() {
        return appointments.create(Fixtures.booked(Fixtures.patientId()));
    }

    @Nested
    class MergeSemantics {

        @Test
        void changesOnlyTheFieldsSentAndIncrementsTheVersion() {
            JsonNode before = booked();

            JsonNode after = appointments.update(before.path("id").asText(), Json.object("comment", "Bring the results"));

            assertThat(after.path("comment").asText()).isEqualTo("Bring the results");
            assertThat(after.path("version").asLong()).isEqualTo(before.path("version").asLong() + 1);
            ObjectNode unchanged = after.deepCopy();
            unchanged.remove(java.util.List.of("comment", "version", "updatedAt"));
            ObjectNode expected = before.deepCopy();
            expected.remove(java.util.List.of("version", "updatedAt"));
            assertThat(unchanged).isEqualTo(expected);
            assertThat(instant(after, "updatedAt")).isAfterOrEqualTo(instant(before, "updatedAt"));
        }

        @Test
        void incrementsTheVersionEvenWhenThePatchChangesNothing() {
            KnownDefects.SERVER_NOOP_PATCH_KEEPS_VERSION.skipIfOpen();
            String id = booked().path("id").asText();
            long first = appointments.update(id, Json.object("comment", "same")).path("version").asLong();

            long second = appointments.update(id, Json.object("comment", "same")).path("version").asLong();

            assertThat(second).isEqualTo(first + 1);
        }

        @Test
        void answersTheWholeAppointmentAsReadAfterwards() {
            String id = booked().path("id").asText();

            JsonNode updated = appointments.update(id, Json.object("priority", 5));

            assertThat(appointments.read(id)).isEqualTo(updated);
        }

        @Test
        void clearsAnOptionalFieldSentAsNull() {
            String id = booked().path("id").asText();
            ObjectNode patch = Json.object();
            patch.putNull("description");

            JsonNode after = appointments.update(id, patch);

            assertThat(after.has("description")).isFalse();
        }

        @Test
        void reschedulesWithStartAndEnd() {
            String id = booked().path("id").asText();
            OffsetDateTime start = Fixtures.DAY.plusHours(15);

            JsonNode after = appointments.update(id, Json.object("start", Fixtures.iso(start), "end", Fixtures.iso(start.plusMinutes(20))));

            assertThat(instant(after, "start")).isEqualTo(start.toInstant());
            assertThat(instant(after, "end")).isEqualTo(start.plusMinutes(20).toInstant());
        }

        @Test
        void derivesTheEndWhenOnlyTheStartAndDurationChange() {
            String id = booked().path("id").asText();
            OffsetDateTime start = Fixtures.DAY.plusHours(16);

            JsonNode after = appointments.update(id, Json.object("start", Fixtures.iso(start), "minutesDuration", 50));

            assertThat(instant(after, "end")).isEqualTo(start.plusMinutes(50).toInstant());
        }

        @Test
        void cancelsWithAReason() {
            String id = booked().path("id").asText();

            JsonNode after = appointments.update(id, Json.object("status", "cancelled", "cancelationReason", "Patient called"));

            assertThat(after.path("status").asText()).isEqualTo("cancelled");
            assertThat(after.path("cancelationReason").asText()).isEqualTo("Patient called");
        }

        @Test
        void movesAProposedAppointmentToBookedWithTimes() {
            String id = appointments.create(Fixtures.proposed(Fixtures.patientId())).path("id").asText();

            JsonNode after = appointments.update(id, Json.object("status", "booked",
                    "start", "2031-03-11T09:00:00Z", "minutesDuration", 30));

            assertThat(after.path("status").asText()).isEqualTo("booked");
            assertThat(instant(after, "end")).isEqualTo(Instant.parse("2031-03-11T09:30:00Z"));
            assertThat(after.path("requestedPeriod")).hasSize(2);
        }

        @Test
        void ignoresUnknownFields() {
            String id = booked().path("id").asText();

            JsonNode after = appointments.update(id, Json.object("comment", "ok", "colour", "blue"));

            assertThat(after.has("colour")).isFalse();
        }
    }

    @Nested
    class MediaTypes {

        @ParameterizedTest
        @ValueSource(strings = {ApiMediaTypes.JSON, ApiMediaTypes.FHIR_JSON, ApiMediaTypes.MERGE_PATCH_JSON, ApiMediaTypes.JSON_PATCH_JSON})
        void acceptsEveryDocumentedBodyType(String contentType) {
            String id = booked().path("id").asText();

            ApiResponse response = api.patch(Appointments.path(id)).contentType(contentType)
                    .json(Json.object("comment", "via " + contentType)).send();

            assertThat(response.status()).as("%s", response).isEqualTo(200);
            assertThat(response.data().path("comment").asText()).isEqualTo("via " + contentType);
        }

        @Test
        void servesTheTypeScriptClientsPlainPartialObjectAsJsonPatch() {
            String id = booked().path("id").asText();

            ApiResponse response = api.patch(Appointments.path(id))
                    .contentType(ApiMediaTypes.JSON_PATCH_JSON).accept(ApiMediaTypes.FHIR_JSON)
                    .json(Json.object("status", "cancelled", "cancelationReason", "Patient called")).send();

            assertThat(response.status()).as("%s", response).isEqualTo(200);
            assertThat(response.mediaType()).isEqualTo(ApiMediaTypes.FHIR_JSON);
            assertThat(response.data().path("status").asText()).isEqualTo("cancelled");
        }

        @ParameterizedTest
        @ValueSource(strings = {"text/plain", "application/xml"})
        void refusesAnUndocumentedBodyType(String contentType) {
            String id = booked().path("id").asText();

            ApiResponse response = api.patch(Appointments.path(id)).contentType(contentType)
                    .json(Json.object("comment", "x")).send();

            assertRejected(response, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }

        @Test
        void refusesABodyOverOneMebibyte() {
            String id = booked().path("id").asText();

            ApiResponse response = api.patch(Appointments.path(id))
                    .json(Json.object("comment", "x".repeat(ApiLimits.MAX_BODY_BYTES))).send();

            assertRejected(response, ErrorCode.PAYLOAD_TOO_LARGE);
        }
    }

    @Nested
    class Refused {

        @Test
        void answersNotFoundForAnIdNeverIssued() {
            ApiResponse response = api.patch(Appointments.path(Fixtures.unknownAppointmentId()))
                    .json(Json.object("comment", "x")).send();

            assertRejected(response, ErrorCode.NOT_FOUND);
        }

        @Test
        void refusesAnIdOutsideTheIdAlphabet() {
            ApiResponse response = api.patch(Appointments.path("appt%24x")).json(Json.object("comment", "x")).send();

            assertRejectedNaming(response, ErrorCode.INVALID_PARAMETER, "id");
        }

        @Test
        void refusesMalformedJson() {
            String id = booked().path("id").asText();

            ApiResponse response = api.patch(Appointments.path(id)).body("{\"comment\": ").send();

            assertRejected(response, ErrorCode.MALFORMED_JSON, SchemaViolations.malformedJson());
        }

        @Test
        void refusesAnEmptyPatch() {
            String id = booked().path("id").asText();

            ApiResponse response = api.patch(Appointments.path(id)).json(Json.object()).send();

            assertRejected(response, ErrorCode.VALIDATION_ERROR, SchemaViolations.notEmptyObject("body"));
        }

        @Test
        void refusesClearingTheStatus() {
            String id = booked().path("id").asText();
            ObjectNode patch = Json.object();
            patch.putNull("status");

            assertRejected(api.patch(Appointments.path(id)).json(patch).send(), ErrorCode.VALIDATION_ERROR,
                    SchemaViolations.notNull("status"));
        }

        @Test
        void refusesAnUnknownStatus() {
            String id = booked().path("id").asText();

            assertRejected(api.patch(Appointments.path(id)).json(Json.object("status", "done")).send(),
                    ErrorCode.VALIDATION_ERROR, SchemaViolations.oneOfEnum("status"));
        }

        @Test
        void refusesAPriorityOutOfRange() {
            String id = booked().path("id").asText();

            assertRejected(api.patch(Appointments.path(id)).json(Json.object("priority", 10)).send(),
                    ErrorCode.VALIDATION_ERROR, SchemaViolations.between("priority", 0, 9));
        }

        @Test
        void refusesACommentOverItsMaxLength() {
            String id = booked().path("id").asText();

            assertRejected(api.patch(Appointments.path(id)).json(Json.object("comment", "c".repeat(2001))).send(),
                    ErrorCode.VALIDATION_ERROR, SchemaViolations.maxLength("comment", 2000));
        }

        @Test
        void refusesCancellingWithoutAReason() {
            JsonNode before = booked();
            String id = before.path("id").asText();

            ApiResponse response = api.patch(Appointments.path(id)).json(Json.object("status", "cancelled")).send();

            assertRejected(response, ErrorCode.VALIDATION_ERROR, RuleIssues.only(AppointmentStatus.CANCELLED,
                    OffsetDateTime.parse(before.path("start").asText()), OffsetDateTime.parse(before.path("end").asText()), null));
        }

        @Test
        void refusesAReasonOnABookedAppointment() {
            JsonNode before = booked();

            ApiResponse response = api.patch(Appointments.path(before.path("id").asText()))
                    .json(Json.object("cancelationReason", "Because")).send();

            assertRejected(response, ErrorCode.VALIDATION_ERROR, RuleIssues.only(AppointmentStatus.BOOKED,
                    OffsetDateTime.parse(before.path("start").asText()), OffsetDateTime.parse(before.path("end").asText()), "Because"));
        }

        @Test
        void refusesAnEndBeforeTheStoredStart() {
            JsonNode before = booked();
            OffsetDateTime start = OffsetDateTime.parse(before.path("start").asText());

            ApiResponse response = api.patch(Appointments.path(before.path("id").asText()))
                    .json(Json.object("end", Fixtures.iso(start.minusMinutes(1)))).send();

            assertRejected(response, ErrorCode.VALIDATION_ERROR,
                    RuleIssues.only(AppointmentStatus.BOOKED, start, start.minusMinutes(1), null));
        }

        @Test
        void refusesClearingTheTimesOfABookedAppointment() {
            JsonNode before = booked();
            ObjectNode patch = Json.object();
            patch.putNull("start");
            patch.putNull("end");

            ApiResponse response = api.patch(Appointments.path(before.path("id").asText())).json(patch).send();

            assertRejected(response, ErrorCode.VALIDATION_ERROR, RuleIssues.only(AppointmentStatus.BOOKED, null, null, null));
        }

        @Test
        void changesNothingWhenTheMergedAppointmentBreaksARule() {
            JsonNode before = booked();
            String id = before.path("id").asText();

            api.patch(Appointments.path(id)).json(Json.object("comment", "new", "status", "cancelled")).send();

            assertThat(appointments.read(id)).isEqualTo(before);
        }

        @Test
        void answersNotFoundForADeletedAppointment() {
            String id = booked().path("id").asText();
            appointments.delete(id);

            assertRejected(api.patch(Appointments.path(id)).json(Json.object("comment", "x")).send(), ErrorCode.NOT_FOUND);
        }
    }
}
