package com.clinikapi.mock;

import com.clinikapi.mock.journal.JournalRedaction;
import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** What WireMock's request journal keeps: never a key value, never more than a bounded part of a body. */
class JournalRedactionTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    String key;
    ApiClient api;

    @BeforeEach
    void partner() {
        key = ClinikMockExtension.newApiKey();
        api = new ApiClient(mock.baseUrl(), key);
    }

    @Test
    void keepsAFingerprintOfTheKeyNeverTheKey() {
        api.createdId(Bodies.booked());

        String journal = api.send(api.withKey(null).request("/__admin/requests").GET()).body();

        assertThat(journal).doesNotContain(key).contains(ClinikMockExtension.journalKey(key));
        assertThat(ClinikMockExtension.journalKey(key)).matches("redacted:[0-9a-f]{8}");
    }

    @Test
    void verifyCountsTheRequestsOfOneKeyByItsJournalKey() {
        api.createdId(Bodies.booked());
        api.withKey(ClinikMockExtension.newApiKey()).createdId(Bodies.booked());

        mock.verify(1, postRequestedFor(urlEqualTo("/v1/appointments"))
                .withHeader("x-api-key", equalTo(ClinikMockExtension.journalKey(key))));
        mock.verify(0, postRequestedFor(urlEqualTo("/v1/appointments")).withHeader("x-api-key", equalTo(key)));
    }

    @Test
    void keepsNoAuthorizationValue() {
        api.send(api.request("/v1/appointments").header("Authorization", "Bearer not-for-the-journal").GET());

        LoggedRequest logged = mock.getAllServeEvents().get(0).getRequest();

        assertThat(logged.getHeader("Authorization")).isEqualTo("redacted");
        assertThat(api.send(api.withKey(null).request("/__admin/requests").GET()).body()).doesNotContain("not-for-the-journal");
    }

    @Test
    void keepsOnlyTheFirst64KibOfABody() {
        String large = "{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"comment\": \"" + "x".repeat(200_000) + "\"}";
        api.create(large);

        LoggedRequest logged = mock.getAllServeEvents().get(0).getRequest();

        assertThat(logged.getBody()).hasSize(JournalRedaction.MAX_BODY_BYTES);
        assertThat(logged.getBodyAsString()).startsWith("{\"status\": \"proposed\"");
    }

    @Test
    void keepsSmallBodiesWhole() {
        String booked = Bodies.booked();
        api.createdId(booked);

        assertThat(mock.getAllServeEvents().get(0).getRequest().getBodyAsString()).isEqualTo(booked);
    }
}
