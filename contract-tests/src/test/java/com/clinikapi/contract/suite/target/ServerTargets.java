package com.clinikapi.contract.suite.target;

import com.clinikapi.contract.auth.ApiKeyFormat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service on its embedded default (H2) and on PostgreSQL, both started from the packaged jar with
 * standard Micronaut overrides only: environment variables for port and datasource, a plan large
 * enough for the suite's request volume, and the extra API keys the tests need (another tenant, the
 * other mode, a revoked, expired, read-only, write-only or rate-limited key), provisioned before the
 * start with the jar's {@code keys} command, as an operator would.
 */
final class ServerTargets {

    /** The embedded default's documented development key (tenant {@code dev}). */
    static final String DEV_KEY = "clk_test_localdevkey";
    /** Well-formed but never issued. */
    static final String UNKNOWN_KEY = "clk_test_neverissuedcontractkey";
    private static final String READ_WRITE = "appointments:read,appointments:write";
    /** A plan of a few requests an hour, for the key that must meet 429 RATE_LIMITED. */
    private static final String TINY_PLAN = "contract-tiny";
    private static final Map<String, String> SUITE_LIMITS = Map.of(
            // The suite sends far more than a real plan allows; the limiter itself is tested in server/.
            "clinikapi.plans.standard.requests-per-window", "1000000000",
            "clinikapi.plans." + TINY_PLAN + ".requests-per-window", "2",
            "clinikapi.plans." + TINY_PLAN + ".window-seconds", "3600",
            // Likewise the per-client budget of failed key lookups: the suite presents unknown,
            // revoked and expired keys all the time from one address (tested in server/hostile).
            "clinikapi.auth.failures-per-client", "1000000000",
            // and the admission limit: concurrency tests send many requests at once (tested in server/hostile)
            "clinikapi.capacity.max-in-flight", "1000");
    private static final Pattern CREATED_ID = Pattern.compile("Created (key_[A-Za-z0-9_-]+)");

    private ServerTargets() {
    }

    /** The embedded default, in development mode: its primary key is the documented development key. */
    static ContractTarget h2(Consumer<AutoCloseable> resources) {
        return start("server-h2", Map.of(), keys -> DEV_KEY, resources);
    }

    /**
     * PostgreSQL in production mode, configured as the production checklist says: a cursor secret of
     * its own, and a primary key issued with {@code keys create} (the development key is unknown there).
     */
    static ContractTarget postgres(Consumer<AutoCloseable> resources) {
        EmbeddedDatabase database = EmbeddedDatabase.start();
        resources.accept(database);
        Map<String, String> environment = new HashMap<>(database.datasourceEnvironment());
        environment.put("CLINIKAPI_CURSOR_SECRET", "contract-suite-cursor-secret-" + UUID.randomUUID());
        return start("server-postgres", environment, keys -> keys.create("dev", "test", READ_WRITE).key(), resources);
    }

    private static ContractTarget start(String name, Map<String, String> environment, Function<Keys, String> primaryKey,
                                        Consumer<AutoCloseable> resources) {
        Path workDir = ServerProcess.freshWorkDirectory(name);
        Keys keys = new Keys(workDir, environment);
        Map<KeyRole, String> byRole = new EnumMap<>(KeyRole.class);
        byRole.put(KeyRole.PRIMARY, primaryKey.apply(keys));
        byRole.put(KeyRole.UNKNOWN, UNKNOWN_KEY);
        byRole.put(KeyRole.OTHER_TENANT, keys.create("contract-other", "test", READ_WRITE).key());
        byRole.put(KeyRole.OTHER_MODE, keys.create("dev", "live", READ_WRITE).key());
        byRole.put(KeyRole.READ_ONLY, keys.create("dev", "test", "appointments:read").key());
        byRole.put(KeyRole.WRITE_ONLY, keys.create("dev", "test", "appointments:write").key());
        byRole.put(KeyRole.RATE_LIMITED, keys.create("dev", "test", READ_WRITE, "--plan", TINY_PLAN).key());
        CreatedKey revoked = keys.create("dev", "test", READ_WRITE);
        keys.run("revoke", revoked.id());
        byRole.put(KeyRole.REVOKED, revoked.key());
        // expires a second after its creation: long gone when the service has started
        byRole.put(KeyRole.EXPIRED, keys.create("dev", "test", READ_WRITE, "--expires-in", "PT1S").key());

        ServerProcess server = ServerProcess.start(name, workDir, environment, SUITE_LIMITS);
        resources.accept(server);
        return new ContractTarget(name, server.baseUrl(), byRole, Optional.empty());
    }

    /** The jar's {@code keys} command in one working directory and configuration. */
    private record Keys(Path workDir, Map<String, String> environment) {

        CreatedKey create(String tenant, String mode, String scopes, String... more) {
            List<String> arguments = new ArrayList<>(List.of("create", "--tenant", tenant, "--mode", mode, "--scopes", scopes));
            arguments.addAll(List.of(more));
            ServerProcess.KeysCommandOutput output = run(arguments.toArray(String[]::new));
            Matcher id = CREATED_ID.matcher(output.stderr());
            if (!id.find()) {
                throw new IllegalStateException("keys create printed no key id");
            }
            return new CreatedKey(printedKey(output.stdout()), id.group(1));
        }

        ServerProcess.KeysCommandOutput run(String... arguments) {
            return ServerProcess.runKeysCommand(workDir, environment, SUITE_LIMITS, arguments);
        }
    }

    /** The key the command printed: its last well-formed line, whatever else a library may print. */
    private static String printedKey(String stdout) {
        List<String> lines = stdout.lines().map(String::strip).filter(l -> ApiKeyFormat.modeOf(l).isPresent()).toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException("keys create printed no key");
        }
        return lines.get(lines.size() - 1);
    }

    private record CreatedKey(String key, String id) {
    }
}
