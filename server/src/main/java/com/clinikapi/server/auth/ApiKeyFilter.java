package com.clinikapi.server.auth;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.auth.ApiKeyFormat;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.server.error.ErrorResponses;
import com.clinikapi.server.ratelimit.RateLimitStatus;
import com.clinikapi.server.ratelimit.RateLimits;
import com.clinikapi.server.web.RequestIdFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * The gate of every {@code /v1} request, in this order:
 * <ol>
 *   <li>the client's budget of failed authentications ({@link FailedAuthentications}): once spent,
 *       a key this instance does not remember (as known or as unknown) is 429 {@code RATE_LIMITED},
 *       with no database lookup;</li>
 *   <li>authentication: a missing {@code x-api-key} is 401 {@code UNAUTHORIZED}, one not
 *       {@code clk_live_*}/{@code clk_test_*} {@code INVALID_KEY_FORMAT}, an unknown one
 *       {@code INVALID_KEY}, then {@code KEY_REVOKED} and {@code KEY_EXPIRED}. Nothing is counted
 *       against a plan for these (there is no key to count against), but each of the last three
 *       that took a database lookup spends one of the client's budget of failures;</li>
 *   <li>the rate limit: every request of a recognised key counts against its plan, refused ones
 *       included; past the limit, 429 {@code RATE_LIMITED} with {@code Retry-After};</li>
 *   <li>authorization: a key without the operation's scope is 403 {@code INSUFFICIENT_SCOPE}.</li>
 * </ol>
 * The resolved {@link ApiKey} (tenant, mode, scopes, plan) is left on the request for the
 * controllers. Runs on the blocking executor: a key-cache miss and the shared rate limit read the
 * database. Keys are never logged, only their display prefix.
 */
@ServerFilter("/v1/**")
public class ApiKeyFilter implements Ordered {

    /** Right after the request id is assigned, so that every refusal carries it. */
    public static final int ORDER = RequestIdFilter.ORDER + 100;

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final ApiKeyStore store;
    private final RateLimits rateLimits;
    private final FailedAuthentications failures;
    private final HttpClientAddressResolver clients;

    public ApiKeyFilter(ApiKeyStore store, RateLimits rateLimits, FailedAuthentications failures,
                        HttpClientAddressResolver clients) {
        this.store = store;
        this.rateLimits = rateLimits;
        this.failures = failures;
        this.clients = clients;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> guard(HttpRequest<?> request) {
        String presented = request.getHeaders().get(ApiHeaders.API_KEY);
        String client = clientOf(request);
        long throttledFor = failures.throttledForSeconds(client);
        Authentication outcome = authenticate(request, presented, throttledFor > 0);
        if (outcome.queriedDatabase() && outcome.refusal().isPresent()) {
            failures.failed(client);
        }
        if (outcome.refusal().isPresent()) {
            ErrorCode refusal = outcome.refusal().get();
            return refusal == ErrorCode.RATE_LIMITED
                    ? ErrorResponses.of(request, refusal).header(ApiHeaders.RETRY_AFTER, Long.toString(throttledFor))
                    : ErrorResponses.of(request, refusal);
        }
        ApiKey key = ApiKey.require(request);
        store.used(key);
        RateLimitStatus limit = rateLimits.consume(request, key);
        if (limit.exceeded()) {
            return ErrorResponses.of(request, ErrorCode.RATE_LIMITED)
                    .header(ApiHeaders.RETRY_AFTER, Integer.toString(limit.retryAfterSeconds()));
        }
        if (!key.allows(Scope.requiredFor(request.getMethod()))) {
            return ErrorResponses.of(request, ErrorCode.INSUFFICIENT_SCOPE);
        }
        return null;
    }

    /**
     * Resolves the presented key onto the request, or says why it cannot be used. A throttled client
     * gets only what this instance remembers; any other key is {@code RATE_LIMITED} for it.
     */
    private Authentication authenticate(HttpRequest<?> request, @Nullable String presented, boolean throttled) {
        if (presented == null || presented.isEmpty()) {
            return Authentication.refused(ErrorCode.UNAUTHORIZED, false);
        }
        if (ApiKeyFormat.modeOf(presented).isEmpty()) {
            return Authentication.refused(ErrorCode.INVALID_KEY_FORMAT, false);
        }
        KeyLookup lookup = store.find(presented, throttled);
        if (lookup.source() == KeyLookup.Source.NOT_REMEMBERED) {
            return Authentication.refused(ErrorCode.RATE_LIMITED, false);
        }
        if (lookup.key().isEmpty()) {
            LOG.debug("Unknown API key {}", ApiKeyFormat.displayPrefix(presented));
            return Authentication.refused(ErrorCode.INVALID_KEY, lookup.queriedDatabase());
        }
        ApiKey key = lookup.key().get();
        if (key.revoked()) {
            return Authentication.refused(ErrorCode.KEY_REVOKED, lookup.queriedDatabase());
        }
        if (key.isExpiredAt(Instant.now())) {
            return Authentication.refused(ErrorCode.KEY_EXPIRED, lookup.queriedDatabase());
        }
        request.setAttribute(ApiKey.ATTRIBUTE, key);
        return new Authentication(Optional.empty(), lookup.queriedDatabase());
    }

    /** Why the key cannot be used (empty: it can), and whether finding that out cost a database query. */
    private record Authentication(Optional<ErrorCode> refusal, boolean queriedDatabase) {
        static Authentication refused(ErrorCode code, boolean queriedDatabase) {
            return new Authentication(Optional.of(code), queriedDatabase);
        }
    }

    /** The client's address: the socket's peer, or the header a proxy in front sets (micronaut.server.client-address-header). */
    private String clientOf(HttpRequest<?> request) {
        String address = clients.resolve(request);
        return address == null ? "unknown" : address;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
