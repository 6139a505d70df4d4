package com.clinikapi.client;

import com.clinikapi.client.api.AppointmentsApi;
import com.clinikapi.client.api.HealthApi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * The entry point for partners: the generated APIs, configured once for one base URL and one API key.
 *
 * <pre>{@code
 * ClinikApiClient clinik = ClinikApiClient.builder(System.getenv("CLINIKAPI_URL"), System.getenv("CLINIKAPI_KEY")).build();
 * Appointment booked = clinik.appointments()
 *         .createAppointment(new AppointmentCreate().status(AppointmentStatus.BOOKED).patientId("pat_abc123"),
 *                 UUID.randomUUID().toString())
 *         .getData();
 * }</pre>
 *
 * Every request carries the key in {@code x-api-key}; every error answer (any non-2xx status) is
 * thrown as a {@link ClinikApiException} carrying the error body's {@code code}, {@code requestId},
 * {@code issues}, the status and {@code Retry-After}. Nothing here logs a request or a response.
 * Instances are immutable and thread-safe; share one per key.
 */
public final class ClinikApiClient {

    /** The header that carries the API key. */
    public static final String API_KEY_HEADER = "x-api-key";

    private final AppointmentsApi appointments;
    private final HealthApi health;

    private ClinikApiClient(ApiClient apiClient) {
        this.appointments = new AppointmentsApi(apiClient) {
            @Override
            protected ApiException getApiException(String operationId, HttpResponse<InputStream> response) throws IOException {
                return ClinikApiException.from(operationId, response);
            }
        };
        this.health = new HealthApi(apiClient) {
            @Override
            protected ApiException getApiException(String operationId, HttpResponse<InputStream> response) throws IOException {
                return ClinikApiException.from(operationId, response);
            }
        };
    }

    /**
     * @param baseUrl the service's root URL, or the partner mock's (e.g. {@code http://localhost:8081}), without {@code /v1}
     * @param apiKey  a {@code clk_live_…} or {@code clk_test_…} key
     */
    public static Builder builder(String baseUrl, String apiKey) {
        return new Builder(baseUrl, apiKey);
    }

    /** Create, read, update, delete and search appointments; errors are {@link ClinikApiException}s. */
    public AppointmentsApi appointments() {
        return appointments;
    }

    /** Liveness of the service (needs no key). */
    public HealthApi health() {
        return health;
    }

    /** Settings of a client; only the base URL and the key are required. */
    public static final class Builder {

        private final URI baseUrl;
        private final String apiKey;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private HttpClient.Builder http = ApiClient.createDefaultHttpClientBuilder();

        private Builder(String baseUrl, String apiKey) {
            // the operations' paths start with a slash: a base URL ending in one would double it
            URI uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", ""));
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http or https URL");
            }
            this.baseUrl = uri;
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        }

        /** How long to wait for a new connection; 10 seconds unless set. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long to wait for each answer once sent; 30 seconds unless set. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The JDK client builder to start from, for a proxy, an SSL context or an executor; the
         * timeouts above (and HTTP/1.1 for an {@code http://} base URL) are set on it.
         */
        public Builder httpClient(HttpClient.Builder builder) {
            this.http = Objects.requireNonNull(builder, "builder");
            return this;
        }

        public ClinikApiClient build() {
            if ("http".equalsIgnoreCase(baseUrl.getScheme())) {
                // Cleartext (a local mock or service): HTTP/1.1, without an h2c upgrade on every first request.
                http.version(HttpClient.Version.HTTP_1_1);
            }
            ApiClient apiClient = new ApiClient()
                    .setHttpClientBuilder(http)
                    .setConnectTimeout(connectTimeout)
                    .setReadTimeout(requestTimeout)
                    .setRequestInterceptor(request -> request.header(API_KEY_HEADER, apiKey));
            apiClient.updateBaseUri(baseUrl.toString());
            return new ClinikApiClient(apiClient);
        }
    }
}
