package com.clinikapi.mock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the appointments API, speaking to a mock over loopback with one key. */
public final class ApiClient {

    public static final String JSON = "application/json";
    public static final String FHIR_JSON = "application/fhir+json";
    public static final String MERGE_PATCH = "application/merge-patch+json";
    public static final String JSON_PATCH = "application/json-patch+json";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String apiKey;

    public ApiClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    public ApiClient withKey(String otherKey) {
        return new ApiClient(baseUrl, otherKey);
    }

    public String apiKey() {
        return apiKey;
    }

    public Reply create(String json) {
        return send(request("/v1/appointments").header("Content-Type", JSON).POST(body(json)));
    }

    /** Creates and returns the new appointment's id, failing if the mock refuses. */
    public String createdId(String json) {
        Reply reply = create(json);
        if (reply.status() != 201) {
            throw new AssertionError("expected 201, got " + reply);
        }
        return reply.id();
    }

    public Reply read(String id) {
        return send(request("/v1/appointments/" + id).GET());
    }

    public Reply update(String id, String json) {
        return update(id, json, MERGE_PATCH);
    }

    public Reply update(String id, String json, String contentType) {
        return send(request("/v1/appointments/" + id).header("Content-Type", contentType).method("PATCH", body(json)));
    }

    public Reply delete(String id) {
        return send(request("/v1/appointments/" + id).DELETE());
    }

    /** @param query e.g. {@code practitionerId=prac_1&count=2}, already encoded */
    public Reply search(String query) {
        return send(request("/v1/appointments" + (query.isEmpty() ? "" : "?" + query)).GET());
    }

    /** A request to {@code path} carrying this client's key (if any). */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        if (apiKey != null) {
            builder.header("x-api-key", apiKey);
        }
        return builder;
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and returns the raw outcome, letting connection failures through. */
    public HttpResponse<String> sendRaw(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }
}
