package com.example.partner;

import com.clinikapi.mock.junit.ClinikMockExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;

/**
 * Exact request counts, test after test: this class's tests run one at a time (other classes run
 * beside it, each with its own mock), so the journal holds this test's requests and nothing else,
 * not even the previous test's last one.
 */
@Execution(ExecutionMode.SAME_THREAD)
class JournalCountTest {

    @RegisterExtension
    static ClinikMockExtension clinikApi = ClinikMockExtension.create();

    @RepeatedTest(100)
    void countsExactlyTheRequestsThisTestSent() {
        var client = new AppointmentsClient(clinikApi.baseUrl(), ClinikMockExtension.newApiKey());
        String id = client.book("pat_count", "prac_count", "2027-02-03T09:00:00Z").data().path("id").asText();
        client.read(id);
        client.read(id);
        client.searchByPatient("pat_count");
        client.update(id, "{\"priority\": 2}");
        client.delete(id);

        clinikApi.verify(6, anyRequestedFor(anyUrl()));
        // WireMock's static DSL points at this test's mock, not localhost:8080.
        verify(1, postRequestedFor(urlEqualTo("/v1/appointments")));
        verify(2, getRequestedFor(urlPathEqualTo("/v1/appointments/" + id)));
        verify(1, getRequestedFor(urlPathEqualTo("/v1/appointments")));
    }
}
