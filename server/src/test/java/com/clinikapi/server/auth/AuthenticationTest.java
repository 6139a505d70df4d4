package com.clinikapi.server.auth;

import com.clinikapi.server.support.ApiOperation;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {@code /v1} operation refuses every kind of unusable key with its documented 401. */
abstract class AuthenticationTest extends ApiTest {

    AuthenticationTest(Database database) {
        super(database);
    }

    static class OnH2 extends AuthenticationTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends AuthenticationTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    private String patient;
    private String existing;

    @BeforeEach
    void anExistingAppointment() {
        patient = uniquePatient();
        existing = createId(Bodies.booked(patient));
    }

    private ApiResponse send(ApiOperation operation, String key) {
        return operation.on(api, existing, patient).key(key).send();
    }

    @Nested
    class RefusedKeys {

        @ParameterizedTest
        @EnumSource(ApiOperation.class)
        void aMissingKeyIsUnauthorized(ApiOperation operation) {
            // when
            ApiResponse response = operation.on(api, existing, patient).withoutKey().send();

            // then
            assertRefused(response, "UNAUTHORIZED", "Missing API key; send it in the x-api-key header");
        }

        @ParameterizedTest
        @EnumSource(ApiOperation.class)
        void aKeyOfNeitherFormIsInvalidKeyFormat(ApiOperation operation) {
            assertRefused(send(operation, "sk_live_abcdefgh12345"), "INVALID_KEY_FORMAT", "API key is not a clk_live_ or clk_test_ key");
        }

        @ParameterizedTest
        @ValueSource(strings = {"clk_test_short", "clk_prod_abcdefghijkl", "CLK_TEST_ABCDEFGHIJ", "Bearer clk_test_localdevkey",
                "clk_test_localdevkey!"})
        void almostWellFormedKeysAreInvalidKeyFormat(String key) {
            assertRefused(send(ApiOperation.SEARCH, key), "INVALID_KEY_FORMAT", "API key is not a clk_live_ or clk_test_ key");
        }

        @ParameterizedTest
        @EnumSource(ApiOperation.class)
        void anUnknownKeyIsInvalidKey(ApiOperation operation) {
            assertRefused(send(operation, TestKeys.UNKNOWN), "INVALID_KEY", "Unknown API key");
        }

        @ParameterizedTest
        @EnumSource(ApiOperation.class)
        void aRevokedKeyIsKeyRevoked(ApiOperation operation) {
            assertRefused(send(operation, TestKeys.REVOKED), "KEY_REVOKED", "API key has been revoked");
        }

        @ParameterizedTest
        @EnumSource(ApiOperation.class)
        void anExpiredKeyIsKeyExpired(ApiOperation operation) {
            assertRefused(send(operation, TestKeys.EXPIRED), "KEY_EXPIRED", "API key has expired");
        }

        @Test
        void theLiveTwinOfAKnownTestKeyIsUnknown() {
            assertRefused(send(ApiOperation.SEARCH, "clk_live_localdevkey"), "INVALID_KEY", "Unknown API key");
        }
    }

    @Nested
    class WhatARefusalLeaves {

        @Test
        void refusedChangesChangeNothing() {
            // when
            for (String key : new String[]{null, TestKeys.UNKNOWN, TestKeys.REVOKED, TestKeys.EXPIRED}) {
                Api401 call = new Api401(key);
                call.send(ApiOperation.UPDATE);
                call.send(ApiOperation.DELETE);
                call.send(ApiOperation.CREATE);
            }

            // then
            ApiResponse read = api.get("/v1/appointments/" + existing).send();
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.number("data.version")).isEqualTo(1);
            assertThat(api.get("/v1/appointments?patientId=" + patient).send().number("data.total")).isEqualTo(1);
        }

        @Test
        void aRefusalNeverRepeatsTheKeyNorCarriesMeta() {
            // when
            ApiResponse response = send(ApiOperation.SEARCH, TestKeys.REVOKED);

            // then
            assertThat(response.body()).doesNotContain(TestKeys.REVOKED).doesNotContain("revokedkey");
            assertThat(response.has("meta")).isFalse();
        }

        @Test
        void aRefusalIsNotCountedAgainstAnyLimit() {
            // when
            ApiResponse response = send(ApiOperation.SEARCH, TestKeys.UNKNOWN);

            // then the default plan is reported, untouched
            assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(response.header("X-RateLimit-Limit"));
        }

        /** Sends an operation with a key that is refused, and checks that it was. */
        private final class Api401 {
            private final String key;

            Api401(String key) {
                this.key = key;
            }

            void send(ApiOperation operation) {
                ApiResponse response = key == null
                        ? operation.on(api, existing, patient).withoutKey().send()
                        : operation.on(api, existing, patient).key(key).send();
                assertThat(response.status()).as(response.body()).isEqualTo(401);
            }
        }
    }

    private static void assertRefused(ApiResponse response, String code, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("error")).isEqualTo(message);
        assertThat(response.text("requestId")).isEqualTo(response.header("X-Request-Id").orElseThrow());
        assertThat(response.at("issues").size()).isZero();
    }
}
