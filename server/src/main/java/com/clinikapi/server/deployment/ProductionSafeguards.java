package com.clinikapi.server.deployment;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checked before anything else starts: says in the log which mode the instance runs in and why,
 * and refuses to start a production instance whose configuration still holds a public default.
 * A refusal names the setting to change; the process exits instead of serving with a secret that
 * anyone who read this repository knows (cursors signed with it could be forged).
 */
@Context
@Requires(notEnv = Environment.CLI)
public class ProductionSafeguards {

    /** The public, documented value of {@code clinikapi.cursor.secret} in {@code application.yml}. */
    public static final String DEFAULT_CURSOR_SECRET = "dev-only-cursor-secret-do-not-use-in-production";

    private static final Logger LOG = LoggerFactory.getLogger(ProductionSafeguards.class);

    public ProductionSafeguards(DeploymentMode mode, @Value("${clinikapi.cursor.secret}") String cursorSecret) {
        LOG.info("Starting in {}", mode.describe());
        if (mode.production() && DEFAULT_CURSOR_SECRET.equals(cursorSecret)) {
            throw new ConfigurationException("Refusing to start in " + mode.describe()
                    + " with the public default cursor secret: set CLINIKAPI_CURSOR_SECRET (16 or more random bytes,"
                    + " the same on every instance), or CLINIKAPI_DEVELOPMENT=true for a development database");
        }
    }
}
