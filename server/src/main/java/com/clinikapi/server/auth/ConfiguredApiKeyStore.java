package com.clinikapi.server.auth;

import com.clinikapi.contract.auth.ApiKeyFormat;
import com.clinikapi.contract.auth.Mode;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keys from configuration ({@code clinikapi.api-keys}), held by SHA-256 digest. The embedded default
 * configures tenant {@code dev} with the test key {@code clk_test_localdevkey}.
 */
@Singleton
public class ConfiguredApiKeyStore implements ApiKeyStore {

    private final Map<String, ApiKey> byDigest;

    public ConfiguredApiKeyStore(List<ApiKeyProperties> keys, Plans plans) {
        this.byDigest = keys.stream().collect(Collectors.toUnmodifiableMap(
                k -> KeyDigests.sha256(k.key()), k -> resolve(k, plans), (a, b) -> {
                    throw new ConfigurationException("The same API key is configured twice");
                }));
    }

    @Override
    public Optional<ApiKey> find(String presentedKey) {
        return Optional.ofNullable(byDigest.get(KeyDigests.sha256(presentedKey)));
    }

    private static ApiKey resolve(ApiKeyProperties k, Plans plans) {
        Mode mode = ApiKeyFormat.modeOf(k.key()).orElseThrow(() -> new ConfigurationException(
                "clinikapi.api-keys." + k.name() + ".key is not a well-formed clk_live_/clk_test_ key"));
        if (k.tenant() == null || k.tenant().isBlank()) {
            throw new ConfigurationException("clinikapi.api-keys." + k.name() + ".tenant is required");
        }
        return new ApiKey(k.tenant(), mode, scopes(k), plans.named(k.plan()),
                ApiKeyFormat.displayPrefix(k.key()), k.revoked(), k.expiresAt());
    }

    private static Set<Scope> scopes(ApiKeyProperties k) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String wire : k.scopes()) {
            scopes.add(Scope.fromWire(wire).orElseThrow(() -> new ConfigurationException(
                    "clinikapi.api-keys." + k.name() + ".scopes has an unknown scope")));
        }
        return scopes;
    }
}
