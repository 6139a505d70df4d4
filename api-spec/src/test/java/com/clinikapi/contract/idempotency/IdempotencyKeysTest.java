package com.clinikapi.contract.idempotency;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IdempotencyKeysTest {

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class Keys {

        @ParameterizedTest
        @ValueSource(strings = {"7c9e6679-7425-40de-944b-e07fc1f90ae7", "a", "order:42/retry=1~ok"})
        void acceptsVisibleAsciiUpTo255Characters(String key) {
            assertThat(IdempotencyKeys.parse(key)).contains(key);
            assertThat(IdempotencyKeys.parse("k".repeat(255))).isPresent();
        }

        @Test
        void anAbsentHeaderIsNoKey() {
            assertThat(IdempotencyKeys.parse(null)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "has space", "caf\u00e9", "tab\tkey"})
        void refusesAnythingElseAsAnInvalidParameterWithoutEchoingIt(String key) {
            ApiException refused = catchThrowableOfType(ApiException.class, () -> IdempotencyKeys.parse(key));

            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
            assertThat(refused.issues()).singleElement().satisfies(issue -> {
                assertThat(issue.field()).isEqualTo("Idempotency-Key");
                assertThat(issue.diagnostics()).doesNotContain("has space");
            });
        }

        @Test
        void refusesAKeyLongerThan255Characters() {
            assertThat(catchThrowableOfType(ApiException.class, () -> IdempotencyKeys.parse("k".repeat(256)))).isNotNull();
        }

        @Test
        void isStoredAsADigestThatDoesNotContainIt() {
            String digest = IdempotencyKeys.digest("my-secret-ish-key");

            assertThat(digest).hasSize(43).doesNotContain("my-secret").isEqualTo(IdempotencyKeys.digest("my-secret-ish-key"));
            assertThat(IdempotencyKeys.digest("another-key")).isNotEqualTo(digest);
        }

        @Test
        void areRememberedForADay() {
            assertThat(IdempotencyKeys.RETENTION).isEqualTo(Duration.ofHours(24));
        }
    }

    @Nested
    class Fingerprints {

        private final String original = IdempotencyKeys.fingerprint("POST", "/v1/appointments", null, body("{\"a\":1}"));

        @Test
        void areEqualForTheSameRequest() {
            assertThat(IdempotencyKeys.fingerprint("POST", "/v1/appointments", null, body("{\"a\":1}"))).isEqualTo(original);
        }

        @Test
        void differWhenAnyPartDiffers() {
            assertThat(IdempotencyKeys.fingerprint("POST", "/v1/appointments", null, body("{\"a\":2}"))).isNotEqualTo(original);
            assertThat(IdempotencyKeys.fingerprint("PATCH", "/v1/appointments", null, body("{\"a\":1}"))).isNotEqualTo(original);
            assertThat(IdempotencyKeys.fingerprint("POST", "/v1/appointments/x", null, body("{\"a\":1}"))).isNotEqualTo(original);
            assertThat(IdempotencyKeys.fingerprint("POST", "/v1/appointments", "\"1\"", body("{\"a\":1}"))).isNotEqualTo(original);
        }

        @Test
        void cannotBeForgedByMovingBytesBetweenParts() {
            assertThat(IdempotencyKeys.fingerprint("POST", "/v1/ab", null, body("c")))
                    .isNotEqualTo(IdempotencyKeys.fingerprint("POST", "/v1/a", null, body("bc")));
        }
    }
}
