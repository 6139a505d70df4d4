package com.clinikapi.mock.journal;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CountedRequestJournalStoreTest {

    private final CountedRequestJournalStore store = new CountedRequestJournalStore(Long.MAX_VALUE);

    @Test
    void keepsEventsNewestFirstAndCountsThem() {
        ServeEvent first = event("/1");
        ServeEvent second = event("/2");

        store.add(first);
        store.add(second);

        assertThat(store.getAll()).containsExactly(second, first);
        assertThat(store.getAllKeys().count()).isEqualTo(2);
        assertThat(store.getAllKeys()).containsExactly(second.getId(), first.getId());
    }

    @Test
    void removesTheOldestFirst() {
        ServeEvent first = event("/1");
        ServeEvent second = event("/2");
        store.add(first);
        store.add(second);

        store.removeLast();

        assertThat(store.getAll()).containsExactly(second);
        assertThat(store.getAllKeys().count()).isEqualTo(1);
        assertThat(store.get(first.getId())).isEmpty();
    }

    @Test
    void replacesAnEventInItsPlaceAndNeverAddsAnUnknownOne() {
        ServeEvent first = event("/1");
        ServeEvent second = event("/2");
        store.add(first);
        store.add(second);
        ServeEvent answered = event("/1-answered");
        ServeEvent unknown = event("/3");

        store.put(first.getId(), answered);
        store.put(unknown.getId(), unknown);

        assertThat(store.getAll()).containsExactly(second, answered);
        assertThat(store.getAllKeys().count()).isEqualTo(2);
    }

    @Test
    void anAnswerSentAfterAResetDoesNotBringItsRequestBack() {
        // given: a request journaled when it came in, then the journal reset before its answer went out
        ServeEvent lastOfThePreviousTest = event("/previous");
        store.add(lastOfThePreviousTest);
        store.clear();

        // when: WireMock updates the event once the answer is sent
        store.put(lastOfThePreviousTest.getId(), lastOfThePreviousTest);

        // then: the next test's journal starts empty
        assertThat(store.getAll()).isEmpty();
        assertThat(store.getAllKeys().count()).isZero();
    }

    @Test
    void removesByIdAndClears() {
        ServeEvent first = event("/1");
        ServeEvent second = event("/2");
        store.add(first);
        store.add(second);

        store.remove(first.getId());
        store.remove(UUID.randomUUID());

        assertThat(store.getAll()).containsExactly(second);
        assertThat(store.getAllKeys().count()).isEqualTo(1);

        store.clear();

        assertThat(store.getAll()).isEmpty();
        assertThat(store.getAllKeys().count()).isZero();
    }

    @Test
    void keepsNoMoreBytesThanItsBudgetDroppingTheOldestFirst() {
        CountedRequestJournalStore bounded = new CountedRequestJournalStore(3_000);
        ServeEvent first = event("/1", 1_000);
        ServeEvent second = event("/2", 1_000);
        ServeEvent third = event("/3", 1_000);

        bounded.add(first);
        bounded.add(second);
        bounded.add(third);

        assertThat(bounded.getAll()).containsExactly(third, second);
        assertThat(bounded.bytes()).isLessThanOrEqualTo(3_000).isEqualTo(
                CountedRequestJournalStore.weight(second) + CountedRequestJournalStore.weight(third));
        assertThat(bounded.getAllKeys().count()).isEqualTo(2);
    }

    @Test
    void keepsTheNewestEntryEvenWhenItAloneIsOverTheBudget() {
        CountedRequestJournalStore bounded = new CountedRequestJournalStore(100);
        ServeEvent big = event("/big", 1_000);

        bounded.add(event("/small", 10));
        bounded.add(big);

        assertThat(bounded.getAll()).containsExactly(big);
    }

    @Test
    void forgetsTheBytesOfWhatItRemoves() {
        ServeEvent first = event("/1", 500);
        store.add(first);
        store.add(event("/2", 500));

        store.remove(first.getId());
        store.removeLast();

        assertThat(store.bytes()).isZero();
    }

    private static ServeEvent event(String url, int bodyBytes) {
        return ServeEvent.of(ImmutableRequest.create().withAbsoluteUrl("http://localhost" + url)
                .withMethod(RequestMethod.POST).withBody(new byte[bodyBytes]).build());
    }

    private static ServeEvent event(String url) {
        return ServeEvent.of(ImmutableRequest.create().withAbsoluteUrl("http://localhost" + url)
                .withMethod(RequestMethod.GET).build());
    }
}
