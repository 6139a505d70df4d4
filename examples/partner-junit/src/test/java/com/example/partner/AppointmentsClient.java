package com.example.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The partner's own client, written the way an integration would be: the JDK's HTTP client and the
 * partner's own Jackson. The mock sees nothing of it but HTTP.
 */
final class AppointmentsClient {

    /** One answer: its status, the Retry-After header if any, and the parsed body. */
    record Answer(int status, Optional<String> retryAfter, JsonNode body) {
        JsonNode data() {
            return body.path("data");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String apiKey;

    AppointmentsClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    Answer book(String patientId, String practitionerId, String start) {
        return send("POST", "/v1/appointments", "application/json", """
                {"status": "booked", "patientId": "%s", "practitionerId": "%s",
                 "start": "%s", "minutesDuration": 30}""".formatted(patientId, practitionerId, start), null);
    }

    Answer bookWithPrefer(String prefer) {
        return send("POST", "/v1/appointments", "application/json", """
                {"status": "booked", "patientId": "pat_prefer", "practitionerId": "prac_prefer",
                 "start": "2027-03-01T09:00:00Z", "minutesDuration": 30}""", prefer);
    }

    Answer read(String id) {
        return send("GET", "/v1/appointments/" + id, null, null, null);
    }

    Answer update(String id, String mergePatch) {
        return send("PATCH", "/v1/appointments/" + id, "application/merge-patch+json", mergePatch, null);
    }

    Answer searchByPatient(String patientId) {
        return send("GET", "/v1/appointments?patientId=" + patientId + "&count=20", null, null, null);
    }

    Answer delete(String id) {
        return send("DELETE", "/v1/appointments/" + id, null, null, null);
    }

    private Answer send(String method, String path, String contentType, String body, String prefer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("x-api-key", apiKey)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
