package com.clinikapi.server.idempotency;

import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Concurrently;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.LogCapture;
import com.clinikapi.server.support.TestKeys;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Idempotency-Key} on POST, PATCH and DELETE: performed at most once, replayed after. */
abstract class IdempotencyKeyTest extends ApiTest {

    IdempotencyKeyTest(Database database) {
        super(database);
    }

    static class OnH2 extends IdempotencyKeyTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends IdempotencyKeyTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private ApiResponse post(String key, String body) {
        return api.post("/v1/appointments", body).header("Idempotency-Key", key).send();
    }

    private long appointmentsOf(String patient) {
        return api.get("/v1/appointments?patientId=" + patient).send().number("data.total");
    }

    @Nested
    class Create {

        @Test
        void replaysTheOriginalResponseForTheSameKeyAndBody() {
            // given
            String patient = uniquePatient();
            String key = newKey();
            String body = Bodies.booked(patient);
            ApiResponse first = post(key, body);

            // when
            ApiResponse retry = post(key, body);

            // then
            assertThat(first.status()).isEqualTo(201);
            assertThat(first.header("Idempotent-Replayed")).isEmpty();
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.header("Idempotent-Replayed")).contains("true");
            assertThat(retry.at("data")).isEqualTo(first.at("data"));
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            assertThat(retry.header("ETag")).isEqualTo(first.header("ETag")).contains("\"1\"");
            assertThat(retry.text("meta.requestId")).isNotEqualTo(first.text("meta.requestId"))
                    .isEqualTo(retry.header("X-Request-Id").orElseThrow());
            assertThat(appointmentsOf(patient)).isEqualTo(1);
        }

        @Test
        void replaysTheOriginalEvenAfterTheAppointmentChanged() {
            // given
            String key = newKey();
            String body = Bodies.booked(uniquePatient());
            ApiResponse first = post(key, body);
            api.patch("/v1/appointments/" + first.text("data.id"), "{\"comment\":\"changed\"}").send();

            // when
            ApiResponse retry = post(key, body);

            // then
            assertThat(retry.at("data")).isEqualTo(first.at("data"));
            assertThat(retry.number("data.version")).isEqualTo(1);
        }

        @Test
        void refusesTheSameKeyWithADifferentBody() {
            // given
            String patient = uniquePatient();
            String key = newKey();
            post(key, Bodies.booked(patient, "2026-12-01T09:00:00Z"));

            // when
            ApiResponse reused = post(key, Bodies.booked(patient, "2026-12-01T10:00:00Z"));

            // then
            assertThat(reused.status()).isEqualTo(422);
            assertThat(reused.text("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(reused.diagnostics()).containsExactly(
                    "Idempotency-Key: was already used for a different request; use a new key");
            assertThat(appointmentsOf(patient)).isEqualTo(1);
        }

        @Test
        void performsTheRequestAnewAfterAnAttemptThatFailed() {
            // given
            String patient = uniquePatient();
            String key = newKey();
            ApiResponse refused = post(key, """
                    {"status":"booked","patientId":"%s"}""".formatted(patient));

            // when
            ApiResponse retried = post(key, Bodies.booked(patient));

            // then
            assertThat(refused.status()).isEqualTo(422);
            assertThat(retried.status()).isEqualTo(201);
            assertThat(retried.header("Idempotent-Replayed")).isEmpty();
        }

        @Test
        void scopesKeysToTheTenantAndMode() {
            // given
            String key = newKey();
            String body = Bodies.proposed(uniquePatient());
            String ours = post(key, body).text("data.id");

            // when
            ApiResponse theirs = api.post("/v1/appointments", body).header("Idempotency-Key", key)
                    .key(TestKeys.OTHER_TENANT).send();
            ApiResponse live = api.post("/v1/appointments", body).header("Idempotency-Key", key)
                    .key(TestKeys.DEV_LIVE).send();

            // then
            assertThat(theirs.status()).isEqualTo(201);
            assertThat(theirs.header("Idempotent-Replayed")).isEmpty();
            assertThat(live.status()).isEqualTo(201);
            assertThat(live.header("Idempotent-Replayed")).isEmpty();
            assertThat(List.of(theirs.text("data.id"), live.text("data.id"))).doesNotContain(ours);
        }

        @Test
        void createsExactlyOneAppointmentForFiftyConcurrentRequestsWithOneKey() {
            // given
            String patient = uniquePatient();
            String key = newKey();
            String body = Bodies.booked(patient);

            // when
            List<ApiResponse> responses = Concurrently.run(50, i -> post(key, body));

            // then
            assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.body()).isEqualTo(201));
            assertThat(responses.stream().map(r -> r.text("data.id")).distinct()).hasSize(1);
            assertThat(responses.stream().filter(r -> r.header("Idempotent-Replayed").isEmpty())).hasSize(1);
            assertThat(appointmentsOf(patient)).isEqualTo(1);
        }

        @Test
        void refusesAMalformedKeyWithoutEchoingIt() {
            // when
            ApiResponse response = post("a key with spaces", Bodies.proposed(uniquePatient()));

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text("code")).isEqualTo("INVALID_PARAMETER");
            assertThat(response.diagnostics()).containsExactly("Idempotency-Key: must be 1 to 255 visible ASCII characters");
            assertThat(response.body()).doesNotContain("a key with spaces");
        }

        @Test
        void refusesAKeyLongerThan255CharactersTheSameWay() {
            // when
            ApiResponse response = post("k".repeat(256), Bodies.proposed(uniquePatient()));

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.diagnostics()).containsExactly("Idempotency-Key: must be 1 to 255 visible ASCII characters");
        }

        @Test
        void neverLogsTheKey() {
            // given
            String key = "key-that-must-not-be-logged-" + newKey();

            // when
            try (LogCapture logs = new LogCapture()) {
                post(key, Bodies.proposed(uniquePatient()));
                post(key, Bodies.proposed(uniquePatient()));

                // then
                assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(key));
            }
        }
    }

    @Nested
    class UpdateAndDelete {

        @Test
        void replaysAPatchWithoutChangingTheAppointmentAgain() {
            // given
            String path = "/v1/appointments/" + createId(Bodies.booked(uniquePatient()));
            String key = newKey();
            ApiResponse first = api.patch(path, "{\"comment\":\"once\"}").header("Idempotency-Key", key).send();
            api.patch(path, "{\"comment\":\"by someone else\"}").send();

            // when
            ApiResponse retry = api.patch(path, "{\"comment\":\"once\"}").header("Idempotency-Key", key).send();

            // then
            assertThat(first.status()).isEqualTo(200);
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.header("Idempotent-Replayed")).contains("true");
            assertThat(retry.at("data")).isEqualTo(first.at("data"));
            assertThat(retry.header("ETag")).contains("\"2\"");
            assertThat(api.get(path).send().number("data.version")).isEqualTo(3);
        }

        @Test
        void refusesAKeyOfAPatchReusedForAnotherPath() {
            // given
            String key = newKey();
            String one = "/v1/appointments/" + createId(Bodies.proposed(uniquePatient()));
            String other = "/v1/appointments/" + createId(Bodies.proposed(uniquePatient()));
            api.patch(one, "{\"comment\":\"x\"}").header("Idempotency-Key", key).send();

            // when
            ApiResponse reused = api.patch(other, "{\"comment\":\"x\"}").header("Idempotency-Key", key).send();

            // then
            assertThat(reused.status()).isEqualTo(422);
            assertThat(reused.text("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(api.get(other).send().has("data.comment")).isFalse();
        }

        @Test
        void answersARetriedDelete204InsteadOf404() {
            // given
            String path = "/v1/appointments/" + createId(Bodies.proposed(uniquePatient()));
            String key = newKey();
            ApiResponse first = api.delete(path).header("Idempotency-Key", key).send();

            // when
            ApiResponse retry = api.delete(path).header("Idempotency-Key", key).send();

            // then
            assertThat(first.status()).isEqualTo(204);
            assertThat(retry.status()).isEqualTo(204);
            assertThat(retry.header("Idempotent-Replayed")).contains("true");
            assertThat(api.delete(path).send().status()).isEqualTo(404);
        }
    }

    /** Deleting an appointment keeps the keys of the answers that carried it, as tombstones. */
    @Nested
    class AfterTheAppointmentWasDeleted {

        private static final String GONE_DIAGNOSTICS =
                "Idempotency-Key: was used by a request whose appointment has since been deleted; use a new key";

        @Test
        void refusesARetriedCreateWith410InsteadOfBookingAgain() {
            // given
            String patient = uniquePatient();
            String key = newKey();
            String body = Bodies.booked(patient);
            String deleted = post(key, body).text("data.id");
            api.delete("/v1/appointments/" + deleted).send();

            // when
            ApiResponse retry = post(key, body);

            // then
            assertThat(retry.status()).as(retry.body()).isEqualTo(410);
            assertThat(retry.text("code")).isEqualTo("IDEMPOTENT_RESOURCE_DELETED");
            assertThat(retry.diagnostics()).containsExactly(GONE_DIAGNOSTICS);
            assertThat(retry.text("requestId")).isEqualTo(retry.header("X-Request-Id").orElseThrow());
            assertThat(retry.header("Idempotent-Replayed")).isEmpty();
            assertThat(retry.body()).doesNotContain(deleted).doesNotContain(patient);
            assertThat(appointmentsOf(patient)).isZero();
        }

        @Test
        void refusesARetriedPatchWith410RatherThan404() {
            // given
            String path = "/v1/appointments/" + createId(Bodies.booked(uniquePatient()));
            String key = newKey();
            api.patch(path, "{\"comment\":\"once\"}").header("Idempotency-Key", key).send();
            api.delete(path).send();

            // when
            ApiResponse retry = api.patch(path, "{\"comment\":\"once\"}").header("Idempotency-Key", key).send();

            // then
            assertThat(retry.status()).as(retry.body()).isEqualTo(410);
            assertThat(retry.text("code")).isEqualTo("IDEMPOTENT_RESOURCE_DELETED");
            assertThat(retry.diagnostics()).containsExactly(GONE_DIAGNOSTICS);
            assertThat(api.get(path).send().status()).isEqualTo(404);
        }

        @Test
        void keepsNoCopyOfTheDeletedAppointment() {
            // given
            String patient = uniquePatient();
            String id = post(newKey(), Bodies.booked(patient)).text("data.id");
            api.patch("/v1/appointments/" + id, "{\"comment\":\"x\"}").header("Idempotency-Key", newKey()).send();

            // when
            api.delete("/v1/appointments/" + id).header("Idempotency-Key", newKey()).send();

            // then
            assertThat(count("SELECT COUNT(*) FROM idempotency_record WHERE response_body LIKE '%" + patient + "%'")).isZero();
            assertThat(count("SELECT COUNT(*) FROM idempotency_record WHERE resource_id = '" + id + "' AND resource_deleted"))
                    .isEqualTo(2);
        }

        @Test
        void stillRefusesTheKeyForADifferentRequest() {
            // given
            String patient = uniquePatient();
            String key = newKey();
            api.delete("/v1/appointments/" + post(key, Bodies.booked(patient, "2026-12-01T09:00:00Z")).text("data.id")).send();

            // when
            ApiResponse reused = post(key, Bodies.booked(patient, "2026-12-01T10:00:00Z"));

            // then
            assertThat(reused.status()).isEqualTo(422);
            assertThat(reused.text("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(appointmentsOf(patient)).isZero();
        }

        @Test
        void letsTheKeyBeUsedAgainOnceItExpired() {
            // given
            String patient = uniquePatient();
            String key = newKey();
            String body = Bodies.proposed(patient);
            String deleted = post(key, body).text("data.id");
            api.delete("/v1/appointments/" + deleted).send();
            expireEveryKey();

            // when
            ApiResponse again = post(key, body);

            // then
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).isEmpty();
            assertThat(again.text("data.id")).isNotEqualTo(deleted);
        }

        @Test
        void purgesTombstonesWithTheirRetention() {
            // given
            String id = post(newKey(), Bodies.proposed(uniquePatient())).text("data.id");
            api.delete("/v1/appointments/" + id).send();
            expireEveryKey();

            // when
            server.getApplicationContext().getBean(Idempotency.class).purgeExpired();

            // then
            assertThat(count("SELECT COUNT(*) FROM idempotency_record WHERE resource_id = '" + id + "'")).isZero();
        }
    }

    @Nested
    class Expiry {

        @Test
        void performsTheRequestAnewOnceTheKeyExpired() {
            // given
            String key = newKey();
            String body = Bodies.proposed(uniquePatient());
            String first = post(key, body).text("data.id");
            expireEveryKey();

            // when
            ApiResponse again = post(key, body);

            // then
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).isEmpty();
            assertThat(again.text("data.id")).isNotEqualTo(first);
        }

        @Test
        void purgesExpiredKeys() {
            // given
            post(newKey(), Bodies.proposed(uniquePatient()));
            expireEveryKey();

            // when
            int purged = server.getApplicationContext().getBean(Idempotency.class).purgeExpired();

            // then
            assertThat(purged).isPositive();
            assertThat(count("SELECT COUNT(*) FROM idempotency_record WHERE expires_at <= CURRENT_TIMESTAMP")).isZero();
        }

        @Test
        void keepsAKeyForADay() {
            // given
            String key = newKey();
            post(key, Bodies.proposed(uniquePatient()));

            // then
            assertThat(count("""
                    SELECT COUNT(*) FROM idempotency_record
                     WHERE expires_at > CURRENT_TIMESTAMP + INTERVAL '23' HOUR
                       AND expires_at <= CURRENT_TIMESTAMP + INTERVAL '24' HOUR""")).isPositive();
        }
    }

    @SuppressWarnings("unchecked")
    private void expireEveryKey() {
        TransactionOperations<Connection> transactions = server.getApplicationContext().getBean(TransactionOperations.class);
        JdbcOperations jdbc = server.getApplicationContext().getBean(JdbcOperations.class);
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "UPDATE idempotency_record SET expires_at = created_at WHERE expires_at > CURRENT_TIMESTAMP",
                java.sql.PreparedStatement::executeUpdate));
    }

    @SuppressWarnings("unchecked")
    private long count(String sql) {
        TransactionOperations<Connection> transactions = server.getApplicationContext().getBean(TransactionOperations.class);
        JdbcOperations jdbc = server.getApplicationContext().getBean(JdbcOperations.class);
        return transactions.executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
