package com.clinikapi.mock.journal;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * WireMock's request journal store, with the two operations it runs on every request made cheap.
 * WireMock's own in-memory store keeps the order in a deque, so the journal's size check after each
 * request (it counts every key) and its update when the answer is sent (it searches the deque) cost
 * time in proportion to the journal: with 1,000 entries they took two thirds of the mock's time per
 * request. Here the size is counted as entries come and go, so counting the keys is constant time,
 * and an update finds its entry by id.
 *
 * <p>WireMock bounds the journal in entries only; with bodies of up to 1 MiB, its 1,000 entries could
 * hold a gigabyte. This store also bounds the bytes of the requests it keeps ({@code JournalStores.MAX_JOURNAL_BYTES} by default):
 * past the budget, the oldest entries are dropped, as WireMock drops them past its entry limit.
 */
final class CountedRequestJournalStore implements RequestJournalStore {

    /** Newest first, as WireMock's store keeps them. */
    private final Deque<UUID> order = new ConcurrentLinkedDeque<>();
    private final Map<UUID, ServeEvent> events = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;

    CountedRequestJournalStore(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The bytes of the requests kept now (bodies, URLs and header values, approximately). */
    long bytes() {
        return bytes.get();
    }

    @Override
    public void add(ServeEvent event) {
        if (events.put(event.getId(), event) == null) {
            order.addFirst(event.getId());
            size.incrementAndGet();
            bytes.addAndGet(weight(event));
            while (bytes.get() > maxBytes && size.get() > 1) {
                removeLast();
            }
        }
    }

    /** What an entry costs to keep: its body, URL and headers. */
    static long weight(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        long weight = request.getUrl().length() + (request.getBody() == null ? 0 : request.getBody().length);
        for (HttpHeader header : request.getHeaders().all()) {
            weight += header.key().length() + header.values().stream().mapToLong(String::length).sum();
        }
        return weight;
    }

    @Override
    public Stream<ServeEvent> getAll() {
        return order.stream().map(events::get).filter(Objects::nonNull);
    }

    /**
     * The ids, newest first, in a stream that knows its size, so that {@code count()} does not walk
     * it. WireMock only counts them; a traversal while requests arrive may see a few more or fewer.
     */
    @Override
    public Stream<UUID> getAllKeys() {
        int known = Math.max(0, size.get());
        return StreamSupport.stream(Spliterators.spliterator(order.iterator(), known,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public Optional<ServeEvent> get(UUID id) {
        return Optional.ofNullable(events.get(id));
    }

    /**
     * Updates an event WireMock journaled when the request came in (it calls this once the answer is
     * sent), and only such an event: one removed meanwhile, by a reset between a test's last request
     * and its answer being sent, stays removed. Re-adding it, as this store once did, put the previous
     * test's last request into the next test's journal ({@code verify} counted one too many). WireMock's
     * own store behaves the same way.
     */
    @Override
    public void put(UUID id, ServeEvent event) {
        ServeEvent before = events.replace(id, event);
        if (before != null) {
            bytes.addAndGet(weight(event) - weight(before));
        }
    }

    @Override
    public void removeLast() {
        UUID oldest = order.pollLast();
        ServeEvent removed = oldest == null ? null : events.remove(oldest);
        if (removed != null) {
            size.decrementAndGet();
            bytes.addAndGet(-weight(removed));
        }
    }

    @Override
    public void remove(UUID id) {
        ServeEvent removed = events.remove(id);
        if (removed != null) {
            order.remove(id);
            size.decrementAndGet();
            bytes.addAndGet(-weight(removed));
        }
    }

    @Override
    public void clear() {
        order.clear();
        events.clear();
        size.set(0);
        bytes.set(0);
    }
}
