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
        Map<String, Object> properties = new HashMap<>(TestKeys.configuration());
        properties.putAll(database.datasource());
        properties.put("micronaut.server.port", -1);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server;
    }
}
