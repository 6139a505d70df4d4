package com.clinikapi.mock.idempotency;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.idempotency.IdempotencyKeys;
import com.clinikapi.mock.web.ApiResult;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The mock's {@code Idempotency-Key} memory, answering as the service does (see "Safe retries" in
 * the spec and {@link IdempotencyKeys}): a key's first successful outcome is kept for 24 hours per API
 * key; a repeat of the same request replays it with {@code Idempotent-Replayed: true}, another request
 * with the key is 422 {@code IDEMPOTENCY_KEY_REUSED}, and a failed request keeps nothing. Requests with
 * one key are performed one at a time, so concurrent repeats perform the change once. Deleting an
 * appointment discards the kept answers that carry it but keeps their keys, as tombstones: a repeat is
 * 410 {@code IDEMPOTENT_RESOURCE_DELETED}, never a new booking.
 */
public final class IdempotentResults {

    private final Map<String, Map<String, Kept>> byApiKey = new ConcurrentHashMap<>();
    private final Clock clock;

    public IdempotentResults(Clock clock) {
        this.clock = clock;
    }

    /** @param result the kept answer, or null once its appointment was deleted (a tombstone) */
    private record Kept(String fingerprint, ApiResult result, Instant expiresAt) {

        boolean carries(String appointmentId) {
            return result != null && result.payload() != null
                    && Objects.equals(appointmentId, result.payload().path("id").asText(null));
        }

        Kept tombstone() {
            return new Kept(fingerprint, null, expiresAt);
        }
    }

    /**
     * @param key         the request's {@code Idempotency-Key} (already validated), or null to just perform
     * @param fingerprint {@link IdempotencyKeys#fingerprint} of the request
     */
    public ApiResult perform(String apiKey, String key, String fingerprint, Supplier<ApiResult> change) {
        if (key == null) {
            return change.get();
        }
        Map<String, Kept> kept = byApiKey.computeIfAbsent(apiKey, k -> new HashMap<>());
        String digest = IdempotencyKeys.digest(key);
        // One API key's idempotent requests run one at a time: a concurrent repeat waits, then replays.
        synchronized (kept) {
            Instant now = clock.instant();
            kept.values().removeIf(k -> !k.expiresAt().isAfter(now));
            Kept previous = kept.get(digest);
            if (previous != null) {
                if (!previous.fingerprint().equals(fingerprint)) {
                    throw IdempotencyKeys.keyReused();
                }
                if (previous.result() == null) {
                    throw IdempotencyKeys.resourceDeleted();
                }
                return previous.result().withHeader(ApiHeaders.IDEMPOTENT_REPLAYED, "true");
            }
            ApiResult result = change.get();
            kept.put(digest, new Kept(fingerprint, result, now.plus(IdempotencyKeys.RETENTION)));
            return result;
        }
    }

    /** Discards the kept answers that carry this appointment (it was deleted) but keeps their keys. */
    public void tombstoneResource(String apiKey, String appointmentId) {
        Map<String, Kept> kept = byApiKey.get(apiKey);
        if (kept != null) {
            synchronized (kept) {
                kept.replaceAll((digest, k) -> k.carries(appointmentId) ? k.tombstone() : k);
            }
        }
    }

    public void clear() {
        byApiKey.clear();
    }

    public void clear(String apiKey) {
        byApiKey.remove(apiKey);
    }
}
