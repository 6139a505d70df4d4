package com.clinikapi.server.deployment;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Whether this instance runs as a development or a production service, decided once from what
 * cannot be forgotten rather than from a switch that can:
 * <ul>
 *   <li>the {@code prod} environment ({@code MICRONAUT_ENVIRONMENTS=prod}) is production;</li>
 *   <li>the embedded default database (an H2 URL) is development: nothing else can reach it;</li>
 *   <li>any other database (PostgreSQL) is production, unless {@code clinikapi.development: true}
 *       ({@code CLINIKAPI_DEVELOPMENT=true}) says it is a developer's own database.</li>
 * </ul>
 * Production never accepts the public development key and refuses to start with the public default
 * cursor secret ({@link ProductionSafeguards}).
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class DeploymentMode {

    /** Why the instance runs in its mode, for the start log. */
    public enum Reason {
        PROD_ENVIRONMENT("the prod environment is active"),
        EMBEDDED_DATABASE("it runs on the embedded H2 database"),
        DEVELOPMENT_SWITCH("clinikapi.development is true"),
        EXTERNAL_DATABASE("it runs on an external database and clinikapi.development is not set");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final boolean production;
    private final Reason reason;

    public DeploymentMode(Environment environment,
                          @Nullable @Value("${datasources.default.url}") String databaseUrl,
                          @Value("${clinikapi.development:false}") boolean developmentSwitch) {
        if (environment.getActiveNames().contains("prod")) {
            this.production = true;
            this.reason = Reason.PROD_ENVIRONMENT;
        } else if (databaseUrl == null || databaseUrl.startsWith("jdbc:h2:")) {
            this.production = false;
            this.reason = Reason.EMBEDDED_DATABASE;
        } else if (developmentSwitch) {
            this.production = false;
            this.reason = Reason.DEVELOPMENT_SWITCH;
        } else {
            this.production = true;
            this.reason = Reason.EXTERNAL_DATABASE;
        }
    }

    public boolean production() {
        return production;
    }

    public Reason reason() {
        return reason;
    }

    public String describe() {
        return (production ? "production" : "development") + " mode, because " + reason.text();
    }
}
