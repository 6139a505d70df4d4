package com.clinikapi.server.telemetry;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpMethod;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps every metric's series countable whatever clients send. Each distinct tag value is a series
 * held in memory and written on every scrape, and clients choose the request method: a flood of
 * made-up methods ({@code M1x1 /x}) would otherwise add series without bound. Methods outside
 * HTTP's standard ones are tagged {@value #OTHER_METHOD}; routes are tagged by template (Micronaut's
 * {@code uri} tag and {@link RequestTelemetryFilter}'s {@code operation}), never by path; and as a
 * last line of defence no metric keeps more than {@value #MAX_ROUTE_VALUES} values of its route tag.
 */
@Factory
class BoundedMeterTags {

    static final String OTHER_METHOD = "OTHER";
    /** Far above the spec's routes (two paths, five operations, /health), far below a memory problem. */
    static final int MAX_ROUTE_VALUES = 64;

    private static final Set<String> STANDARD_METHODS = Arrays.stream(HttpMethod.values())
            .filter(method -> method != HttpMethod.CUSTOM)
            .map(HttpMethod::name)
            .collect(Collectors.toUnmodifiableSet());

    /** The method as a tag value: itself if HTTP defines it, {@value #OTHER_METHOD} otherwise. */
    static String methodTag(String method) {
        return STANDARD_METHODS.contains(method) ? method : OTHER_METHOD;
    }

    @Singleton
    MeterFilter boundedMethods() {
        return MeterFilter.replaceTagValues("method", BoundedMeterTags::methodTag);
    }

    @Singleton
    MeterFilter boundedHttpServerRoutes() {
        return MeterFilter.maximumAllowableTags("http.server.requests", "uri", MAX_ROUTE_VALUES, MeterFilter.deny());
    }

    @Singleton
    MeterFilter boundedOperations() {
        return MeterFilter.maximumAllowableTags(RequestTelemetryFilter.METRIC, "operation", MAX_ROUTE_VALUES, MeterFilter.deny());
    }
}
