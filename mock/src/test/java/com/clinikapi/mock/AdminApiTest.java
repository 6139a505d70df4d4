package com.clinikapi.mock;

import com.clinikapi.mock.auth.ReservedKeys;
import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Resetting the mock between tests, over WireMock's admin API. */
class AdminApiTest {

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

    private Reply admin(String method, String path, String body) {
        return alice.send(alice.withKey(null).request("/__admin" + path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : ApiClient.body(body)));
    }

    private int total(ApiClient client) {
        return client.search("").data().path("total").asInt();
    }

    @Test
    void resetForgetsEveryKeysAppointments() {
        Reply reply = admin("POST", "/clinikapi/reset", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(total(alice)).isZero();
        assertThat(total(bob)).isZero();
    }

    @Test
    void resetOfOneKeyLeavesTheOthersAlone() {
        admin("POST", "/clinikapi/reset", "{\"apiKey\": \"" + alice.apiKey() + "\"}");

        assertThat(total(alice)).isZero();
        assertThat(total(bob)).isEqualTo(1);
    }

    @Test
    void aMalformedResetBodyResetsNothing() {
        Reply reply = admin("POST", "/clinikapi/reset", "{\"apiKey\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(total(alice)).isEqualTo(1);
    }

    @Test
    void wireMocksOwnResetAlsoForgetsAppointments() {
        admin("POST", "/reset", null);

        assertThat(total(alice)).isZero();
    }

    @Test
    void theJUnitHelperResets() {
        mock.reset(bob.apiKey());
        assertThat(total(bob)).isZero();
        assertThat(total(alice)).isEqualTo(1);

        mock.reset();
        assertThat(total(alice)).isZero();
    }

    @Test
    void listsTheReservedKeys() {
        Reply reply = admin("GET", "/clinikapi/reserved-keys", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has(ReservedKeys.REVOKED)).isTrue();
        assertThat(reply.json().size()).isEqualTo(ReservedKeys.describe().size());
    }
}
