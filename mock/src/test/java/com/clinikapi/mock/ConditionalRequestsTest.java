package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ETag} and {@code If-Match} in the mock, answered as the service does. */
class ConditionalRequestsTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    private ApiClient api;
    private String id;

    @BeforeEach
    void givenAnAppointment() {
        api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
        id = api.createdId(Bodies.booked());
    }

    private Reply patchIfMatch(String ifMatch, String json) {
        return api.send(api.request("/v1/appointments/" + id).header("Content-Type", ApiClient.JSON)
                .header("If-Match", ifMatch).method("PATCH", ApiClient.body(json)));
    }

    @Test
    void answersEveryAppointmentWithItsVersionAsETag() {
        assertThat(api.read(id).header("ETag")).isEqualTo("\"1\"");
        assertThat(api.update(id, "{\"comment\":\"x\"}").header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void appliesAPatchToTheNamedVersionOnly() {
        Reply applied = patchIfMatch("\"1\"", "{\"comment\":\"first\"}");
        Reply stale = patchIfMatch("\"1\"", "{\"comment\":\"second\"}");

        assertThat(applied.status()).isEqualTo(200);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");
        assertThat(stale.diagnostics()).containsExactly("version: does not match the current version");
        assertThat(api.read(id).data().path("comment").asText()).isEqualTo("first");
    }

    @Test
    void acceptsAStarAndWeakTags() {
        assertThat(patchIfMatch("*", "{\"comment\":\"a\"}").status()).isEqualTo(200);
        assertThat(patchIfMatch("W/\"2\"", "{\"comment\":\"b\"}").status()).isEqualTo(200);
    }

    @Test
    void refusesAMalformedIfMatch() {
        Reply reply = patchIfMatch("1", "{\"comment\":\"x\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.diagnostics()).containsExactly("If-Match: must be * or a list of entity tags such as \"3\"");
    }

    @Test
    void deletesOnlyTheNamedVersion() {
        api.update(id, "{\"comment\":\"changed\"}");

        Reply stale = api.send(api.request("/v1/appointments/" + id).header("If-Match", "\"1\"").DELETE());
        Reply current = api.send(api.request("/v1/appointments/" + id).header("If-Match", "\"2\"").DELETE());

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");
        assertThat(current.status()).isEqualTo(204);
    }
}
