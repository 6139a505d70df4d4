package com.clinikapi.mock;

import com.clinikapi.mock.auth.ReservedKeys;
import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys are checked the way the service checks them, and every key is its own sandbox. */
class AuthSimulationTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
    }

    /** One call of each operation, made with the given client. */
    private List<Function<ApiClient, Reply>> everyOperation() {
        String id = api.createdId(Bodies.booked());
        return List.of(
                client -> client.create(Bodies.booked()),
                client -> client.read(id),
                client -> client.update(id, "{\"priority\": 1}"),
                client -> client.delete(id),
                client -> client.search(""));
    }

    @Nested
    class KeyFormat {

        @Test
        void answersEveryOperationWithoutAKeyWithUnauthorized() {
            for (Function<ApiClient, Reply> call : everyOperation()) {
                Reply reply = call.apply(api.withKey(null));
                assertThat(reply.status()).isEqualTo(401);
                assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
                assertThat(reply.json().path("error").asText()).isEqualTo("Missing API key; send it in the x-api-key header");
            }
        }

        @Test
        void answersAMalformedKeyWithInvalidKeyFormat() {
            for (String malformed : List.of("sk_live_abcdefgh", "clk_test_short", "clk_prod_abcdefghij", "")) {
                Reply reply = api.withKey(malformed).search("");
                assertThat(reply.status()).as(malformed).isEqualTo(401);
                assertThat(reply.code()).as(malformed).isIn("INVALID_KEY_FORMAT", "UNAUTHORIZED");
            }
            assertThat(api.withKey("sk_live_abcdefgh").search("").code()).isEqualTo("INVALID_KEY_FORMAT");
        }

        @Test
        void acceptsAnyWellFormedLiveOrTestKey() {
            assertThat(api.withKey("clk_live_anything-1234").search("").status()).isEqualTo(200);
            assertThat(api.withKey("clk_test_" + "x".repeat(128)).search("").status()).isEqualTo(200);
        }

        @Test
        void answersHealthWithoutAKey() {
            Reply reply = api.withKey(null).send(api.withKey(null).request("/health").GET());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("status").asText()).isEqualTo("UP");
        }
    }

    @Nested
    class ReservedKeysAnswerTheirDocumentedErrors {

        @Test
        void unknownKeyIsInvalidKey() {
            assertError(api.withKey(ReservedKeys.UNKNOWN).search(""), 401, "INVALID_KEY");
        }

        @Test
        void revokedKeyIsKeyRevoked() {
            assertError(api.withKey(ReservedKeys.REVOKED).create(Bodies.booked()), 401, "KEY_REVOKED");
        }

        @Test
        void expiredKeyIsKeyExpired() {
            assertError(api.withKey(ReservedKeys.EXPIRED).read("appt_x"), 401, "KEY_EXPIRED");
        }

        @Test
        void readOnlyKeyMayReadButNotWrite() {
            ApiClient readOnly = api.withKey(ReservedKeys.READ_ONLY);

            assertThat(readOnly.search("").status()).isEqualTo(200);
            assertThat(readOnly.read("appt_x").status()).isEqualTo(404);
            assertError(readOnly.create(Bodies.booked()), 403, "INSUFFICIENT_SCOPE");
            assertError(readOnly.update("appt_x", "{\"priority\": 1}"), 403, "INSUFFICIENT_SCOPE");
            assertError(readOnly.delete("appt_x"), 403, "INSUFFICIENT_SCOPE");
        }

        @Test
        void rateLimitedKeyIsAlwaysRateLimitedWithRetryAfter() {
            Reply reply = api.withKey(ReservedKeys.RATE_LIMITED).search("");

            assertError(reply, 429, "RATE_LIMITED");
            assertThat(reply.header("Retry-After")).isEqualTo("1");
            assertThat(reply.header("X-RateLimit-Remaining")).isEqualTo("0");
        }

        @Test
        void aRefusalForScopeIsCountedAndCarriesMetaAsOnTheService() {
            ApiClient readOnly = api.withKey(ReservedKeys.READ_ONLY);
            int before = Integer.parseInt(readOnly.search("").header("X-RateLimit-Remaining"));

            Reply reply = readOnly.delete("appt_x");

            assertError(reply, 403, "INSUFFICIENT_SCOPE");
            assertThat(Integer.parseInt(reply.header("X-RateLimit-Remaining"))).isEqualTo(before - 1);
            assertMetaMatchesHeaders(reply, 403);
        }

        @Test
        void aRateLimitedAnswerCarriesMetaWithNothingRemaining() {
            Reply reply = api.withKey(ReservedKeys.RATE_LIMITED).create(Bodies.booked());

            assertError(reply, 429, "RATE_LIMITED");
            assertMetaMatchesHeaders(reply, 429);
            assertThat(reply.json().path("meta").path("rateLimitRemaining").asInt()).isZero();
        }

        @Test
        void aRefusedKeyGetsNoMeta() {
            for (String key : List.of(ReservedKeys.UNKNOWN, ReservedKeys.REVOKED, ReservedKeys.EXPIRED)) {
                Reply reply = api.withKey(key).search("");
                assertThat(reply.json().has("meta")).as(key).isFalse();
                assertThat(reply.header("X-RateLimit-Remaining")).isEqualTo(reply.header("X-RateLimit-Limit"));
            }
        }

        @Test
        void reservedKeysAreWellFormed() {
            for (String key : ReservedKeys.describe().keySet()) {
                assertThat(com.clinikapi.contract.auth.ApiKeyFormat.modeOf(key)).as(key).isPresent();
            }
        }
    }

    @Nested
    class Isolation {

        @Test
        void anotherKeySeesNothingOfThisKeysAppointments() {
            String id = api.createdId(Bodies.booked());
            ApiClient other = api.withKey(ClinikMockExtension.newApiKey());

            assertThat(other.read(id).code()).isEqualTo("NOT_FOUND");
            assertThat(other.update(id, "{\"priority\": 1}").code()).isEqualTo("NOT_FOUND");
            assertThat(other.delete(id).code()).isEqualTo("NOT_FOUND");
            assertThat(other.search("").data().path("total").asInt()).isZero();
            assertThat(api.read(id).status()).isEqualTo(200);
        }

        @Test
        void liveAndTestKeysOfTheSameSuffixAreDifferentSandboxes() {
            String id = api.withKey("clk_test_sameSuffix123").createdId(Bodies.booked());

            assertThat(api.withKey("clk_live_sameSuffix123").read(id).status()).isEqualTo(404);
        }
    }

    private static void assertMetaMatchesHeaders(Reply reply, int status) {
        assertThat(reply.json().path("meta").path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("meta").path("requestId").asText()).isEqualTo(reply.header("X-Request-Id"));
        assertThat(reply.json().path("meta").path("rateLimitTotal").asText()).isEqualTo(reply.header("X-RateLimit-Limit"));
        assertThat(reply.json().path("meta").path("rateLimitRemaining").asText()).isEqualTo(reply.header("X-RateLimit-Remaining"));
        assertThat(reply.json().path("meta").path("rateLimitReset").asText()).isEqualTo(reply.header("X-RateLimit-Reset"));
    }

    private static void assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.json().path("requestId").asText()).isEqualTo(reply.header("X-Request-Id"));
        assertThat(reply.json().path("issues").isArray()).isTrue();
    }
}
