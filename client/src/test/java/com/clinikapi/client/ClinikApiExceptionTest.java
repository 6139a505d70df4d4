package com.clinikapi.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How answers the contract suite cannot provoke reach the caller: a body that is not the API's error
 * shape (a proxy's page), a {@code Retry-After} given as a date. The API's own errors are exercised
 * against the mock and the service by the contract suite ({@code suite/client}).
 */
class ClinikApiExceptionTest {

    private HttpServer server;
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicReference<String> keySeen = new AtomicReference<>();

    private record Answer(int status, Map<String, String> headers, String contentType, String body) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            keySeen.set(exchange.getRequestHeaders().getFirst(ClinikApiClient.API_KEY_HEADER));
            Answer a = answer.get();
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", a.contentType());
            a.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private ClinikApiClient client() {
        return ClinikApiClient.builder("http://localhost:" + server.getAddress().getPort(), "clk_test_unit").build();
    }

    @Test
    void readsTheApiErrorBodyAndKeepsItOutOfTheMessage() {
        answer.set(new Answer(429, Map.of("Retry-After", "7", "X-Request-Id", "req_header"), "application/json",
                "{\"error\":\"Rate limit exceeded\",\"code\":\"RATE_LIMITED\",\"requestId\":\"req_abc\",\"issues\":[]}"));

        ClinikApiException e = catchThrowableOfType(() -> client().appointments().getAppointment("appt_1"),
                ClinikApiException.class);

        assertThat(keySeen.get()).isEqualTo("clk_test_unit");
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.errorCode()).hasValue("RATE_LIMITED");
        assertThat(e.requestId()).hasValue("req_abc");
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7));
        assertThat(e.issues()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("getAppointment: 429 RATE_LIMITED (req_abc)");
    }

    @Test
    void aBodyThatIsNotAnApiErrorLeavesTheCodeEmpty() {
        answer.set(new Answer(502, Map.of("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT"), "text/html",
                "<html><body>Bad gateway</body></html>"));

        ClinikApiException e = catchThrowableOfType(() -> client().appointments().getAppointment("appt_1"),
                ClinikApiException.class);

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.errorCode()).isEmpty();
        assertThat(e.requestId()).isEmpty();
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.getResponseBody()).contains("Bad gateway");
        assertThat(e.getMessage()).isEqualTo("getAppointment: 502 without an API error body")
                .doesNotContain("Bad gateway");
    }

    @Test
    void takesTheRequestIdFromTheHeaderWhenTheBodyHasNone() {
        answer.set(new Answer(503, Map.of("X-Request-Id", "req_only_header", "Retry-After", "2"), "text/plain", ""));

        ClinikApiException e = catchThrowableOfType(() -> client().health().getHealth(), ClinikApiException.class);

        assertThat(e.requestId()).hasValue("req_only_header");
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(2));
    }
}
