package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.appointment.PractitionerTime;
import com.clinikapi.contract.appointment.VersionTags;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.idempotency.IdempotencyKeys;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.util.UUID;

import static com.clinikapi.contract.suite.appointments.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a partner relies on when networks fail and staff race: idempotent retries
 * ({@code Idempotency-Key}), optimistic concurrency ({@code ETag}/{@code If-Match}), no double
 * booking of a practitioner, and the status lifecycle.
 */
class RetriesAndConflictsIT {

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);

    private static String idempotencyKey() {
        return UUID.randomUUID().toString();
    }

    @Nested
    class IdempotentRetries {

        @Test
        void replaysACreateRetriedWithTheSameKeyInsteadOfBookingTwice() {
            String patient = Fixtures.patientId();
            ObjectNode body = Fixtures.booked(patient);
            String key = idempotencyKey();

            ApiResponse first = api.post(Appointments.COLLECTION).header(ApiHeaders.IDEMPOTENCY_KEY, key).json(body).send();
            ApiResponse retry = api.post(Appointments.COLLECTION).header(ApiHeaders.IDEMPOTENCY_KEY, key).json(body).send();

            assertThat(first.status()).as("%s", first).isEqualTo(201);
            assertThat(retry.status()).as("%s", retry).isEqualTo(201);
            assertThat(retry.id()).isEqualTo(first.id());
            assertThat(retry.header(ApiHeaders.IDEMPOTENT_REPLAYED)).hasValue("true");
            assertThat(first.header(ApiHeaders.IDEMPOTENT_REPLAYED)).isEmpty();
            assertThat(retry.header(ApiHeaders.REQUEST_ID)).isNotEqualTo(first.header(ApiHeaders.REQUEST_ID));
            assertThat(appointments.searchByPatient(patient).path("total").asLong()).isEqualTo(1);
        }

        @Test
        void refusesAKeyReusedForADifferentRequest() {
            String key = idempotencyKey();
            api.post(Appointments.COLLECTION).header(ApiHeaders.IDEMPOTENCY_KEY, key).json(Fixtures.booked(Fixtures.patientId())).send();

            ApiResponse reused = api.post(Appointments.COLLECTION).header(ApiHeaders.IDEMPOTENCY_KEY, key)
                    .json(Fixtures.booked(Fixtures.patientId())).send();

            assertRejected(reused, ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }

        @Test
        void performsAgainARequestWhoseFirstAttemptFailed() {
            String key = idempotencyKey();
            ObjectNode invalid = Json.object("status", "booked");
            assertRejected(api.post(Appointments.COLLECTION).header(ApiHeaders.IDEMPOTENCY_KEY, key).json(invalid).send(),
                    ErrorCode.VALIDATION_ERROR);

            ApiResponse retry = api.post(Appointments.COLLECTION).header(ApiHeaders.IDEMPOTENCY_KEY, key)
                    .json(invalid.put("patientId", Fixtures.patientId()).put("start", "2031-03-10T09:00:00Z")
                            .put("minutesDuration", 15)).send();

            assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        }

        @Test
        void replaysADeleteRetriedWithTheSameKeyAsNoContent() {
            String id = appointments.create(Fixtures.booked(Fixtures.patientId())).path("id").asText();
            String key = idempotencyKey();

            ApiResponse first = api.delete(Appointments.path(id)).header(ApiHeaders.IDEMPOTENCY_KEY, key).send();
            ApiResponse retry = api.delete(Appointments.path(id)).header(ApiHeaders.IDEMPOTENCY_KEY, key).send();

            assertThat(first.status()).isEqualTo(204);
            assertThat(retry.status()).as("%s", retry).isEqualTo(204);
            assertThat(retry.header(ApiHeaders.IDEMPOTENT_REPLAYED)).hasValue("true");
        }

        @Test
        void refusesACreateRetriedAfterItsAppointmentWasDeletedInsteadOfBookingItAgain() {
            String patient = Fixtures.patientId();
            ObjectNode body = Fixtures.booked(patient);
            String key = idempotencyKey();
            ApiResponse first = api.post(Appointments.COLLECTION).header(ApiHeaders.IDEMPOTENCY_KEY, key).json(body).send();
            appointments.delete(first.id());

            ApiResponse retry = api.post(Appointments.COLLECTION).header(ApiHeaders.IDEMPOTENCY_KEY, key).json(body).send();

            assertRejected(retry, ErrorCode.IDEMPOTENT_RESOURCE_DELETED, IdempotencyKeys.resourceDeleted().issues().get(0));
            assertThat(retry.header(ApiHeaders.IDEMPOTENT_REPLAYED)).isEmpty();
            assertThat(appointments.searchByPatient(patient).path("total").asLong()).isZero();
        }

        @Test
        void refusesAPatchRetriedAfterItsAppointmentWasDeletedInsteadOfAnsweringNotFound() {
            String patient = Fixtures.patientId();
            String id = appointments.create(Fixtures.booked(patient)).path("id").asText();
            String key = idempotencyKey();
            ObjectNode patch = Json.object("comment", "once");
            ApiResponse first = api.patch(Appointments.path(id)).header(ApiHeaders.IDEMPOTENCY_KEY, key).json(patch).send();
            appointments.delete(id);

            ApiResponse retry = api.patch(Appointments.path(id)).header(ApiHeaders.IDEMPOTENCY_KEY, key).json(patch).send();

            assertThat(first.status()).as("%s", first).isEqualTo(200);
            assertRejected(retry, ErrorCode.IDEMPOTENT_RESOURCE_DELETED, IdempotencyKeys.resourceDeleted().issues().get(0));
            assertThat(appointments.searchByPatient(patient).path("total").asLong()).isZero();
        }

        @Test
        void refusesADeleteKeyReusedForAnotherAppointment() {
            String key = idempotencyKey();
            String first = appointments.create(Fixtures.booked(Fixtures.patientId())).path("id").asText();
            String second = appointments.create(Fixtures.booked(Fixtures.patientId())).path("id").asText();
            api.delete(Appointments.path(first)).header(ApiHeaders.IDEMPOTENCY_KEY, key).send();

            assertRejected(api.delete(Appointments.path(second)).header(ApiHeaders.IDEMPOTENCY_KEY, key).send(),
                    ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"with space", "tab\there"})
        void refusesAMalformedKey(String key) {
            ApiResponse response = api.post(Appointments.COLLECTION).header(ApiHeaders.IDEMPOTENCY_KEY, key)
                    .json(Fixtures.booked(Fixtures.patientId())).send();

            assertThat(response.status()).as("%s", response).isEqualTo(400);
            assertThat(response.issueFields()).contains(ApiHeaders.IDEMPOTENCY_KEY);
        }
    }

    @Nested
    class OptimisticConcurrency {

        @Test
        void tagsEveryAnswerCarryingAnAppointmentWithItsVersion() {
            ApiResponse created = api.post(Appointments.COLLECTION).json(Fixtures.booked(Fixtures.patientId())).send();
            ApiResponse read = api.get(Appointments.path(created.id())).send();
            ApiResponse patched = api.patch(Appointments.path(created.id())).json(Json.object("comment", "x")).send();

            assertThat(created.header(ApiHeaders.ETAG)).hasValue(VersionTags.etag(1));
            assertThat(read.header(ApiHeaders.ETAG)).hasValue(VersionTags.etag(1));
            assertThat(patched.header(ApiHeaders.ETAG)).hasValue(VersionTags.etag(2));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"1\"", "W/\"1\"", "*", "\"7\", \"1\""})
        void appliesAPatchWhoseIfMatchHoldsTheCurrentVersion(String ifMatch) {
            String id = appointments.create(Fixtures.booked(Fixtures.patientId())).path("id").asText();

            ApiResponse response = api.patch(Appointments.path(id)).header(ApiHeaders.IF_MATCH, ifMatch)
                    .json(Json.object("comment", "still mine")).send();

            assertThat(response.status()).as("%s", response).isEqualTo(200);
        }

        @Test
        void refusesAPatchOfAStaleVersionAndChangesNothing() {
            JsonNode created = appointments.create(Fixtures.booked(Fixtures.patientId()));
            String id = created.path("id").asText();
            JsonNode changed = appointments.update(id, Json.object("comment", "changed by a colleague"));

            ApiResponse stale = api.patch(Appointments.path(id)).header(ApiHeaders.IF_MATCH, VersionTags.etag(1))
                    .json(Json.object("comment", "mine")).send();

            assertRejected(stale, ErrorCode.VERSION_CONFLICT);
            assertThat(appointments.read(id)).isEqualTo(changed);
        }

        @Test
        void refusesADeleteOfAStaleVersion() {
            String id = appointments.create(Fixtures.booked(Fixtures.patientId())).path("id").asText();
            appointments.update(id, Json.object("comment", "changed"));

            assertRejected(api.delete(Appointments.path(id)).header(ApiHeaders.IF_MATCH, VersionTags.etag(1)).send(),
                    ErrorCode.VERSION_CONFLICT);
            assertThat(appointments.read(id).path("id").asText()).isEqualTo(id);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "\"unterminated", "W/1", "\"1\" \"2\""})
        void refusesAMalformedIfMatch(String ifMatch) {
            String id = appointments.create(Fixtures.booked(Fixtures.patientId())).path("id").asText();

            ApiResponse response = api.patch(Appointments.path(id)).header(ApiHeaders.IF_MATCH, ifMatch)
                    .json(Json.object("comment", "x")).send();

            assertThat(response.status()).as("%s", response).isEqualTo(400);
            assertThat(response.issueFields()).contains(ApiHeaders.IF_MATCH);
        }
    }

    @Nested
    class NoDoubleBooking {

        private final OffsetDateTime nine = Fixtures.DAY.plusHours(9);

        private ObjectNode holding(String practitioner, OffsetDateTime start, int minutes, String status) {
            return Fixtures.bookedAt(Fixtures.patientId(), start, minutes).put("practitionerId", practitioner).put("status", status);
        }

        @ParameterizedTest
        @ValueSource(strings = {"booked", "arrived", "checked-in"})
        void refusesASecondAppointmentOverlappingThePractitionersTime(String status) {
            String practitioner = Fixtures.practitionerId();
            String first = appointments.create(holding(practitioner, nine, 30, "booked")).path("id").asText();

            ApiResponse overlapping = api.post(Appointments.COLLECTION)
                    .json(holding(practitioner, nine.plusMinutes(29), 30, status)).send();

            assertRejected(overlapping, ErrorCode.SCHEDULING_CONFLICT, PractitionerTime.conflictWith(first).issues().get(0));
        }

        @Test
        void acceptsBackToBackAppointments() {
            String practitioner = Fixtures.practitionerId();
            appointments.create(holding(practitioner, nine, 30, "booked"));

            ApiResponse next = api.post(Appointments.COLLECTION).json(holding(practitioner, nine.plusMinutes(30), 30, "booked")).send();

            assertThat(next.status()).as("%s", next).isEqualTo(201);
        }

        @ParameterizedTest
        @ValueSource(strings = {"proposed", "pending", "waitlist", "fulfilled", "noshow"})
        void letsAppointmentsThatHoldNoTimeOverlap(String status) {
            String practitioner = Fixtures.practitionerId();
            appointments.create(holding(practitioner, nine, 30, "booked"));

            ApiResponse other = api.post(Appointments.COLLECTION).json(holding(practitioner, nine, 30, status)).send();

            assertThat(other.status()).as("%s", other).isEqualTo(201);
        }

        @Test
        void refusesMovingAnAppointmentOntoAnotherOne() {
            String practitioner = Fixtures.practitionerId();
            String first = appointments.create(holding(practitioner, nine, 30, "booked")).path("id").asText();
            String second = appointments.create(holding(practitioner, nine.plusHours(2), 30, "booked")).path("id").asText();

            ApiResponse moved = api.patch(Appointments.path(second))
                    .json(Json.object("start", Fixtures.iso(nine.plusMinutes(15)), "minutesDuration", 30)).send();

            assertRejected(moved, ErrorCode.SCHEDULING_CONFLICT, PractitionerTime.conflictWith(first).issues().get(0));
        }

        @Test
        void freesTheTimeOfACancelledAppointment() {
            String practitioner = Fixtures.practitionerId();
            String first = appointments.create(holding(practitioner, nine, 30, "booked")).path("id").asText();
            appointments.update(first, Json.object("status", "cancelled", "cancelationReason", "Patient called"));

            ApiResponse rebooked = api.post(Appointments.COLLECTION).json(holding(practitioner, nine, 30, "booked")).send();

            assertThat(rebooked.status()).as("%s", rebooked).isEqualTo(201);
        }
    }
}
