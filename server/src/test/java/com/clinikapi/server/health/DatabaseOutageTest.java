package com.clinikapi.server.health;

import com.clinikapi.server.support.Api;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.LogCapture;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What callers see when the database goes away under a running service. H2 only: it is the one
 * database a test can take down without disturbing the shared servers (the in-memory database is
 * shut down, and {@code IFEXISTS} stops the pool from quietly creating a new one). Its own server,
 * started and stopped here.
 */
class DatabaseOutageTest {

    private static final String MARKER = "JaneDoe1970";

    private static Connection keeper;
    private static EmbeddedServer server;
    private static Api api;

    @BeforeAll
    static void startAServiceOnItsOwnDatabase() throws SQLException {
        String name = "jdbc:h2:mem:outage_" + UUID.randomUUID();
        keeper = DriverManager.getConnection(name + ";DB_CLOSE_DELAY=-1", "sa", "");
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "datasources.default.url", name + ";IFEXISTS=TRUE",
                "datasources.default.connection-timeout", 250));
        api = new Api(server);
    }

    @AfterAll
    static void stop() throws SQLException {
        server.close();
        keeper.close();
    }

    @Test
    void healthTurnsDownAndRequestsAreAnswered503WithoutLeakingAnything() throws SQLException {
        // given
        assertThat(api.get("/health").withoutKey().send().status()).isEqualTo(200);

        // when
        try (Statement statement = keeper.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        ApiResponse health;
        ApiResponse create;
        List<String> logLines;
        try (LogCapture logs = new LogCapture()) {
            health = api.get("/health").withoutKey().send();
            create = api.post("/v1/appointments", """
                    {"status":"proposed","patientId":"p","comment":"%s"}""".formatted(MARKER)).send();
            logLines = logs.lines();
        }

        // then
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.text("status")).isEqualTo("DOWN");
        assertThat(create.status()).isEqualTo(503);
        assertThat(create.text("code")).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(create.header("Retry-After")).hasValue("5");
        assertThat(create.at("issues").size()).isZero();
        assertThat(create.body()).doesNotContain(MARKER).doesNotContainIgnoringCase("exception");
        assertThat(logLines).anyMatch(line -> line.contains(create.text("requestId")));
        assertThat(logLines).noneMatch(line -> line.contains(MARKER));
    }
}
