package com.clinikapi.mock;

import com.clinikapi.mock.sandbox.SandboxLimits;
import com.github.tomakehurst.wiremock.WireMockServer;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.lang.management.ManagementFactory;

/**
 * Runs the partner mock: {@code java -jar clinikapi-mock.jar [--port N] [--bind ADDRESS]
 * [--admin-token TOKEN] [--verbose] [--journal-size N] [--validate-responses]
 * [--serve-nonconforming-stubs] [--sandbox-idle-minutes N] [--sandbox-max-appointments N]}. Serves on
 * 127.0.0.1:8081 by default until stopped; beyond loopback, WireMock's admin API needs the admin
 * token (generated and printed at start when none is given).
 */
public final class ClinikApiMock {

    private ClinikApiMock() {
    }

    public static void main(String[] args) {
        MockSettings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            usage(System.err, e.getMessage());
            System.exit(2);
            return;
        }
        if (settings == null) {
            usage(System.out, null);
            return;
        }
        boolean generatedToken = settings.adminToken() != null && !Arrays.asList(args).contains("--admin-token")
                && System.getenv("CLINIKAPI_MOCK_ADMIN_TOKEN") == null;
        configureLogging(settings.verbose());
        WireMockServer server = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "clinikapi-mock-stop"));
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("ClinikAPI mock serving http://%s:%d (started in %d ms)%n",
                settings.bindAddress(), server.port(), sinceJvmStart);
        if (settings.adminToken() != null && generatedToken) {
            System.out.printf("Admin API (/__admin) token: %s (send it as 'Authorization: Token …')%n", settings.adminToken());
        }
        if (ClassDataTraining.requested()) {
            ClassDataTraining.trainAndExit("http://" + settings.bindAddress() + ":" + server.port());
        }
    }

    /** Starts a mock server; the caller stops it. */
    public static WireMockServer start(MockSettings settings) {
        ClinikMockExtensions extensions = new ClinikMockExtensions(settings);
        WireMockServer server = new WireMockServer(settings.wireMockConfiguration(extensions));
        server.start();
        try {
            extensions.runtime();
        } catch (IllegalStateException e) {
            server.stop();
            throw e;
        }
        return server;
    }

    /** The settings, or null when help was asked for; the admin token may also come from the environment. */
    static MockSettings parse(String[] args) {
        return parse(args, System.getenv("CLINIKAPI_MOCK_ADMIN_TOKEN"));
    }

    static MockSettings parse(String[] args, String adminTokenFromEnvironment) {
        int port = MockSettings.DEFAULT_PORT;
        String bindAddress = MockSettings.LOOPBACK;
        String adminToken = adminTokenFromEnvironment == null || adminTokenFromEnvironment.isBlank()
                ? null : adminTokenFromEnvironment;
        boolean verbose = false;
        int journalSize = MockSettings.DEFAULT_JOURNAL_SIZE;
        boolean validateResponses = false;
        boolean serveNonconformingStubs = false;
        int idleMinutes = (int) SandboxLimits.DEFAULT_IDLE_TIME.toMinutes();
        int maxAppointments = SandboxLimits.DEFAULT_MAX_APPOINTMENTS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = intArgument(args, ++i, "--port");
                case "--bind" -> bindAddress = stringArgument(args, ++i, "--bind");
                case "--admin-token" -> adminToken = stringArgument(args, ++i, "--admin-token");
                case "--verbose" -> verbose = true;
                case "--journal-size" -> journalSize = intArgument(args, ++i, "--journal-size");
                case "--validate-responses" -> validateResponses = true;
                case "--serve-nonconforming-stubs" -> serveNonconformingStubs = true;
                case "--sandbox-idle-minutes" -> idleMinutes = intArgument(args, ++i, "--sandbox-idle-minutes");
                case "--sandbox-max-appointments" -> maxAppointments = intArgument(args, ++i, "--sandbox-max-appointments");
                case "--help", "-h" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (adminToken == null && !MockSettings.isLoopback(bindAddress)) {
            // Beyond loopback the admin API is never open: one is made up and printed at start.
            adminToken = randomToken();
        }
        return new MockSettings(port, verbose, journalSize, validateResponses, bindAddress, adminToken,
                serveNonconformingStubs, new SandboxLimits(Duration.ofMinutes(idleMinutes), maxAppointments));
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String stringArgument(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int intArgument(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a number");
        }
        try {
            return Integer.parseInt(args[index]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number");
        }
    }

    /** slf4j-simple, configured before the first logger exists: warnings only, request lines when verbose. */
    private static void configureLogging(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
        System.setProperty("org.slf4j.simpleLogger.log.com.clinikapi.mock", verbose ? "info" : "warn");
    }

    private static void usage(PrintStream out, String problem) {
        if (problem != null) {
            out.println(problem);
        }
        out.println("""
                usage: java -jar clinikapi-mock.jar [options]
                  --port N               HTTP port (default 8081; 0 picks a free port)
                  --bind ADDRESS         address to listen on (default 127.0.0.1; 0.0.0.0 to share the mock with a team)
                  --admin-token TOKEN    token WireMock's admin API (/__admin) requires as 'Authorization: Token TOKEN'
                                         (or CLINIKAPI_MOCK_ADMIN_TOKEN); beyond loopback one is generated if not given
                  --verbose              log one line per request (operation, status, time; never a value)
                  --journal-size N       requests kept for verification via /__admin/requests (default 1000; 0 disables)
                  --validate-responses   check every response against the spec and log violations (slower)
                  --serve-nonconforming-stubs
                                         serve stubs registered through WireMock's API even if their answer
                                         breaks the spec (logged); by default they are refused
                  --sandbox-idle-minutes N
                                         forget a key's sandbox after N minutes without a request (default 30)
                  --sandbox-max-appointments N
                                         appointments one sandbox may hold; more is 409 SANDBOX_FULL (default 10000)
                  --help                 this text""");
    }
}
