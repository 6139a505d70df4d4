package com.clinikapi.mock;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * Runs the partner mock: {@code java -jar clinikapi-mock.jar [--port N] [--verbose]
 * [--journal-size N] [--validate-responses]}. Serves on port 8081 by default until stopped.
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
        configureLogging(settings.verbose());
        WireMockServer server = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "clinikapi-mock-stop"));
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("ClinikAPI mock serving http://localhost:%d (started in %d ms)%n", server.port(), sinceJvmStart);
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

    /** The settings, or null when help was asked for. */
    static MockSettings parse(String[] args) {
        int port = MockSettings.DEFAULT_PORT;
        boolean verbose = false;
        int journalSize = MockSettings.DEFAULT_JOURNAL_SIZE;
        boolean validateResponses = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = intArgument(args, ++i, "--port");
                case "--verbose" -> verbose = true;
                case "--journal-size" -> journalSize = intArgument(args, ++i, "--journal-size");
                case "--validate-responses" -> validateResponses = true;
                case "--help", "-h" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new MockSettings(port, verbose, journalSize, validateResponses);
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
                  --verbose              log one line per request (operation, status, time; never a value)
                  --journal-size N       requests kept for verification via /__admin/requests (default 1000; 0 disables)
                  --validate-responses   check every response against the spec and log violations (slower)
                  --help                 this text""");
    }
}
