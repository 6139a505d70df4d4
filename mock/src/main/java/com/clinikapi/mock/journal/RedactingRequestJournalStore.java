package com.clinikapi.mock.journal;

import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** A request journal store that keeps every event only as {@link JournalRedaction} allows. */
final class RedactingRequestJournalStore implements RequestJournalStore {

    private final RequestJournalStore kept;

    RedactingRequestJournalStore(RequestJournalStore kept) {
        this.kept = kept;
    }

    @Override
    public void add(ServeEvent event) {
        kept.add(JournalRedaction.redact(event));
    }

    @Override
    public void put(UUID id, ServeEvent event) {
        kept.put(id, JournalRedaction.redact(event));
    }

    @Override
    public Stream<ServeEvent> getAll() {
        return kept.getAll();
    }

    @Override
    public Stream<UUID> getAllKeys() {
        return kept.getAllKeys();
    }

    @Override
    public Optional<ServeEvent> get(UUID id) {
        return kept.get(id);
    }

    @Override
    public void removeLast() {
        kept.removeLast();
    }

    @Override
    public void remove(UUID id) {
        kept.remove(id);
    }

    @Override
    public void clear() {
        kept.clear();
    }
}
