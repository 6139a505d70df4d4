package com.clinikapi.server.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.LogCapture;
import com.clinikapi.server.support.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No request body and no API key reaches the logs, even with the service's own loggers at DEBUG,
 * whatever the outcome; error bodies never repeat the key.
 */
abstract class LogHygieneTest extends ApiTest {

    private static final String MARKER = "Sensitive-Patient-Note-7f3a";

    LogHygieneTest(Database database) {
        super(database);
    }

    static class OnH2 extends LogHygieneTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends LogHygieneTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    private final Logger serviceLogger = (Logger) LoggerFactory.getLogger("com.clinikapi");
    private Level previousLevel;

    @BeforeEach
    void serviceLogsAtDebug() {
        previousLevel = serviceLogger.getLevel();
        serviceLogger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void restoreLevel() {
        serviceLogger.setLevel(previousLevel);
    }

    @Test
    void neitherBodiesNorKeysAreLoggedWhateverTheOutcome() {
        // given
        String body = """
                {"status":"booked","patientId":"pat_%s","start":"2026-12-01T09:00:00Z","minutesDuration":30,"comment":"%s"}
                """.formatted(MARKER, MARKER);
        String unknownKey = "clk_test_" + MARKER;
        List<String> keys = List.of(TestKeys.DEV_TEST, TestKeys.REVOKED, TestKeys.READ_ONLY, unknownKey);

        try (LogCapture logs = new LogCapture()) {
            // when
            for (String key : keys) {
                ApiResponse response = api.post("/v1/appointments", body).key(key).send();
                assertThat(response.body()).doesNotContain(key);
            }
            api.post("/v1/appointments", "{\"comment\":\"" + MARKER + "\",").send();
            api.post("/v1/appointments", "{\"status\":\"" + MARKER + "\",\"patientId\":\"" + MARKER + "\"}").send();
            api.get("/v1/appointments?patientId=" + MARKER).key(unknownKey).send();

            // then
            assertThat(logs.lines()).noneSatisfy(line -> assertThat(line).contains(MARKER));
            for (String key : keys) {
                String secretPart = key.substring(13);
                assertThat(logs.lines()).noneSatisfy(line -> assertThat(line).contains(secretPart));
            }
        }
    }
}
