package com.clinikapi.server.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * One running service per database for the whole test run (random port, the application's own
 * configuration plus the test keys), so the suite pays each start-up once.
 */
public final class TestServers {

    private static final Map<Database, EmbeddedServer> RUNNING = new EnumMap<>(Database.class);

    private TestServers() {
    }

    public static synchronized EmbeddedServer on(Database database) {
        return RUNNING.computeIfAbsent(database, TestServers::start);
    }

    private static EmbeddedServer start(Database database) {
        EmbeddedServer server = start(database.datasource());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server;
    }

    /**
     * A service of its own on this datasource (random ports, test keys), for tests that must do to
     * its database what the shared servers' tests must not see, such as stopping it. Close it.
     */
    public static EmbeddedServer start(Map<String, Object> datasource) {
        Map<String, Object> properties = new HashMap<>(TestKeys.configuration());
        properties.putAll(datasource);
        properties.put("micronaut.server.port", -1);
        properties.put("endpoints.all.port", FreePorts.next());
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    /** Where the server's management endpoints (the Prometheus scrape) listen. */
    public static int managementPort(EmbeddedServer server) {
        return server.getEnvironment().getRequiredProperty("endpoints.all.port", Integer.class);
    }
}
