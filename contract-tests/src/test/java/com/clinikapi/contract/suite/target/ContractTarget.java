package com.clinikapi.contract.suite.target;

import com.clinikapi.contract.suite.coverage.Pending;
import org.junit.jupiter.api.Assumptions;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the suite runs against: a base URL, the keys it may use, and whether it understands the mock's
 * per-request scenario header.
 *
 * @param name      {@code mock}, {@code server-h2}, {@code server-postgres} or {@code deployment}
 * @param baseUrl   e.g. {@code http://localhost:40123}, no trailing slash
 * @param scenarios the scenario header this target understands (the mock's), if any
 */
public record ContractTarget(String name, String baseUrl, Map<KeyRole, String> keys, Optional<String> scenarios) {

    public ContractTarget {
        if (!keys.containsKey(KeyRole.PRIMARY)) {
            throw new IllegalArgumentException("target " + name + " needs a primary key");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        keys = Map.copyOf(new EnumMap<>(keys));
    }

    public String apiKey() {
        return keys.get(KeyRole.PRIMARY);
    }

    public Optional<String> key(KeyRole role) {
        return Optional.ofNullable(keys.get(role));
    }

    /**
     * The key for this role, or the test is aborted (reported as skipped, with the reason) when the
     * target cannot offer it: the reason names the issue that will deliver it.
     */
    public String requireKey(KeyRole role) {
        Optional<String> key = key(role);
        Assumptions.assumeTrue(key.isPresent(), () -> name + " offers no " + role + " key: " + Pending.reasonFor(role));
        return key.orElseThrow();
    }

    /** The scenario header's name, or the test is aborted on targets without scenarios. */
    public String requireScenarios() {
        Assumptions.assumeTrue(scenarios.isPresent(),
                () -> name + " has no scenario header; forced statuses are a feature of the mock");
        return scenarios.orElseThrow();
    }

    public boolean isServer() {
        return name.startsWith("server-");
    }
}
