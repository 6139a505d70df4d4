package com.clinikapi.server.keys.cli;

import com.clinikapi.server.keys.ApiKeyAdministration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;

import java.util.Map;

/**
 * The application context a {@code keys} command works in, opened on first use (so that
 * {@code --help} and usage errors need no database) in the {@code cli} environment: datasource,
 * migrations and key storage, no HTTP server, no scheduled jobs.
 */
final class KeysSession implements AutoCloseable {

    private final Map<String, Object> properties;
    private ApplicationContext context;

    KeysSession(Map<String, Object> properties) {
        this.properties = Map.copyOf(properties);
    }

    ApiKeyAdministration keys() {
        if (context == null) {
            context = ApplicationContext.builder()
                    .environments(Environment.CLI)
                    .deduceEnvironment(false)
                    .banner(false)
                    .properties(properties)
                    .start();
        }
        return context.getBean(ApiKeyAdministration.class);
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}
