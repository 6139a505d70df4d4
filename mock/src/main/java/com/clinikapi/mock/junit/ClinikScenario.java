package com.clinikapi.mock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

/**
 * Puts the mock into a {@link MockScenario} for one test (on a method) or for each test of a class,
 * for every key, from before the test's {@code @BeforeEach} methods until it ends:
 *
 * <pre>{@code
 * @Test
 * @ClinikScenario(value = UNAVAILABLE, times = 2)
 * void retriesUntilTheServiceAnswers() { … }
 * }</pre>
 *
 * Several apply one after another, in the order written, the class's first. Tests that run
 * concurrently on one mock share it: with {@code @Execution(CONCURRENT)}, give the test's own key to
 * {@link ClinikMockExtension#forceScenario(MockScenario, String)} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(ClinikScenario.List.class)
public @interface ClinikScenario {

    /** What fails. */
    Kind value();

    /** How many requests it applies to; 0 (the default) for every request of the test. */
    int times() default 0;

    /** The {@code Retry-After} of {@link Kind#RATE_LIMITED}, in seconds. */
    int retryAfterSeconds() default 1;

    /** The delay of {@link Kind#SLOW}, in milliseconds. */
    int delayMillis() default 1000;

    /** The scenarios, as {@link MockScenario}'s factory methods make them. */
    enum Kind {
        /** {@link MockScenario#unavailable(int)}. */
        UNAVAILABLE,
        /** {@link MockScenario#rateLimited(Duration, int)}. */
        RATE_LIMITED,
        /** {@link MockScenario#slow(Duration)}. */
        SLOW,
        /** {@link MockScenario#schedulingConflict(int)}. */
        SCHEDULING_CONFLICT,
        /** {@link MockScenario#connectionReset(int)}. */
        CONNECTION_RESET
    }

    /** Holds repeated {@link ClinikScenario}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface List {
        ClinikScenario[] value();
    }
}
