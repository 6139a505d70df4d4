package com.clinikapi.server.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Security headers for a JSON API on every response, errors and {@code /health} included: no MIME
 * sniffing, no caching of (possibly patient) data, no framing, no content a browser would run,
 * no referrer. {@code Strict-Transport-Security} only when {@code clinikapi.security.hsts.enabled}
 * (on in the {@code prod} environment): it must only be sent when the API is reached over HTTPS,
 * usually through a TLS-terminating load balancer. CORS stays off (Micronaut's default) unless
 * {@code micronaut.server.cors} is configured: server-to-server partners need none.
 *
 * <p>The one exception: a file of the reference docs ({@code /docs}, {@code /openapi.yaml}) carries
 * the docs' own headers instead ({@code ReferenceDocs.SECURITY_HEADERS}: a policy under which Swagger
 * UI runs from this origin only, and caching), set by the controller that answered it. Their errors
 * (a missing file) are API answers like any other.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {

    private final String strictTransportSecurity;

    public SecurityHeadersFilter(@Value("${clinikapi.security.hsts.enabled:false}") boolean hsts,
                                 @Value("${clinikapi.security.hsts.max-age-seconds:31536000}") long maxAgeSeconds) {
        this.strictTransportSecurity = hsts ? "max-age=" + maxAgeSeconds + "; includeSubDomains" : null;
    }

    /** Outermost: its response filter also sees the answers that later filters give themselves (401, 429). */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @ResponseFilter
    public void secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!RequestAttributes.isAnsweredByReferenceDocs(request)) {
            secureApiAnswer(response);
        }
        if (strictTransportSecurity != null) {
            response.header("Strict-Transport-Security", strictTransportSecurity);
        }
    }

    private static void secureApiAnswer(MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Cache-Control", "no-store");
        response.header("X-Frame-Options", "DENY");
        response.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.header("Referrer-Policy", "no-referrer");
        response.header("Cross-Origin-Resource-Policy", "same-origin");
    }
}
