package com.clinikapi.server.idempotency;

/**
 * The result of a change that may have been replayed.
 *
 * @param value    what the change produced, or what the earlier request with the same key produced
 * @param replayed whether it is the earlier request's outcome ({@code Idempotent-Replayed: true})
 */
public record Replayable<T>(T value, boolean replayed) {

    public static <T> Replayable<T> performed(T value) {
        return new Replayable<>(value, false);
    }

    public static <T> Replayable<T> replayed(T value) {
        return new Replayable<>(value, true);
    }
}
