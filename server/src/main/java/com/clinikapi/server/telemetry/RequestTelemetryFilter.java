package com.clinikapi.server.telemetry;

import com.clinikapi.server.web.RequestIdFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Records every answered request twice, by operation ({@code GET /v1/appointments/{id}}: method and
 * route template) and status:
 * <ul>
 *   <li>the timer {@value #METRIC} (count, sum, max, p50/p95/p99), scraped from the management port
 *       as {@code clinikapi_requests_seconds}. Micronaut's own {@code http_server_requests} folds every
 *       404 into {@code uri="NOT_FOUND"}, which hides an operation's "no such appointment" answers;</li>
 *   <li>one access-log line, with the request id (MDC) and the method, route, status and duration as
 *       structured fields. Turn it off with {@code CLINIKAPI_ACCESS_LOG_LEVEL=WARN}.</li>
 * </ul>
 * Never the actual path, query, headers or body: ids in paths and values in queries can be patient
 * data or keys. Nor a method HTTP does not define: those are {@code OTHER} ({@link BoundedMeterTags}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestTelemetryFilter implements Ordered {

    static final String METRIC = "clinikapi.requests";

    private static final Logger LOG = LoggerFactory.getLogger(RequestTelemetryFilter.class);
    private static final String STARTED = "clinikapi.startedNanos";

    private final MeterRegistry meters;

    public RequestTelemetryFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long nanos = System.nanoTime() - request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        String route = BasicHttpAttributes.getUriTemplate(request).orElse("(no route)");
        String method = BoundedMeterTags.methodTag(request.getMethodName());
        String operation = method + " " + route;
        Timer.builder(METRIC)
                .description("Answered requests by operation (method and route) and status")
                .tag("operation", operation)
                .tag("status", Integer.toString(response.code()))
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
        if (LOG.isInfoEnabled()) {
            LOG.atInfo()
                    .addKeyValue("method", method)
                    .addKeyValue("route", route)
                    .addKeyValue("status", response.code())
                    .addKeyValue("durationMs", Math.round(nanos / 100_000.0) / 10.0)
                    .log("{} answered {}", operation, response.code());
        }
    }

    /** Right after the request id is assigned (so the line has it), before everything else. */
    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 10;
    }
}
