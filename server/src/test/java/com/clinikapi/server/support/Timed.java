package com.clinikapi.server.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** What a call returned and how long it took, for tests whose bound is a time. */
public record Timed<T>(T value, Duration took) {

    public static <T> Timed<T> of(Supplier<T> call) {
        Instant started = Instant.now();
        T value = call.get();
        return new Timed<>(value, Duration.between(started, Instant.now()));
    }
}
