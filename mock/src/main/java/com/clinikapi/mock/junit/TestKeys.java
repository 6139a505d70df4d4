package com.clinikapi.mock.junit;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API keys the test running on this thread made with {@link ClinikMockExtension#newApiKey()}:
 * its own sandboxes, which the extension forgets when the test ends. JUnit runs a test's
 * {@code @BeforeEach}, body and {@code @AfterEach} on one thread; keys made on other threads (an
 * executor the test starts) belong to no test and wait for the next full reset. Which running test
 * made a key can be asked from any thread ({@link #ownerOf}): the mock's serving threads do, to tell
 * a contract break to the test whose key made it.
 */
final class TestKeys {

    private static final ThreadLocal<TestKeys> OF_RUNNING_TEST = new ThreadLocal<>();
    /** The keys of the tests running now, each with its test; a test's are removed when it ends. */
    private static final Map<String, TestKeys> OWNERS = new ConcurrentHashMap<>();

    private final Set<String> keys = new LinkedHashSet<>();
    /** How many extensions (an outer class's and a nested one's) take part in the running test. */
    private int extensions;

    private TestKeys() {
    }

    /** A test begins on this thread, for one more extension. */
    static void begin() {
        TestKeys current = OF_RUNNING_TEST.get();
        if (current == null) {
            current = new TestKeys();
            OF_RUNNING_TEST.set(current);
        }
        current.extensions++;
    }

    /** Records a key made on this thread while a test runs; outside a test, nothing. */
    static void made(String apiKey) {
        TestKeys current = OF_RUNNING_TEST.get();
        if (current != null) {
            current.keys.add(apiKey);
            OWNERS.put(apiKey, current);
        }
    }

    /** The test running on this thread, or null. */
    static TestKeys current() {
        return OF_RUNNING_TEST.get();
    }

    /** The running test that made {@code apiKey}, or null if none did (a fixed key, or no key). */
    static TestKeys ownerOf(String apiKey) {
        return apiKey == null ? null : OWNERS.get(apiKey);
    }

    /** The keys the test made so far; the test ends on this thread for one extension. */
    static Set<String> end() {
        TestKeys current = OF_RUNNING_TEST.get();
        if (current == null) {
            return Set.of();
        }
        Set<String> made = Set.copyOf(current.keys);
        if (--current.extensions == 0) {
            OF_RUNNING_TEST.remove();
            current.keys.forEach(OWNERS::remove);
        }
        return made;
    }
}
