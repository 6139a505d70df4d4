package com.clinikapi.server.deployment;

import com.clinikapi.server.support.Api;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.LogCapture;
import com.clinikapi.server.support.TestKeys;
import com.clinikapi.server.support.TestServers;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Safe by default: on any database but the embedded default the service runs in production mode
 * unless {@code clinikapi.development} says otherwise: it refuses to start with the public default
 * cursor secret, does not accept the public development key, and says in its start log which mode
 * it runs in and why.
 */
class ProductionModeTest {

    private static final String SECRET = "a-real-secret-of-thirty-two-bytes!";

    @Test
    void refusesToStartOnPostgresWithTheDefaultCursorSecret() {
        assertThatThrownBy(() -> TestServers.start(Database.freshPostgres(), Map.of("clinikapi.development", false)))
                .hasStackTraceContaining("CLINIKAPI_CURSOR_SECRET")
                .hasStackTraceContaining("production mode");
    }

    @Test
    void onPostgresWithASecretTheDevelopmentKeyIsUnknownAndIssuedKeysWork() {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("clinikapi.development", false);
        overrides.put("clinikapi.cursor.secret", SECRET);
        try (LogCapture logs = new LogCapture();
             EmbeddedServer server = TestServers.start(Database.freshPostgres(), overrides)) {
            Api api = new Api(server);

            ApiResponse devKey = api.get("/v1/appointments?count=1").key(TestKeys.DEV_TEST).send();
            ApiResponse issued = api.get("/v1/appointments?count=1").key(TestKeys.OTHER_TENANT).send();

            assertThat(devKey.status()).isEqualTo(401);
            assertThat(devKey.text("code")).isEqualTo("INVALID_KEY");
            assertThat(issued.status()).isEqualTo(200);
            assertThat(logs.lines()).anyMatch(line -> line.equals(
                    "Starting in production mode, because it runs on an external database and clinikapi.development is not set"));
        }
    }

    @Test
    void theDevelopmentSwitchAllowsTheDevelopmentKeyOnADevelopersPostgres() {
        try (LogCapture logs = new LogCapture();
             EmbeddedServer server = TestServers.start(Database.freshPostgres(), Map.of("clinikapi.development", true))) {
            ApiResponse devKey = new Api(server).get("/v1/appointments?count=1").key(TestKeys.DEV_TEST).send();

            assertThat(devKey.status()).isEqualTo(200);
            assertThat(logs.lines()).anyMatch(line -> line.equals(
                    "Starting in development mode, because clinikapi.development is true"));
        }
    }

    @Test
    void theEmbeddedDefaultIsDevelopment() {
        try (LogCapture logs = new LogCapture();
             EmbeddedServer server = TestServers.start(Database.H2.datasource(), Map.of("clinikapi.development", false))) {
            ApiResponse devKey = new Api(server).get("/v1/appointments?count=1").key(TestKeys.DEV_TEST).send();

            assertThat(devKey.status()).isEqualTo(200);
            assertThat(logs.lines()).anyMatch(line -> line.equals(
                    "Starting in development mode, because it runs on the embedded H2 database"));
        }
    }
}
