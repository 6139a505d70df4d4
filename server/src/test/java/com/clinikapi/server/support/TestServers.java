package com.clinikapi.server.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * One running service per database for the whole test run (random port, the application's own
 * configuration plus the test keys and plans), so the suite pays each start-up once; and, for the
 * tests that need them, more instances started and closed by the test itself.
 */
public final class TestServers {

    private static final Map<Database, EmbeddedServer> RUNNING = new EnumMap<>(Database.class);

    private TestServers() {
    }

    public static synchronized EmbeddedServer on(Database database) {
        return RUNNING.computeIfAbsent(database, d -> {
            EmbeddedServer server = start(d.datasource(), Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            return server;
        });
    }

    /**
     * A service of its own on this datasource (random ports, test keys stored in its database), for
     * tests that must do to its database what the shared servers' tests must not see, such as
     * stopping it. The caller closes it.
     */
    public static EmbeddedServer start(Map<String, Object> datasource) {
        return start(datasource, Map.of());
    }

    /**
     * A new instance of the service (the caller closes it) on this datasource, with the test
     * configuration and {@code overrides} on top; the test keys are stored in its database.
     */
    public static EmbeddedServer start(Map<String, Object> datasource, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(configuration());
        properties.putAll(datasource);
        properties.putAll(overrides);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        TestKeys.seed(server.getApplicationContext());
        return server;
    }

    /** Where the server's management endpoints (the Prometheus scrape) listen. */
    public static int managementPort(EmbeddedServer server) {
        return server.getEnvironment().getRequiredProperty("endpoints.all.port", Integer.class);
    }

    private static Map<String, Object> configuration() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("endpoints.all.port", FreePorts.next());
        // The suite sends far more than a real plan allows with the dev key; rate-limit tests use "tiny".
        properties.put("clinikapi.plans.standard.requests-per-window", 1_000_000);
        properties.put("clinikapi.plans." + TestKeys.TINY_PLAN + ".requests-per-window", TestKeys.TINY_LIMIT);
        // Likewise the per-client budget of failed key lookups: the suite presents unknown, revoked
        // and expired keys all the time from one address. UnknownKeyFloodTest sets the real one.
        properties.put("clinikapi.auth.failures-per-client", 1_000_000);
        // And the admission limit: concurrency tests send 50 requests at once to one instance.
        // AdmissionLimitTest sets a small one.
        properties.put("clinikapi.capacity.max-in-flight", 1_000);
        properties.put("clinikapi.plans." + TestKeys.TINY_PLAN + ".window-seconds", 3600);
        properties.put("clinikapi.api-keys.last-used-interval", "1s");
        // The shared PostgreSQL servers use the development key like the embedded default;
        // ProductionModeTest starts servers without this switch.
        properties.put("clinikapi.development", true);
        return properties;
    }
}
