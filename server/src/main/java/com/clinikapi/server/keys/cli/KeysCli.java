package com.clinikapi.server.keys.cli;

import com.clinikapi.server.keys.KeyAdministrationException;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * {@code java -jar clinikapi-server.jar keys …}: key management from the service's own jar, on the
 * service's own datasource configuration (the same {@code DATASOURCES_DEFAULT_*} environment
 * variables), without starting the HTTP server. See {@link KeysCommand} for the commands.
 */
public final class KeysCli {

    /** The first argument that selects the CLI instead of the service. */
    public static final String COMMAND = "keys";

    private KeysCli() {
    }

    /** The jar's entry: logs go to stderr at WARN unless told otherwise, so stdout carries only the answer. */
    public static void main(String[] args) {
        if (System.getenv("CLINIKAPI_LOG_LEVEL") == null) {
            System.setProperty("CLINIKAPI_LOG_LEVEL", "WARN");
        }
        System.setProperty("CLINIKAPI_LOG_TARGET", "System.err");
        System.exit(run(args, System.out, System.err, Map.of()));
    }

    /**
     * Runs one {@code keys} command.
     *
     * @param args       the arguments after {@code keys}
     * @param properties configuration on top of the usual sources (tests point it at their database)
     * @return the exit code: 0 done, 1 refused (the message says why), 2 bad usage
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, Object> properties) {
        try (KeysSession session = new KeysSession(properties)) {
            CommandLine commandLine = new CommandLine(new KeysCommand(session))
                    .setCaseInsensitiveEnumValuesAllowed(true)
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true))
                    .setExecutionExceptionHandler((e, cmd, parsed) -> {
                        if (e instanceof KeyAdministrationException refused) {
                            cmd.getErr().println("error: " + refused.getMessage());
                            return 1;
                        }
                        throw e;
                    });
            return commandLine.execute(args);
        }
    }
}
