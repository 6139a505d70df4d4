package com.clinikapi.contract.suite.target;

import com.clinikapi.contract.suite.coverage.CoverageRecorder;
import com.clinikapi.contract.suite.http.ContractClient;

import java.util.ArrayList;
import java.util.List;

/**
 * The target of this JVM, started on first use and stopped when the test run ends
 * ({@link TargetSessionListener}, with a shutdown hook as a safety net so no child process outlives
 * the build). The suite's test classes do not know which target they run against.
 */
public final class Targets {

    private static final InheritableThreadLocal<ContractTarget> OVERRIDE = new InheritableThreadLocal<>();
    private static ContractTarget current;
    private static List<ContractTarget> differentialPair;
    private static final List<AutoCloseable> RESOURCES = new ArrayList<>();
    private static boolean hookInstalled;
    private static java.time.Instant startedAt;
    private static RuntimeException launchFailure;

    private Targets() {
    }

    /** The client every test uses: contract-checked, recording coverage. */
    public static ContractClient client() {
        ContractTarget override = OVERRIDE.get();
        if (override != null) {
            return new ContractClient(override, e -> { });
        }
        return new ContractClient(current(), CoverageRecorder.get());
    }

    /** The name of the target tests run against, without starting it; empty outside a suite run. */
    public static java.util.Optional<String> currentName() {
        ContractTarget override = OVERRIDE.get();
        if (override != null) {
            return java.util.Optional.of(override.name());
        }
        return java.util.Optional.ofNullable(System.getProperty("contract.target")).filter(n -> !n.isBlank());
    }

    public static synchronized ContractTarget current() {
        ContractTarget override = OVERRIDE.get();
        if (override != null) {
            return override;
        }
        if (launchFailure != null) {
            throw new IllegalStateException("the target did not start (see the first failure): " + launchFailure.getMessage(),
                    launchFailure);
        }
        if (current == null) {
            installShutdownHook();
            startedAt = java.time.Instant.now();
            // a stale record from an earlier run must not count for this one
            CoverageRecorder.get().discard(Suite.targetName());
            try {
                current = launch(Suite.targetName());
            } catch (RuntimeException e) {
                // once is enough: every later test fails at once with the same cause
                launchFailure = e;
                throw e;
            }
            System.out.printf("[contract] running the suite against %s at %s%n", current.name(), current.baseUrl());
        }
        return current;
    }

    /**
     * Runs the given work with every test pointed at another target, without recording coverage:
     * for the self-check that the suite fails against a broken implementation.
     */
    public static void withTarget(ContractTarget target, Runnable work) {
        ContractTarget previous = OVERRIDE.get();
        OVERRIDE.set(target);
        try {
            work.run();
        } finally {
            OVERRIDE.set(previous);
        }
    }

    /** Starts a target by name; the caller owns nothing: resources close with {@link #stop()}. */
    static ContractTarget launch(String name) {
        return launch(name, RESOURCES::add);
    }

    /** Starts a target by name outside the run's lifecycle, e.g. for the self-check; the caller closes the resources. */
    public static ContractTarget launch(String name, java.util.function.Consumer<AutoCloseable> resources) {
        return switch (name) {
            case "mock" -> MockTarget.start(resources);
            case "server-h2" -> ServerTargets.h2(resources);
            case "server-postgres" -> ServerTargets.postgres(resources);
            case "deployment" -> DeploymentTarget.fromSystemProperties();
            default -> throw new IllegalStateException("unknown contract.target " + name);
        };
    }

    /**
     * The mock and the service on H2, side by side, for the differential check (run with
     * {@code contract.target=differential}). Their exchanges are not counted as coverage.
     */
    public static synchronized List<ContractTarget> differentialPair() {
        if (differentialPair == null) {
            installShutdownHook();
            differentialPair = List.of(launch("mock"), launch("server-h2"));
        }
        return differentialPair;
    }

    /** The targets whose behaviour this run observes: the current one, or both of the differential pair. */
    public static java.util.Set<String> namesUnderTest() {
        return currentName().map(n -> n.equals("differential") ? java.util.Set.of("mock", "server-h2") : java.util.Set.of(n))
                .orElse(java.util.Set.of());
    }

    /** Closes the target (child processes, database, in-process mock) and writes the coverage record. */
    static synchronized void stop() {
        if (current != null) {
            CoverageRecorder.get().write(current.name());
            System.out.printf("[contract] %s: run took %d s from the target's start%n", current.name(),
                    java.time.Duration.between(startedAt, java.time.Instant.now()).toSeconds());
        }
        for (int i = RESOURCES.size() - 1; i >= 0; i--) {
            try {
                RESOURCES.get(i).close();
            } catch (Exception e) {
                System.err.println("[contract] could not stop " + RESOURCES.get(i) + ": " + e);
            }
        }
        RESOURCES.clear();
        current = null;
        differentialPair = null;
    }

    private static void installShutdownHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(Targets::stop, "contract-target-stop"));
            hookInstalled = true;
        }
    }
}
