package com.clinikapi.mock.web;

import com.clinikapi.contract.auth.ApiKeyFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The mock's log. One line per request only when verbose (it costs throughput), and never a
 * submitted value: the operation, not the URL; the key's display prefix, not the key; no bodies.
 */
public final class RequestLog {

    private static final Logger REQUESTS = LoggerFactory.getLogger("com.clinikapi.mock.requests");
    private static final Logger ERRORS = LoggerFactory.getLogger("com.clinikapi.mock.errors");

    private final boolean verbose;

    public RequestLog(boolean verbose) {
        this.verbose = verbose;
    }

    void served(RequestContext context, String method, String apiKey, String outcome, long nanos) {
        if (!verbose) {
            return;
        }
        String operation = context.operation() == null ? "(no such operation)" : context.operation().operationId();
        String key = apiKey == null || ApiKeyFormat.modeOf(apiKey).isEmpty() ? "-" : ApiKeyFormat.displayPrefix(apiKey);
        REQUESTS.info("{} {} {} key={} -> {} in {} ms", context.requestId(), method, operation, key, outcome,
                String.format("%.1f", nanos / 1_000_000.0));
    }

    /** A bug in the mock. Only the exception's type and where it happened: its message may quote a value. */
    public static void unexpected(String requestId, Throwable e) {
        String where = Arrays.stream(e.getStackTrace()).limit(5).map(StackTraceElement::toString)
                .collect(Collectors.joining(" < "));
        ERRORS.error("{} answered 500 INTERNAL_ERROR after {} at {}", requestId, e.getClass().getName(), where);
    }
}
