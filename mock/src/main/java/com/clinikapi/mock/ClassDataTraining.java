package com.clinikapi.mock;

import com.clinikapi.contract.FirstRequests;

/**
 * The build's training run for the application class-data archive ({@code target/clinikapi-mock.jsa},
 * which the README's start command passes as {@code -XX:SharedArchiveFile}): with
 * {@code -Dclinikapi.class-data-training=true} and {@code -XX:ArchiveClassesAtExit}, the mock starts,
 * answers a client's {@link FirstRequests} and exits, and the JVM writes every class it loaded into
 * the archive. A later start maps those classes instead of loading and verifying them from the jar.
 * The same idea as Spring Boot's {@code -Dspring.context.exit=onRefresh}.
 */
final class ClassDataTraining {

    private static final String PROPERTY = "clinikapi.class-data-training";
    private static final String KEY = "clk_test_class_data_training";

    private ClassDataTraining() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Answers the first requests of a client of the mock at {@code baseUrl}, then ends the JVM. */
    static void trainAndExit(String baseUrl) {
        int status = 0;
        try {
            new FirstRequests(baseUrl, KEY).make();
        } catch (Exception e) {
            System.err.println("Class-data training run failed: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }
}
