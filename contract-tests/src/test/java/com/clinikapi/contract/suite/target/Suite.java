package com.clinikapi.contract.suite.target;

import java.nio.file.Path;

/** Settings of a suite run, from the system properties the build passes. */
public final class Suite {

    private Suite() {
    }

    /** The module's {@code target/} directory: logs, coverage records, reports. */
    public static Path outputDirectory() {
        return Path.of(System.getProperty("contract.outputDirectory", "target")).toAbsolutePath();
    }

    /** Which target this JVM runs against: {@code mock}, {@code server-h2}, {@code server-postgres}, {@code deployment}. */
    public static String targetName() {
        String name = System.getProperty("contract.target");
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("system property contract.target is not set; run the suite through "
                    + "Maven (./mvnw -B verify) or pass -Dcontract.target=mock|server-h2|server-postgres|deployment");
        }
        return name;
    }

    /** Multiplies every property's tries; 1 in CI. */
    public static double triesFactor() {
        return Double.parseDouble(System.getProperty("contract.tries.factor", "1"));
    }

    /** Tries for a property whose CI budget is {@code base}. */
    public static int tries(int base) {
        return Math.max(1, (int) Math.round(base * triesFactor()));
    }
}
