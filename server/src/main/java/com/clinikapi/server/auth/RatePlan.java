package com.clinikapi.server.auth;

/** A plan's rate limit: so many requests per window of so many seconds. */
public record RatePlan(String name, int requestsPerWindow, int windowSeconds) {
}
