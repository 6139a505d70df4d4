package com.clinikapi.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The requests a client's first minute makes — the health check, a create, a read of what it
 * created, a refused create, a search — each expected to be answered as the contract says. The
 * runnable jars (service and mock) replay them in the build's training run for their class-data
 * archive, so that the archive holds the classes of a start and of a first answer of each kind.
 */
public final class FirstRequests {

    /** A booking whose practitioner is new on every run, so a run on a kept database never conflicts. */
    private static final String APPOINTMENT = """
            {"status":"booked","patientId":"pat_training","practitionerId":"%s",\
            "start":"2031-01-06T09:00:00Z","minutesDuration":30}""";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    public FirstRequests(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
    }

    /** Makes the requests in order; throws if one is answered with another status than the contract's. */
    public void make() throws IOException, InterruptedException {
        String practitionerId = "prac_training_" + Long.toHexString(System.nanoTime());
        expect(HttpRequest.newBuilder(URI.create(baseUrl + "/health")).GET(), 200);
        HttpResponse<String> created = expect(api("/v1/appointments")
                .header("Content-Type", ApiMediaTypes.JSON)
                .POST(HttpRequest.BodyPublishers.ofString(APPOINTMENT.formatted(practitionerId))), 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        expect(api(location.substring(location.indexOf("/v1/"))).GET(), 200);
        expect(api("/v1/appointments").header("Content-Type", ApiMediaTypes.JSON)
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"booked\"}")), 422);
        expect(api("/v1/appointments?practitionerId=" + practitionerId + "&sort=-start").GET(), 200);
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header(ApiHeaders.API_KEY, apiKey);
    }

    private HttpResponse<String> expect(HttpRequest.Builder request, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + ", not " + status);
        }
        return response;
    }
}
