package com.clinikapi.contract.suite.target;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Any running deployment, e.g. staging: {@code -Dcontract.baseUrl=… -Dcontract.apiKey=…}, optionally
 * {@code -Dcontract.otherApiKey=…} (another tenant's key, for the isolation tests) and keys for the
 * other roles as {@code -Dcontract.key.<role>=…} ({@code other-mode}, {@code revoked}, {@code expired},
 * {@code read-only}, {@code write-only}, {@code rate-limited}); tests needing a key that was not given
 * are reported as skipped. The suite only creates its own appointments (unique patient ids), so it is
 * safe on shared data.
 */
final class DeploymentTarget {

    private DeploymentTarget() {
    }

    static ContractTarget fromSystemProperties() {
        String baseUrl = required("contract.baseUrl");
        Map<KeyRole, String> keys = new EnumMap<>(KeyRole.class);
        keys.put(KeyRole.PRIMARY, required("contract.apiKey"));
        optional("contract.otherApiKey").ifPresent(k -> keys.put(KeyRole.OTHER_TENANT, k));
        keys.put(KeyRole.UNKNOWN, ServerTargets.UNKNOWN_KEY);
        for (KeyRole role : KeyRole.values()) {
            optional("contract.key." + role.name().toLowerCase().replace('_', '-')).ifPresent(k -> keys.put(role, k));
        }
        return new ContractTarget("deployment", baseUrl, keys, Optional.empty());
    }

    private static String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException(
                "the deployment target needs -D" + name + "=…"));
    }

    private static Optional<String> optional(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
