package com.clinikapi.server.capacity;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.server.error.ErrorResponses;
import com.clinikapi.server.web.RequestIdFilter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.concurrent.Semaphore;

/**
 * Bounds the API requests one instance works on at once ({@code clinikapi.capacity.max-in-flight}).
 * Past it a request is answered at once, on the event loop, {@code 503 SERVICE_UNAVAILABLE} with
 * {@code Retry-After}, instead of queueing without bound for the blocking executor and the
 * connection pool, where every queued request would wait out its timeouts and the queue would only
 * grow. Sized with both (see {@code application.yml}): the blocking executor has as many threads as
 * requests admitted, so an admitted request never waits for a thread, only (briefly, within the
 * pool's {@code connection-timeout}) for a connection. {@code /health} is not counted: it must
 * keep answering when the API is saturated.
 */
@Filter("/v1/**")
public class AdmissionFilter implements HttpServerFilter {

    /** Scraped as {@code clinikapi_requests_in_flight}. */
    static final String IN_FLIGHT_METRIC = "clinikapi.requests.in.flight";
    static final String RETRY_AFTER_SECONDS = "1";

    private final Semaphore permits;

    public AdmissionFilter(@Value("${clinikapi.capacity.max-in-flight:48}") int maxInFlight, MeterRegistry meters) {
        this.permits = new Semaphore(maxInFlight);
        Gauge.builder(IN_FLIGHT_METRIC, permits, p -> maxInFlight - p.availablePermits())
                .description("API requests being worked on (refused with 503 above clinikapi.capacity.max-in-flight)")
                .register(meters);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!permits.tryAcquire()) {
            return Publishers.just(ErrorResponses.of(request, ErrorCode.SERVICE_UNAVAILABLE)
                    .header(ApiHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
        }
        // Released however the request ends: answered, failed, or abandoned by its client.
        return Flux.from(chain.proceed(request)).doFinally(signal -> permits.release());
    }

    /** Right after the request id is assigned (so a refusal carries it), before the key is checked. */
    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 50;
    }
}
