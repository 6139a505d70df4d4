package com.clinikapi.mock.junit;

import com.clinikapi.mock.appointment.AppointmentOperations;
import com.clinikapi.mock.scenario.PreferHeader;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A failure the mock simulates without a {@code Prefer} header, so that a client that cannot send
 * one (a generated client, say) still meets its retry and error handling; give it to
 * {@link ClinikMockExtension#forceScenario(MockScenario, String)} or name it with {@link ClinikScenario}:
 *
 * <pre>{@code
 * clinikApi.forceScenario(MockScenario.unavailable(2), key);   // two 503s, then normal answers
 * }</pre>
 *
 * Each is the {@code Prefer} preference the mock documents (e.g. {@code code=503}), applied to the
 * next {@code times} requests that can answer it, or to every request until the test ends.
 */
public final class MockScenario {

    private final String prefer;
    private final Integer times;
    private final Set<String> operationIds;

    private MockScenario(String prefer, Integer times, Set<String> operationIds) {
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        this.prefer = prefer;
        this.times = times;
        this.operationIds = Set.copyOf(operationIds);
    }

    /** {@code 503 SERVICE_UNAVAILABLE} with {@code Retry-After: 1}, {@code times} times; then normal answers. */
    public static MockScenario unavailable(int times) {
        return new MockScenario("code=503", times, Set.of());
    }

    /** {@code 429 RATE_LIMITED} with this {@code Retry-After} (whole seconds, up to an hour), {@code times} times. */
    public static MockScenario rateLimited(Duration retryAfter, int times) {
        long seconds = retryAfter.getSeconds();
        if (retryAfter.isNegative() || retryAfter.getNano() != 0 || seconds > PreferHeader.MAX_RETRY_AFTER_SECONDS) {
            throw new IllegalArgumentException("retryAfter must be whole seconds from 0 to "
                    + PreferHeader.MAX_RETRY_AFTER_SECONDS);
        }
        return new MockScenario("code=429, retry-after=" + seconds, times, Set.of());
    }

    /** Every answer this much later (up to a minute) until the test ends; {@link #times(int)} limits it. */
    public static MockScenario slow(Duration delay) {
        if (delay.isNegative() || delay.toMillis() > PreferHeader.MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException("delay must be from 0 to " + PreferHeader.MAX_DELAY_MILLIS + " ms");
        }
        return new MockScenario("delay=" + delay.toMillis(), null, Set.of());
    }

    /**
     * {@code 409 SCHEDULING_CONFLICT} (the spec's {@code schedulingConflict} example, as the service
     * answers a booking over a taken slot) for the next {@code times} creates and updates; reads,
     * searches and deletes are served normally.
     */
    public static MockScenario schedulingConflict(int times) {
        return new MockScenario("code=409, example=schedulingConflict", times,
                Set.of(AppointmentOperations.CREATE, AppointmentOperations.UPDATE));
    }

    /** The connection is reset instead of answered, {@code times} times: nothing is stored. */
    public static MockScenario connectionReset(int times) {
        return new MockScenario("fault=reset", times, Set.of());
    }

    /** The same scenario for the next {@code times} requests only. */
    public MockScenario times(int times) {
        return new MockScenario(prefer, times, operationIds);
    }

    /** The same scenario for every request until the test ends. */
    public MockScenario everyRequest() {
        return new MockScenario(prefer, null, operationIds);
    }

    /** What a {@link ClinikScenario} names. */
    static MockScenario of(ClinikScenario annotation) {
        int times = Math.max(1, annotation.times());
        MockScenario scenario = switch (annotation.value()) {
            case UNAVAILABLE -> unavailable(times);
            case RATE_LIMITED -> rateLimited(Duration.ofSeconds(annotation.retryAfterSeconds()), times);
            case SLOW -> slow(Duration.ofMillis(annotation.delayMillis())).times(times);
            case SCHEDULING_CONFLICT -> schedulingConflict(times);
            case CONNECTION_RESET -> connectionReset(times);
        };
        return annotation.times() > 0 ? scenario : scenario.everyRequest();
    }

    /** The {@code Prefer} header it stands for. */
    public String prefer() {
        return prefer;
    }

    /** How many requests it applies to; empty for every request until the test ends. */
    public OptionalInt times() {
        return times == null ? OptionalInt.empty() : OptionalInt.of(times);
    }

    /** The operations ({@code operationId}) it applies to; empty for every operation that documents its answer. */
    public Set<String> operationIds() {
        return operationIds;
    }

    Integer timesOrNull() {
        return times;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MockScenario that && prefer.equals(that.prefer) && Objects.equals(times, that.times)
                && operationIds.equals(that.operationIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefer, times, operationIds);
    }

    @Override
    public String toString() {
        return "MockScenario[" + prefer + (times == null ? "" : ", times=" + times) + "]";
    }
}
