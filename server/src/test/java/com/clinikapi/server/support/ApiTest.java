package com.clinikapi.server.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeEach;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the service's tests: each test class is abstract and declares two nested subclasses,
 * {@code OnH2} and {@code OnPostgres}, which are what runs; so every test (and its {@code @Nested}
 * groups) runs once per {@link Database}, against the one running service on that database, over
 * real HTTP.
 */
public abstract class ApiTest {

    protected final Database database;

    protected EmbeddedServer server;
    protected Api api;

    protected ApiTest(Database database) {
        this.database = database;
    }

    @BeforeEach
    void connect() {
        server = TestServers.on(database);
        api = new Api(server);
    }

    /** The running service's application context (its beans: key administration, configuration). */
    protected ApplicationContext context() {
        return server.getApplicationContext();
    }

    /** The datasource configuration of the running service: for a second instance or the CLI on the same database. */
    protected Map<String, Object> sameDatabase() {
        Map<String, Object> datasource = new HashMap<>();
        for (String property : new String[]{"url", "username", "password"}) {
            context().getProperty("datasources.default." + property, String.class)
                    .ifPresent(value -> datasource.put("datasources.default." + property, value));
        }
        return datasource;
    }

    /** Creates an appointment over the API with the dev test key; fails the test unless it is 201. */
    protected ApiResponse create(String body) {
        ApiResponse response = api.post("/v1/appointments", body).send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    /** The id of a new appointment created from {@code body}. */
    protected String createId(String body) {
        return create(body).text("data.id");
    }

    /** A patient id no other test uses, so a test's searches see only its own appointments. */
    protected static String uniquePatient() {
        return "pat_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
