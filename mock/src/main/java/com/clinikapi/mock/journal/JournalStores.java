package com.clinikapi.mock.journal;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;

/**
 * WireMock's default stores, with the request journal kept in a {@link CountedRequestJournalStore},
 * bounded to {@link #MAX_JOURNAL_BYTES} of requests besides WireMock's limit in entries, and holding
 * each request only as {@link JournalRedaction} allows (no key values, bounded bodies).
 */
public final class JournalStores extends DefaultStores {

    /** The journal's budget: 64 MiB of bodies, URLs and headers; past it the oldest entries go. */
    public static final long MAX_JOURNAL_BYTES = 64L * 1024 * 1024;

    private final RequestJournalStore journal =
            new RedactingRequestJournalStore(new CountedRequestJournalStore(MAX_JOURNAL_BYTES));

    public JournalStores(FileSource fileRoot) {
        super(fileRoot);
    }

    @Override
    public RequestJournalStore getRequestJournalStore() {
        return journal;
    }
}
