package com.clinikapi.server.idempotency;

import com.clinikapi.contract.idempotency.IdempotencyKeys;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Performs a change at most once per {@code Idempotency-Key} (see "Safe retries" in the spec).
 *
 * <p>The change runs in one write transaction that first claims the key (a row under a primary key),
 * then changes the data, then stores the outcome; only when the claim fails is the stored outcome
 * looked up and replayed. Either all of it commits or none of it: a crash
 * never leaves a key claimed without its change, nor a change without its key. A concurrent request
 * with the same key blocks on the claim until the first commits, then finds and replays its outcome;
 * if the first rolled back (it failed), the second performs the change itself. The database decides,
 * so this holds across instances.
 *
 * <p>Deleting an appointment leaves tombstones of the records whose outcome carried it
 * ({@link #tombstoneResource}): a repeat of such a request is refused with 410
 * {@code IDEMPOTENT_RESOURCE_DELETED} rather than performed again (it would book the deleted
 * appointment anew).
 */
@Singleton
public class Idempotency {

    /** Claims that lose to a request still running past the lock timeout are retried this often. */
    private static final int ATTEMPTS = 3;

    private final IdempotencyRecords records;
    private final TransactionOperations<Connection> transactions;

    public Idempotency(IdempotencyRecords records, TransactionOperations<Connection> transactions) {
        this.records = records;
        this.transactions = transactions;
    }

    /**
     * @param request the request's key and fingerprint; empty to simply perform the change
     * @param change  the change; runs inside the transaction, throws to refuse (nothing is kept)
     * @param keep    what to store of the change's result for replays
     * @param replay  the result again, from what was stored
     * @throws com.clinikapi.contract.error.ApiException 422 {@code IDEMPOTENCY_KEY_REUSED} when the key
     *         was used for another request, 410 {@code IDEMPOTENT_RESOURCE_DELETED} when it was used for
     *         this request and the appointment it answered with has been deleted since, 409
     *         {@code IDEMPOTENCY_IN_PROGRESS} when the request holding it does not finish in time; or
     *         whatever the change throws
     */
    public <T> Replayable<T> perform(Optional<IdempotentRequest> request, Supplier<T> change,
                                     Function<T, StoredResponse> keep, Function<StoredResponse, T> replay) {
        if (request.isEmpty()) {
            return Replayable.performed(transactions.executeWrite(status -> change.get()));
        }
        IdempotentRequest idempotent = request.get();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                // A first request (the common case) costs one transaction.
                return Replayable.performed(transactions.executeWrite(status -> {
                    Instant now = Instant.now();
                    records.claim(idempotent, now, now.plus(IdempotencyKeys.RETENTION));
                    T result = change.get();
                    records.complete(idempotent, keep.apply(result));
                    return result;
                }));
            } catch (IdempotencyRecords.KeyTaken taken) {
                // Another request with this key committed first, or still runs past the lock timeout.
            }
            Optional<IdempotencyRecords.Found> stored =
                    transactions.executeRead(status -> records.find(idempotent, Instant.now()));
            if (stored.isPresent()) {
                return replayOf(idempotent, stored.get(), replay);
            }
            // Either the key's record has expired (and was not purged yet), or its request still runs.
            transactions.executeWrite(status -> {
                records.deleteIfExpired(idempotent, Instant.now());
                return null;
            });
        }
        throw IdempotencyKeys.inProgress();
    }

    /**
     * Discards the stored answers carrying this appointment but keeps their keys, as tombstones;
     * inside the transaction that deletes it.
     */
    public void tombstoneResource(String tenantId, String mode, String resourceId) {
        records.tombstoneResource(tenantId, mode, resourceId);
    }

    /** Deletes every record older than the retention, tombstones included; returns how many. */
    public int purgeExpired() {
        return transactions.executeWrite(status -> records.purgeExpired(Instant.now()));
    }

    private static <T> Replayable<T> replayOf(IdempotentRequest request, IdempotencyRecords.Found stored,
                                              Function<StoredResponse, T> replay) {
        if (!stored.fingerprint().equals(request.fingerprint())) {
            throw IdempotencyKeys.keyReused();
        }
        if (stored.resourceDeleted()) {
            throw IdempotencyKeys.resourceDeleted();
        }
        return Replayable.replayed(replay.apply(stored.response()));
    }
}
