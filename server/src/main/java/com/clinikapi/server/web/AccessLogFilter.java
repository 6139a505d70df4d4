package com.clinikapi.server.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per answered request, with the request id (MDC) and, as structured fields, the
 * method, the route template, the status and the duration. Never the actual path, query, headers or
 * body: ids in paths and values in queries can be patient data or keys. Turn it off with
 * {@code CLINIKAPI_ACCESS_LOG_LEVEL=WARN}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AccessLogFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogFilter.class);
    private static final String STARTED = "clinikapi.startedNanos";

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        double millis = (System.nanoTime() - started) / 1_000_000.0;
        String route = BasicHttpAttributes.getUriTemplate(request).orElse("(no route)");
        LOG.atInfo()
                .addKeyValue("method", request.getMethodName())
                .addKeyValue("route", route)
                .addKeyValue("status", response.code())
                .addKeyValue("durationMs", Math.round(millis * 10) / 10.0)
                .log("{} {} answered {}", request.getMethodName(), route, response.code());
    }

    /** Right after the request id is assigned (so the line has it), before everything else. */
    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 10;
    }
}
