package com.clinikapi.server.auth;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Instant;
import java.util.List;

/**
 * One key under {@code clinikapi.api-keys.<name>} in configuration, e.g.
 * <pre>
 * clinikapi.api-keys.dev:
 *   key: clk_test_localdevkey
 *   tenant: dev
 *   plan: standard
 *   scopes: [appointments:read, appointments:write]
 * </pre>
 */
@EachProperty("clinikapi.api-keys")
public record ApiKeyProperties(
        @Parameter String name,
        String key,
        String tenant,
        @Bindable(defaultValue = "standard") String plan,
        @Bindable(defaultValue = "appointments:read,appointments:write") List<String> scopes,
        @Bindable(defaultValue = "false") boolean revoked,
        @Nullable Instant expiresAt) {
}
