package com.clinikapi.contract.suite.target;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The service on its embedded default (H2) and on PostgreSQL, both started from the packaged jar with
 * standard Micronaut overrides only: environment variables for port and datasource, and, as an
 * operator would configure them, extra API keys ({@code clinikapi.api-keys.*}) for the tests that
 * need another tenant, the other mode, or a revoked, expired or read-only key.
 */
final class ServerTargets {

    /** The embedded default's documented development key (tenant {@code dev}). */
    static final String DEV_KEY = "clk_test_localdevkey";
    /** Well-formed but never issued. */
    static final String UNKNOWN_KEY = "clk_test_neverissuedcontractkey";

    private ServerTargets() {
    }

    static ContractTarget h2(Consumer<AutoCloseable> resources) {
        ServerProcess server = ServerProcess.start("server-h2", Map.of(), keyConfiguration());
        resources.accept(server);
        return target("server-h2", server);
    }

    static ContractTarget postgres(Consumer<AutoCloseable> resources) {
        EmbeddedDatabase database = EmbeddedDatabase.start();
        resources.accept(database);
        ServerProcess server = ServerProcess.start("server-postgres", database.datasourceEnvironment(), keyConfiguration());
        resources.accept(server);
        return target("server-postgres", server);
    }

    /** The extra keys, by role. */
    private static Map<KeyRole, ConfiguredKey> extraKeys() {
        Map<KeyRole, ConfiguredKey> keys = new EnumMap<>(KeyRole.class);
        keys.put(KeyRole.OTHER_TENANT, new ConfiguredKey("contract-other-tenant", "clk_test_contractothertenant", "contract-other",
                Map.of()));
        keys.put(KeyRole.OTHER_MODE, new ConfiguredKey("contract-live", "clk_live_contractdevlivekey", "dev", Map.of()));
        keys.put(KeyRole.REVOKED, new ConfiguredKey("contract-revoked", "clk_test_contractrevokedkey", "dev",
                Map.of("revoked", "true")));
        keys.put(KeyRole.EXPIRED, new ConfiguredKey("contract-expired", "clk_test_contractexpiredkey", "dev",
                Map.of("expires-at", "2020-01-01T00:00:00Z")));
        keys.put(KeyRole.READ_ONLY, new ConfiguredKey("contract-read-only", "clk_test_contractreadonlykey", "dev",
                Map.of("scopes", "appointments:read")));
        keys.put(KeyRole.WRITE_ONLY, new ConfiguredKey("contract-write-only", "clk_test_contractwriteonlykey", "dev",
                Map.of("scopes", "appointments:write")));
        return keys;
    }

    /** {@code clinikapi.api-keys.<name>.*} system properties for the extra keys. */
    private static Map<String, String> keyConfiguration() {
        Map<String, String> properties = new LinkedHashMap<>();
        extraKeys().values().forEach(k -> {
            String prefix = "clinikapi.api-keys." + k.name() + ".";
            properties.put(prefix + "key", k.key());
            properties.put(prefix + "tenant", k.tenant());
            k.settings().forEach((name, value) -> properties.put(prefix + name, value));
        });
        return properties;
    }

    private static ContractTarget target(String name, ServerProcess server) {
        Map<KeyRole, String> keys = new HashMap<>();
        keys.put(KeyRole.PRIMARY, DEV_KEY);
        keys.put(KeyRole.UNKNOWN, UNKNOWN_KEY);
        extraKeys().forEach((role, key) -> keys.put(role, key.key()));
        return new ContractTarget(name, server.baseUrl(), keys, Optional.empty());
    }

    private record ConfiguredKey(String name, String key, String tenant, Map<String, String> settings) {
    }
}
