package com.clinikapi.server.auth;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/** One plan under {@code clinikapi.plans.<name>}: {@code requests-per-window} and {@code window-seconds}. */
@EachProperty("clinikapi.plans")
public record PlanProperties(@Parameter String name, int requestsPerWindow, int windowSeconds) {
}
