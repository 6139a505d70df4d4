package com.clinikapi.server.web;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.RequestIds;
import com.clinikapi.server.auth.ApiKey;
import com.clinikapi.server.generated.model.ApiError;
import com.clinikapi.server.ratelimit.RateLimitStatus;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import com.clinikapi.server.ratelimit.RateLimits;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Runs first and last on every request: gives it a fresh {@code req_…} id (a client-sent
 * {@code X-Request-Id} is ignored, it could be anything), and stamps every response, errors
 * included, with {@code X-Request-Id}, {@code X-Timestamp} and the rate-limit headers; an error body
 * of a request whose key was recognised also gets the {@code meta} a success would have. Also
 * switches the API's JSON bodies to {@code application/fhir+json} when the client asked for that.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {

    /** Before the key filter, so that even a 401 carries a request id. */
    public static final int ORDER = HIGHEST_PRECEDENCE + 100;
    /** The MDC key of the request id: a field of every JSON log line written while serving a request. */
    public static final String MDC_REQUEST_ID = "requestId";

    private final RateLimits rateLimits;
    private final ResponseMeta meta;

    public RequestIdFilter(RateLimits rateLimits, ResponseMeta meta) {
        this.rateLimits = rateLimits;
        this.meta = meta;
    }

    /**
     * Also puts the id in the logging MDC ({@value #MDC_REQUEST_ID}) through Micronaut's propagated
     * context, which follows the request onto the blocking executor and into the response filters, so
     * every line logged while serving it carries the id.
     */
    @RequestFilter
    public void assignRequestId(HttpRequest<?> request, MutablePropagatedContext propagated) {
        String requestId = RequestIds.newId();
        request.setAttribute(RequestAttributes.REQUEST_ID, requestId);
        propagated.add(new MdcPropagationContext(Map.of(MDC_REQUEST_ID, requestId)));
    }

    @ResponseFilter
    public void stampResponse(HttpRequest<?> request, MutableHttpResponse<?> response) {
        stamp(request, response, rateLimits.status(request));
        if (ApiKey.of(request).isPresent() && response.getBody().orElse(null) instanceof ApiError error
                && error.getMeta() == null) {
            error.setMeta(meta.of(request, response.status()));
        }
        ResponseMediaTypes.apply(request, response);
    }

    /**
     * Sets the headers every response carries. Also used for the few responses Micronaut sends
     * without running filters (a request it could not even decode).
     */
    public static void stamp(HttpRequest<?> request, MutableHttpResponse<?> response, RateLimitStatus limits) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set(ApiHeaders.REQUEST_ID, RequestAttributes.requestId(request));
        headers.set(ApiHeaders.TIMESTAMP, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(RequestAttributes.answeredAt(request)));
        headers.set(ApiHeaders.RATE_LIMIT_LIMIT, Integer.toString(limits.limit()));
        headers.set(ApiHeaders.RATE_LIMIT_REMAINING, Integer.toString(limits.remaining()));
        headers.set(ApiHeaders.RATE_LIMIT_RESET, Integer.toString(limits.resetSeconds()));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
