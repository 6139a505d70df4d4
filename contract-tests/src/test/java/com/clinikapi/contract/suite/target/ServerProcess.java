package com.clinikapi.contract.suite.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code server/target/clinikapi-server.jar}) as a child process on a free port.
 * A separate JVM keeps Micronaut's classpath apart from the suite's (WireMock, the validator) and
 * tests exactly what ships. Its output goes to a log file under {@code target/contract-logs/}.
 */
final class ServerProcess implements AutoCloseable {

    /** Seconds on an idle machine; generous for a CI runner that builds other modules at the same time. */
    private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(240);
    private static final int PORT_ATTEMPTS = 3;

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private ServerProcess(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /**
     * A fresh working directory for a service named {@code name}: the embedded default keeps its
     * database files relative to it, so the keys provisioned there ({@link #runKeysCommand}) are the
     * ones the service started there ({@link #start}) sees.
     */
    static Path freshWorkDirectory(String name) {
        Path workDir = Suite.outputDirectory().resolve("contract-work").resolve(name);
        try {
            deleteRecursively(workDir);
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return workDir;
    }

    /**
     * Runs the jar's {@code keys} command, as an operator provisions keys, and returns what it
     * printed: the new key on stdout, the key's id on stderr.
     *
     * @param properties configuration as system properties, the same the service starts with
     */
    static KeysCommandOutput runKeysCommand(Path workDir, Map<String, String> environment, Map<String, String> properties,
                                            String... arguments) {
        // a short-lived command: the quick JIT tier and a small heap start it fastest
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xshare:auto"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", serverJar().toString(), "keys"));
        command.addAll(List.of(arguments));
        try {
            Path out = Files.createTempFile(workDir, "keys", ".out");
            Path err = Files.createTempFile(workDir, "keys", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("CLINIKAPI_LOG_FORMAT", "plain");
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keys " + arguments[0] + " failed:\n" + Files.readString(err));
            }
            return new KeysCommandOutput(Files.readString(out).strip(), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the {@code keys} command printed. */
    record KeysCommandOutput(String stdout, String stderr) {
    }

    /**
     * @param name        for the log file, e.g. {@code server-h2}
     * @param workDir     its working directory, from {@link #freshWorkDirectory}
     * @param environment settings passed as environment variables (Micronaut's standard overrides)
     * @param properties  configuration passed as system properties
     */
    static ServerProcess start(String name, Path workDir, Map<String, String> environment, Map<String, String> properties) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnFreePort(name, workDir, environment, properties);
            } catch (PortTakenException e) {
                // another process took a free port between our look and the service's bind
                if (attempt == PORT_ATTEMPTS) {
                    throw new IllegalStateException(name + " found no free port in " + PORT_ATTEMPTS + " attempts", e);
                }
            }
        }
    }

    private static ServerProcess startOnFreePort(String name, Path workDir, Map<String, String> environment,
                                                 Map<String, String> properties) {
        Path jar = serverJar();
        Path log = Suite.outputDirectory().resolve("contract-logs").resolve(name + ".log");
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m"));
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
            // its own management port too: the default (8085) is taken when the service already runs here
            builder.environment().put("CLINIKAPI_MANAGEMENT_PORT", Integer.toString(managementPort));
            builder.environment().putAll(environment);
            Process process = builder.start();
            ServerProcess server = new ServerProcess(process, "http://localhost:" + port, log);
            try {
                Duration took = Health.awaitUp(server.baseUrl, STARTUP_DEADLINE, process::isAlive);
                System.out.printf("[contract] %s: service up on port %d after %d ms (log: %s)%n",
                        name, port, took.toMillis(), log);
            } catch (RuntimeException e) {
                server.close();
                if (Files.readString(log).contains("Address already in use")) {
                    throw new PortTakenException(port, managementPort);
                }
                throw new IllegalStateException(name + " did not start; last lines of " + log + ":\n" + tail(log), e);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port chosen was taken by someone else before the service could bind it. */
    private static final class PortTakenException extends RuntimeException {
        PortTakenException(int port, int managementPort) {
            super("port " + port + " or management port " + managementPort + " was taken before the service bound it");
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Path serverJar() {
        String configured = System.getProperty("contract.serverJar");
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("system property contract.serverJar is not set (the build sets it)");
        }
        Path jar = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build the service first "
                    + "(./mvnw -B -DskipTests -pl server -am package), or run the whole build (./mvnw -B verify)");
        }
        return jar;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
