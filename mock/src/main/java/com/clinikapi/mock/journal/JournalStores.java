package com.clinikapi.mock.journal;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;

/** WireMock's default stores, with the request journal kept in a {@link CountedRequestJournalStore}. */
public final class JournalStores extends DefaultStores {

    private final RequestJournalStore journal = new CountedRequestJournalStore();

    public JournalStores(FileSource fileRoot) {
        super(fileRoot);
    }

    @Override
    public RequestJournalStore getRequestJournalStore() {
        return journal;
    }
}
