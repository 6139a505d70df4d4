package com.clinikapi.mock;

import com.clinikapi.mock.journal.JournalStores;
import com.clinikapi.mock.sandbox.SandboxLimits;
import com.clinikapi.mock.web.transport.GuardedJettyServerFactory;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.security.TokenAuthenticator;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How a mock runs.
 *
 * @param port              the HTTP port; 0 picks a free one
 * @param verbose           one log line per request (operation, status, time; never a value)
 * @param journalSize       how many requests WireMock's journal keeps for verification; 0 disables it
 * @param validateResponses check every response against the spec and record violations (slower)
 * @param bindAddress       the address to listen on: loopback unless a team shares the mock
 * @param adminToken        required by WireMock's admin API ({@code /__admin}, which can read every
 *                          partner's requests, reset every sandbox and stop the mock) as
 *                          {@code Authorization: Token …}; null: none, allowed on loopback only
 * @param serveNonconformingStubs serve partners' stubs whose answers break the spec (logged) instead
 *                          of refusing them when they are registered
 * @param sandboxLimits     how long an unused sandbox is kept and how much one may hold
 */
public record MockSettings(int port, boolean verbose, int journalSize, boolean validateResponses,
                           String bindAddress, String adminToken, boolean serveNonconformingStubs,
                           SandboxLimits sandboxLimits) {

    public static final int DEFAULT_PORT = 8081;
    public static final int DEFAULT_JOURNAL_SIZE = 1000;
    public static final String LOOPBACK = "127.0.0.1";

    public MockSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (journalSize < 0) {
            throw new IllegalArgumentException("journal size must not be negative");
        }
        if (sandboxLimits == null) {
            throw new IllegalArgumentException("sandbox limits are required");
        }
        if (adminToken != null && adminToken.isBlank()) {
            throw new IllegalArgumentException("the admin token must not be blank");
        }
        if (adminToken == null && !isLoopback(bindAddress)) {
            throw new IllegalArgumentException("a mock that listens beyond loopback (" + bindAddress
                    + ") needs an admin token (--admin-token, or CLINIKAPI_MOCK_ADMIN_TOKEN)");
        }
    }

    /** With the default sandbox limits. */
    public MockSettings(int port, boolean verbose, int journalSize, boolean validateResponses,
                        String bindAddress, String adminToken, boolean serveNonconformingStubs) {
        this(port, verbose, journalSize, validateResponses, bindAddress, adminToken, serveNonconformingStubs,
                SandboxLimits.DEFAULTS);
    }

    /** Refusing stubs that break the spec. */
    public MockSettings(int port, boolean verbose, int journalSize, boolean validateResponses,
                        String bindAddress, String adminToken) {
        this(port, verbose, journalSize, validateResponses, bindAddress, adminToken, false);
    }

    /** On loopback, without an admin token. */
    public MockSettings(int port, boolean verbose, int journalSize, boolean validateResponses) {
        this(port, verbose, journalSize, validateResponses, LOOPBACK, null);
    }

    public static MockSettings defaults() {
        return new MockSettings(DEFAULT_PORT, false, DEFAULT_JOURNAL_SIZE, false);
    }

    public MockSettings withPort(int newPort) {
        return new MockSettings(newPort, verbose, journalSize, validateResponses, bindAddress, adminToken,
                serveNonconformingStubs, sandboxLimits);
    }

    public MockSettings withNonconformingStubsServed(boolean serve) {
        return new MockSettings(port, verbose, journalSize, validateResponses, bindAddress, adminToken, serve,
                sandboxLimits);
    }

    public MockSettings withSandboxLimits(SandboxLimits limits) {
        return new MockSettings(port, verbose, journalSize, validateResponses, bindAddress, adminToken,
                serveNonconformingStubs, limits);
    }

    /** Whether {@code address} is a loopback address (only this machine reaches it). */
    public static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the address to listen on: " + address);
        }
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
        options.bindAddress(bindAddress);
        if (adminToken != null) {
            options.adminAuthenticator(new TokenAuthenticator(adminToken));
        }
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
