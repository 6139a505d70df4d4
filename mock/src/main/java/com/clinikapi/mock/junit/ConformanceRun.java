package com.clinikapi.mock.junit;

import com.clinikapi.mock.conformance.ConformanceOverview;
import com.clinikapi.mock.conformance.ConformanceRecorder;
import com.clinikapi.mock.conformance.ConformanceReport;
import com.clinikapi.mock.conformance.ContractBreak;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One extension's view of conformance over a test run: which running test a contract break belongs
 * to (strict mode), and every sandbox's report, including those the extension's own resets forget
 * between tests, for the file written after the run.
 *
 * <p>A break belongs to the running test that made its key ({@link ClinikMockExtension#newApiKey()});
 * a break with a key no running test made (a fixed key, or no key) belongs to every test running when
 * it happened, which is exact when tests run one at a time.
 */
final class ConformanceRun {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<TestKeys, Watch> running = new ConcurrentHashMap<>();
    private final Map<String, ConformanceReport> forgotten = new ConcurrentHashMap<>();
    private final AtomicReference<ConformanceReport> forgottenWithoutKey = new AtomicReference<>();
    private ConformanceRecorder attached;

    /** Listens to the mock's recorder; once per recorder. */
    synchronized void attach(ConformanceRecorder recorder) {
        if (attached != recorder) {
            recorder.onBreak(this::seen);
            recorder.onForget(this::forget);
            attached = recorder;
        }
    }

    void testStarted(TestKeys test, boolean expectsBreaks) {
        if (test != null) {
            running.put(test, new Watch(expectsBreaks));
        }
    }

    /** The test on this thread sends breaks on purpose from now on. */
    void expectBreaks(TestKeys test) {
        Watch watch = test == null ? null : running.get(test);
        if (watch == null) {
            throw new IllegalStateException("expectContractBreaks() is for use inside a test of this mock");
        }
        watch.expectsBreaks = true;
    }

    /** Why the test fails in strict mode, if it made a contract break it did not expect. */
    Optional<String> testEnded(TestKeys test, boolean strict) {
        Watch watch = test == null ? null : running.remove(test);
        if (!strict || watch == null || watch.expectsBreaks || watch.first.get() == null) {
            return Optional.empty();
        }
        long more = watch.count.get() - 1;
        return Optional.of("this test broke the ClinikAPI contract (strict conformance): " + watch.first.get().describe()
                + (more > 0 ? " (and " + more + " more)" : "")
                + ". The conformance report lists every break. A test that sends such requests on purpose is"
                + " annotated @ExpectContractBreaks or calls expectContractBreaks().");
    }

    /**
     * Writes the run's report: every sandbox's, those already forgotten included.
     *
     * @return the file written
     */
    Path write(Path directory, String name, ConformanceRecorder recorder) throws IOException {
        Map<String, ConformanceReport> byKey = new LinkedHashMap<>(forgotten);
        recorder.reports().forEach((apiKey, report) -> byKey.merge(apiKey, report, ConformanceReport::merge));
        ConformanceReport withoutKey = recorder.withoutKey();
        ConformanceReport before = forgottenWithoutKey.get();
        if (before != null) {
            withoutKey = before.merge(withoutKey);
        }
        Files.createDirectories(directory);
        Path file = directory.resolve(name + ".json");
        JSON.writeValue(file.toFile(), ConformanceOverview.ofRun(name, byKey, withoutKey, recorder.empty()));
        return file;
    }

    private void seen(ContractBreak contractBreak) {
        TestKeys owner = TestKeys.ownerOf(contractBreak.apiKey());
        if (owner != null) {
            Watch watch = running.get(owner);
            if (watch != null) {
                watch.saw(contractBreak);
            }
            return;
        }
        running.values().forEach(watch -> watch.saw(contractBreak));
    }

    private void forget(String apiKey, ConformanceReport report) {
        if (apiKey == null) {
            forgottenWithoutKey.accumulateAndGet(report, (before, now) -> before == null ? now : before.merge(now));
        } else {
            forgotten.merge(apiKey, report, ConformanceReport::merge);
        }
    }

    /** The breaks one running test made: the first, and how many. */
    private static final class Watch {

        private final AtomicReference<ContractBreak> first = new AtomicReference<>();
        private final AtomicLong count = new AtomicLong();
        private volatile boolean expectsBreaks;

        Watch(boolean expectsBreaks) {
            this.expectsBreaks = expectsBreaks;
        }

        void saw(ContractBreak contractBreak) {
            first.compareAndSet(null, contractBreak);
            count.incrementAndGet();
        }
    }
}
