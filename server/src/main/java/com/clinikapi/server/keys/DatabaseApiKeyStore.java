package com.clinikapi.server.keys;

import com.clinikapi.contract.auth.ApiKeyFormat;
import com.clinikapi.server.auth.ApiKey;
import com.clinikapi.server.auth.ApiKeyStore;
import com.clinikapi.server.auth.KeyLookup;
import com.clinikapi.server.deployment.DeploymentMode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keys from the database, answered from a short-lived cache so that the database is not asked on
 * every request.
 *
 * <p>A presented key is hashed first; its non-secret prefix finds the candidate rows (usually one)
 * and each candidate's digest is compared in constant time. The cache maps the presented key's
 * digest (never the key) to what the database said, unknown keys included, for
 * {@code clinikapi.api-keys.cache-ttl} (5 s by default). That TTL is the bound on how stale an
 * instance can be: a key revoked or re-expired by the CLI, on any instance's database, is refused
 * by every instance within it. (Expiry itself is checked on every request against the cached
 * expiry time, so it is exact.) Unknown keys are remembered the same way, so repeating one costs
 * no query; many different ones are limited per client by {@code auth.FailedAuthentications}.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class DatabaseApiKeyStore implements ApiKeyStore {

    /** Scraped as {@code clinikapi_api_key_lookups_total}. */
    public static final String LOOKUPS_METRIC = "clinikapi.api.key.lookups";

    private final ApiKeyRepository repository;
    private final StoredKeys storedKeys;
    private final LastUsedRecorder lastUsed;
    private final Cache<String, Optional<ApiKey>> byDigest;
    private final Counter lookups;
    private final boolean production;

    public DatabaseApiKeyStore(ApiKeyRepository repository, StoredKeys storedKeys, LastUsedRecorder lastUsed,
                               DeploymentMode mode, MeterRegistry meters,
                               @Value("${clinikapi.api-keys.cache-ttl:5s}") Duration ttl,
                               @Value("${clinikapi.api-keys.cache-size:10000}") long maximumSize) {
        this.repository = repository;
        this.storedKeys = storedKeys;
        this.lastUsed = lastUsed;
        this.production = mode.production();
        this.byDigest = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
        this.lookups = Counter.builder(LOOKUPS_METRIC)
                .description("API keys looked up in the database (keys not answered from memory)")
                .register(meters);
    }

    @Override
    public KeyLookup find(String presentedKey, boolean memoryOnly) {
        if (refusesDevKey(presentedKey)) {
            return new KeyLookup(Optional.empty(), KeyLookup.Source.MEMORY);
        }
        byte[] digest = ApiKeySecrets.digest(presentedKey);
        String cacheKey = HexFormat.of().formatHex(digest);
        Optional<ApiKey> remembered = byDigest.getIfPresent(cacheKey);
        if (remembered != null) {
            return new KeyLookup(remembered, KeyLookup.Source.MEMORY);
        }
        if (memoryOnly) {
            return KeyLookup.notRemembered();
        }
        // Concurrent misses for one key wait for a single database lookup; only that one counts.
        AtomicBoolean queried = new AtomicBoolean();
        Optional<ApiKey> found = byDigest.get(cacheKey, ignored -> {
            queried.set(true);
            lookups.increment();
            return load(ApiKeyFormat.prefix(presentedKey), digest);
        });
        return new KeyLookup(found, queried.get() ? KeyLookup.Source.DATABASE : KeyLookup.Source.MEMORY);
    }

    /**
     * In production the public development key is unknown, even if a database still holds it (stored
     * by a development start that {@link DevKeySeeder} has not yet revoked, or another instance's).
     */
    private boolean refusesDevKey(String presentedKey) {
        return production && DevKeySeeder.DEV_KEY.equals(presentedKey);
    }

    @Override
    public void used(ApiKey key) {
        lastUsed.used(key.id(), Instant.now());
    }

    private Optional<ApiKey> load(String prefix, byte[] digest) {
        Optional<ApiKey> match = Optional.empty();
        // Every candidate is compared, so the time taken does not depend on which one matches.
        for (ApiKeyRow row : repository.findByPrefix(prefix)) {
            if (ApiKeySecrets.matches(row.keyHash(), digest)) {
                match = Optional.of(storedKeys.toApiKey(row));
            }
        }
        return match;
    }
}
