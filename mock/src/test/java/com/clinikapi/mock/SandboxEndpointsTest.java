package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner manages its own sandbox, and only its own, with its own key under /__sandbox/. */
class SandboxEndpointsTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    ApiClient alice;
    ApiClient bob;

    @BeforeEach
    void twoPartners() {
        alice = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
        bob = alice.withKey(ClinikMockExtension.newApiKey());
        alice.createdId(Bodies.booked());
        bob.createdId(Bodies.booked());
    }

    @Test
    void resetForgetsTheCallersSandboxOnly() {
        Reply reset = sandbox(alice, "POST", "/reset", null);

        assertThat(reset.status()).isEqualTo(200);
        assertThat(total(alice)).isZero();
        assertThat(total(bob)).isEqualTo(1);
    }

    @Test
    void aScenarioAppliesToTheCallersRequestsOnly() {
        Reply added = sandbox(alice, "POST", "/scenarios",
                "{\"prefer\": \"code=503\", \"times\": 1, \"apiKey\": \"" + bob.apiKey() + "\"}");

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body()).doesNotContain(alice.apiKey(), bob.apiKey());
        assertThat(bob.search("").status()).isEqualTo(200);
        assertThat(sandbox(alice, "GET", "/scenarios", null).json()).hasSize(1);
        assertThat(sandbox(bob, "GET", "/scenarios", null).json()).isEmpty();
        assertThat(alice.search("").status()).isEqualTo(503);
        assertThat(alice.search("").status()).isEqualTo(200);
    }

    @Test
    void clearingScenariosLeavesOtherKeysScenarios() {
        sandbox(alice, "POST", "/scenarios", "{\"prefer\": \"code=503\"}");
        sandbox(bob, "POST", "/scenarios", "{\"prefer\": \"code=503\"}");

        sandbox(alice, "DELETE", "/scenarios", null);

        assertThat(alice.search("").status()).isEqualTo(200);
        assertThat(bob.search("").status()).isEqualTo(503);
    }

    @Test
    void theRequestLogHoldsTheCallersRequestsOnlyAndNoKey() {
        alice.search("");

        Reply log = sandbox(alice, "GET", "/requests", null);

        assertThat(log.status()).isEqualTo(200);
        JsonNode requests = log.json().path("requests");
        assertThat(requests).hasSize(2);
        requests.forEach(request -> assertThat(request.path("headers").path("x-api-key").asText())
                .isEqualTo(ClinikMockExtension.journalKey(alice.apiKey())));
        assertThat(log.body()).doesNotContain(alice.apiKey(), bob.apiKey());
    }

    @Test
    void withoutAKeyIsRefusedAsTheApiRefusesIt() {
        Reply refused = sandbox(alice.withKey(null), "POST", "/reset", null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("UNAUTHORIZED");
        assertThat(total(alice)).isEqualTo(1);
    }

    @Test
    void aRevokedKeyIsRefused() {
        assertThat(sandbox(alice.withKey("clk_test_mock_revoked_key"), "POST", "/reset", null).code())
                .isEqualTo("KEY_REVOKED");
    }

    private static Reply sandbox(ApiClient client, String method, String path, String body) {
        return client.send(client.request("/__sandbox" + path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : ApiClient.body(body)));
    }

    private static int total(ApiClient client) {
        return client.search("").data().path("total").asInt();
    }
}
