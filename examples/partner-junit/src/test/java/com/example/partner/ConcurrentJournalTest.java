package com.example.partner;

import com.clinikapi.mock.junit.ClinikMockExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

/**
 * Exact request counts while tests run concurrently on one mock: the journal is shared, so each
 * test counts the requests made with its own key (the journal keeps a fingerprint, never the key).
 */
class ConcurrentJournalTest {

    @RegisterExtension
    static ClinikMockExtension clinikApi = ClinikMockExtension.create();

    @RepeatedTest(100)
    void countsTheRequestsOfItsOwnKey() {
        String key = ClinikMockExtension.newApiKey();
        var client = new AppointmentsClient(clinikApi.baseUrl(), key);
        String id = client.book("pat_conc", "prac_conc", "2027-02-04T09:00:00Z").data().path("id").asText();
        client.read(id);
        client.searchByPatient("pat_conc");

        clinikApi.verify(3, anyRequestedFor(anyUrl()).withHeader("x-api-key", equalTo(ClinikMockExtension.journalKey(key))));
    }
}
