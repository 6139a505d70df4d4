package com.clinikapi.server.auth;

import io.micronaut.context.exceptions.ConfigurationException;

/** A plan's rate limit: so many requests per window of so many seconds. */
public record RatePlan(String name, int requestsPerWindow, int windowSeconds) {

    public RatePlan {
        if (requestsPerWindow < 1 || windowSeconds < 1) {
            throw new ConfigurationException("clinikapi.plans." + name + " needs requests-per-window and window-seconds of at least 1");
        }
    }
}
