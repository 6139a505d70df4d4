package com.example.partner;

import com.clinikapi.mock.junit.ClinikMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a partner's error handling meets: outages, rate limits, a header it got wrong, its own stubs. */
class FailureHandlingTest {

    @RegisterExtension
    static ClinikMockExtension clinikApi = ClinikMockExtension.create();

    @Test
    void anOutageSaysWhenToRetryAndThenPasses() {
        String key = ClinikMockExtension.newApiKey();
        clinikApi.forceScenario("code=503", key, 2);
        var client = new AppointmentsClient(clinikApi.baseUrl(), key);

        for (int attempt = 1; attempt <= 2; attempt++) {
            var down = client.book("pat_retry", "prac_retry", "2027-02-05T09:00:00Z");
            assertEquals(503, down.status());
            assertTrue(down.retryAfter().isPresent(), "a 503 says when to retry");
        }
        assertEquals(201, client.book("pat_retry", "prac_retry", "2027-02-05T09:00:00Z").status());
        // This class's tests run concurrently on one mock: count this test's key only.
        clinikApi.verify(3, postRequestedFor(urlEqualTo("/v1/appointments"))
                .withHeader("x-api-key", equalTo(ClinikMockExtension.journalKey(key))));
    }

    @Test
    void aForcedRateLimitSaysWhenToRetry() {
        var limited = new AppointmentsClient(clinikApi.baseUrl(), ClinikMockExtension.newApiKey()).bookWithPrefer("code=429");

        assertEquals(429, limited.status());
        assertTrue(limited.retryAfter().isPresent());
    }

    @Test
    void aStatusTheOperationDoesNotDocumentIsRefusedNamingThePreferHeader() {
        var refused = new AppointmentsClient(clinikApi.baseUrl(), ClinikMockExtension.newApiKey()).bookWithPrefer("code=404");

        assertEquals(400, refused.status());
        assertTrue(refused.body().toString().contains("Prefer"), refused.body().toString());
    }

    @Test
    void thePartnersOwnStubAnswersWhatItMatches() {
        clinikApi.stubFor(get(urlPathEqualTo("/v1/appointments/appt_fromstub")).willReturn(okJson("""
                {"data": {"id": "appt_fromstub", "status": "booked", "patientId": "pat_stub",
                          "created": "2026-11-20T14:03:11Z", "updatedAt": "2026-11-20T14:03:11Z", "version": 3},
                 "meta": {"requestId": "req_fromstub", "timestamp": "2026-11-20T14:03:11Z", "status": 200,
                          "rateLimitTotal": 1000, "rateLimitRemaining": 999, "rateLimitReset": 60}}""")));

        var read = new AppointmentsClient(clinikApi.baseUrl(), ClinikMockExtension.newApiKey()).read("appt_fromstub");

        assertEquals(200, read.status());
        assertEquals("pat_stub", read.data().path("patientId").asText());
    }
}
