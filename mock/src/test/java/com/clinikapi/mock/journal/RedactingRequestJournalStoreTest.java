package com.clinikapi.mock.journal;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactingRequestJournalStoreTest {

    private final RedactingRequestJournalStore store =
            new RedactingRequestJournalStore(new CountedRequestJournalStore(JournalStores.MAX_JOURNAL_BYTES));

    @Test
    void keepsTheKeysFingerprintAndNoAuthorizationValue() {
        ServeEvent event = event(10);

        store.add(event);

        LoggedRequest kept = store.get(event.getId()).orElseThrow().getRequest();
        assertThat(kept.getHeader("x-api-key")).isEqualTo(JournalRedaction.journalKey("clk_test_secret_key"))
                .isNotEqualTo(JournalRedaction.journalKey("clk_test_other_key"));
        assertThat(kept.getHeader("Authorization")).isEqualTo("redacted");
        assertThat(kept.getHeader("Accept")).isEqualTo("application/json");
    }

    @Test
    void keepsTheFirstBytesOfABodyOnlyAlsoWhenTheAnswerIsRecorded() {
        ServeEvent event = event(JournalRedaction.MAX_BODY_BYTES + 1);

        store.add(event);
        store.put(event.getId(), event);

        assertThat(store.getAll()).singleElement()
                .satisfies(kept -> assertThat(kept.getRequest().getBody()).hasSize(JournalRedaction.MAX_BODY_BYTES));
    }

    private static ServeEvent event(int bodyBytes) {
        return ServeEvent.of(ImmutableRequest.create().withAbsoluteUrl("http://localhost/v1/appointments")
                .withMethod(RequestMethod.POST)
                .withHeader("x-api-key", "clk_test_secret_key")
                .withHeader("authorization", "Bearer secret")
                .withHeader("Accept", "application/json")
                .withBody(new byte[bodyBytes]).build());
    }
}
