package com.clinikapi.server.ratelimit;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.annotation.Introspected;

import java.util.Locale;

/**
 * Whether the service's datasource ({@code datasources.default.url}) is PostgreSQL: the one database
 * whose state several instances share, and so the one where rate-limit buckets are kept.
 */
public final class PostgresDatasource {

    static final String URL_PROPERTY = "datasources.default.url";

    private PostgresDatasource() {
    }

    static boolean configured(ConditionContext context) {
        return context.getProperty(URL_PROPERTY, String.class)
                .map(url -> url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:"))
                .orElse(false);
    }

    /** Met when the datasource is PostgreSQL. */
    @Introspected
    public static final class Present implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return configured(context);
        }
    }

    /** Met when it is anything else (the embedded H2 default). */
    @Introspected
    public static final class Absent implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return !configured(context);
        }
    }
}
