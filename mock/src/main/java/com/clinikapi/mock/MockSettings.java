package com.clinikapi.mock;

import com.clinikapi.mock.journal.JournalStores;
import com.clinikapi.mock.web.GuardedJettyServerFactory;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * How a mock runs.
 *
 * @param port              the HTTP port; 0 picks a free one
 * @param verbose           one log line per request (operation, status, time; never a value)
 * @param journalSize       how many requests WireMock's journal keeps for verification; 0 disables it
 * @param validateResponses check every response against the spec and record violations (slower)
 */
public record MockSettings(int port, boolean verbose, int journalSize, boolean validateResponses) {

    public static final int DEFAULT_PORT = 8081;
    public static final int DEFAULT_JOURNAL_SIZE = 1000;

    public MockSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (journalSize < 0) {
            throw new IllegalArgumentException("journal size must not be negative");
        }
    }

    public static MockSettings defaults() {
        return new MockSettings(DEFAULT_PORT, false, DEFAULT_JOURNAL_SIZE, false);
    }

    public MockSettings withPort(int newPort) {
        return new MockSettings(newPort, verbose, journalSize, validateResponses);
    }

    /** The WireMock options of a server that runs this mock. */
    public WireMockConfiguration wireMockConfiguration(ClinikMockExtensions extensions) {
        WireMockConfiguration options = WireMockConfiguration.options()
                .extensions(extensions)
                .httpServerFactory(new GuardedJettyServerFactory(() -> extensions.runtime().pipeline()))
                // The mock logs requests itself, without values; WireMock's log prints whole bodies.
                .stubRequestLoggingDisabled(true)
                .notifier(new ConsoleNotifier(false))
                .templatingEnabled(false)
                // HTTP/1.1 only, as the service: no upgrade to plaintext HTTP/2 (h2c), which the Java
                // client attempts by default and which would bypass the RequestHeadGuard.
                .http2PlainDisabled(true)
                // Delayed answers (Prefer: delay=…) wait on a scheduler, not on a Jetty thread.
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(4);
        if (port == 0) {
            options.dynamicPort();
        } else {
            options.port(port);
        }
        if (journalSize == 0) {
            options.disableRequestJournal();
        } else {
            options.maxRequestJournalEntries(journalSize);
        }
        // WireMock's own journal store costs time in proportion to its size on every request.
        return options.withStores(new JournalStores(options.filesRoot()));
    }
}
