package com.clinikapi.server.keys;

import com.clinikapi.contract.auth.Mode;
import com.clinikapi.server.auth.Scope;
import com.clinikapi.server.deployment.DeploymentMode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;

/**
 * The embedded default's documented development key: tenant {@code dev}, test mode, read and write,
 * {@value #DEV_KEY}. With {@code clinikapi.dev-key.enabled: true} (the embedded default) it is
 * stored at start-up if missing; with {@code false} ({@code CLINIKAPI_DEV_KEY_ENABLED=false}), or
 * whatever it says in production mode ({@link DeploymentMode}: the {@code prod} environment, or an
 * external database without the development switch), a dev key found in the database is revoked,
 * so that a database once started with it does not keep a public key.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class DevKeySeeder implements ApplicationEventListener<StartupEvent> {

    public static final String DEV_KEY = "clk_test_localdevkey";
    public static final String DEV_TENANT = "dev";

    private static final Logger LOG = LoggerFactory.getLogger(DevKeySeeder.class);

    private final ApiKeyAdministration keys;
    private final boolean enabled;

    public DevKeySeeder(ApiKeyAdministration keys, DeploymentMode mode,
                        @Value("${clinikapi.dev-key.enabled:false}") boolean enabled) {
        this.keys = keys;
        this.enabled = enabled && !mode.production();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (enabled) {
            keys.register(DEV_KEY, new ApiKeyAdministration.NewKey(DEV_TENANT, Mode.TEST, EnumSet.allOf(Scope.class), null, null));
            LOG.info("Development key for tenant '{}' is enabled (see the README); disable it in production", DEV_TENANT);
        } else {
            keys.revokeSecret(DEV_KEY).ifPresent(revoked -> LOG.info("Revoked the development key {}", revoked.id()));
        }
    }
}
