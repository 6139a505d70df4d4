package com.clinikapi.contract.suite.target;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for a started target's {@code /health} to answer 200, with a deadline, no fixed sleeps. */
final class Health {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private Health() {
    }

    /**
     * @param alive false once the target has died, to stop waiting early
     * @return how long it took
     */
    static Duration awaitUp(String baseUrl, Duration deadline, BooleanSupplier alive) {
        Instant start = Instant.now();
        Instant until = start.plus(deadline);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(until)) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(baseUrl + " died before its /health answered");
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(start, Instant.now());
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + baseUrl, e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + baseUrl, e);
            }
        }
        throw new IllegalStateException(baseUrl + "/health did not answer 200 within " + deadline);
    }
}
