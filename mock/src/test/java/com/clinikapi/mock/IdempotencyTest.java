package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Concurrently;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Idempotency-Key}: the mock performs a change once per key and replays it, as the service does. */
class IdempotencyTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    private ApiClient api;

    @BeforeEach
    void newSandbox() {
        api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
    }

    private Reply post(String key, String json) {
        return api.send(api.request("/v1/appointments").header("Content-Type", ApiClient.JSON)
                .header("Idempotency-Key", key).POST(ApiClient.body(json)));
    }

    @Test
    void replaysTheOriginalCreateForTheSameKeyAndBody() {
        String key = UUID.randomUUID().toString();
        String body = Bodies.booked();
        Reply first = post(key, body);

        Reply retry = post(key, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.data()).isEqualTo(first.data());
        assertThat(retry.header("ETag")).isEqualTo("\"1\"");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.json().path("meta").path("requestId").asText()).isEqualTo(retry.header("X-Request-Id"));
        assertThat(api.search("").data().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void refusesTheSameKeyWithADifferentBody() {
        String key = UUID.randomUUID().toString();
        post(key, Bodies.booked());

        Reply reused = post(key, Bodies.proposed("pat_abc123"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(reused.diagnostics()).containsExactly("Idempotency-Key: was already used for a different request; use a new key");
    }

    @Test
    void keepsNothingOfAFailedAttempt() {
        String key = UUID.randomUUID().toString();
        Reply refused = post(key, "{\"status\":\"booked\",\"patientId\":\"pat_1\"}");

        Reply retried = post(key, Bodies.booked());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void refusesAMalformedKeyAsTheServiceDoes() {
        Reply reply = post("a key with spaces", Bodies.booked());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(reply.diagnostics()).containsExactly("Idempotency-Key: must be 1 to 255 visible ASCII characters");
    }

    @Test
    void scopesKeysToTheApiKey() {
        String key = UUID.randomUUID().toString();
        String body = Bodies.booked();
        post(key, body);

        Reply other = api.withKey(ClinikMockExtension.newApiKey()).send(api.withKey(ClinikMockExtension.newApiKey())
                .request("/v1/appointments").header("Content-Type", ApiClient.JSON).header("Idempotency-Key", key)
                .POST(ApiClient.body(body)));

        assertThat(other.status()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void replaysADeleteAs204() {
        String id = api.createdId(Bodies.booked());
        String key = UUID.randomUUID().toString();

        Reply first = api.send(api.request("/v1/appointments/" + id).header("Idempotency-Key", key).DELETE());
        Reply retry = api.send(api.request("/v1/appointments/" + id).header("Idempotency-Key", key).DELETE());

        assertThat(first.status()).isEqualTo(204);
        assertThat(retry.status()).isEqualTo(204);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void refusesARetriedCreateOfADeletedAppointmentWith410InsteadOfBookingAgain() {
        String key = UUID.randomUUID().toString();
        String body = Bodies.booked();
        String deleted = post(key, body).id();
        api.delete(deleted);

        Reply retry = post(key, body);

        assertThat(retry.status()).as("%s", retry).isEqualTo(410);
        assertThat(retry.code()).isEqualTo("IDEMPOTENT_RESOURCE_DELETED");
        assertThat(retry.diagnostics()).containsExactly(
                "Idempotency-Key: was used by a request whose appointment has since been deleted; use a new key");
        assertThat(retry.json().path("requestId").asText()).isEqualTo(retry.header("X-Request-Id"));
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        assertThat(retry.body()).doesNotContain(deleted);
        assertThat(api.search("").data().path("total").asInt()).isZero();
    }

    @Test
    void refusesARetriedPatchOfADeletedAppointmentWith410RatherThan404() {
        String id = api.createdId(Bodies.booked());
        String key = UUID.randomUUID().toString();
        api.send(api.request("/v1/appointments/" + id).header("Content-Type", ApiClient.JSON)
                .header("Idempotency-Key", key).method("PATCH", ApiClient.body("{\"comment\":\"once\"}")));
        api.delete(id);

        Reply retry = api.send(api.request("/v1/appointments/" + id).header("Content-Type", ApiClient.JSON)
                .header("Idempotency-Key", key).method("PATCH", ApiClient.body("{\"comment\":\"once\"}")));

        assertThat(retry.status()).as("%s", retry).isEqualTo(410);
        assertThat(retry.code()).isEqualTo("IDEMPOTENT_RESOURCE_DELETED");
    }

    @Test
    void stillRefusesTheKeyOfADeletedAppointmentForADifferentRequest() {
        String key = UUID.randomUUID().toString();
        api.delete(post(key, Bodies.booked()).id());

        Reply reused = post(key, Bodies.proposed("pat_abc123"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void createsExactlyOneAppointmentForFiftyConcurrentRequestsWithOneKey() {
        String key = UUID.randomUUID().toString();
        String body = Bodies.booked();

        List<Reply> replies = Concurrently.run(50, () -> post(key, body));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(201));
        assertThat(replies.stream().map(Reply::id).distinct()).hasSize(1);
        assertThat(replies.stream().filter(r -> r.header("Idempotent-Replayed") == null)).hasSize(1);
        assertThat(api.search("").data().path("total").asInt()).isEqualTo(1);
    }
}
