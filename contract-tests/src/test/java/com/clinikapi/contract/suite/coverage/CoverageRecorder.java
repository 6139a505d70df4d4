package com.clinikapi.contract.suite.coverage;

import com.clinikapi.contract.suite.http.Exchange;
import com.clinikapi.contract.suite.http.ExchangeRecorder;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.Suite;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every exchange of this JVM's run by (operation, status), as the central client sees them,
 * and writes them to {@code target/contract-coverage/<target>.json} when the run ends; the coverage
 * gate merges the records of all targets.
 */
public final class CoverageRecorder implements ExchangeRecorder {

    private static final CoverageRecorder INSTANCE = new CoverageRecorder();

    private final Map<String, LongAdder> pairs = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> undeclared = new ConcurrentHashMap<>();
    private final LongAdder breaches = new LongAdder();

    public static CoverageRecorder get() {
        return INSTANCE;
    }

    @Override
    public void record(Exchange exchange) {
        int status = exchange.response().status();
        if (!exchange.conforming()) {
            // a status the contract was broken with does not count as that status covered
            breaches.increment();
        } else if (exchange.operationId().isPresent()) {
            pairs.computeIfAbsent(CoveragePair.key(exchange.operationId().get(), status), k -> new LongAdder()).increment();
        } else {
            undeclared.computeIfAbsent(exchange.method() + " " + status, k -> new LongAdder()).increment();
        }
    }

    /** Writes this run's record. */
    public void write(String target) {
        ObjectNode record = Json.object("target", target);
        ObjectNode pairNode = record.putObject("pairs");
        new TreeMap<>(pairs).forEach((k, v) -> pairNode.put(k, v.sum()));
        ObjectNode undeclaredNode = record.putObject("undeclared");
        new TreeMap<>(undeclared).forEach((k, v) -> undeclaredNode.put(k, v.sum()));
        long total = pairs.values().stream().mapToLong(LongAdder::sum).sum()
                + undeclared.values().stream().mapToLong(LongAdder::sum).sum();
        record.put("exchanges", total + breaches.sum());
        record.put("breaches", breaches.sum());
        Path file = recordFile(target);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.write(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("[contract] %s: %d exchanges (%d broke the contract), %d (operation, status) pairs seen; record %s%n",
                target, total + breaches.sum(), breaches.sum(), pairs.size(), file);
    }

    /** Deletes an earlier run's record of this target. */
    public void discard(String target) {
        try {
            Files.deleteIfExists(recordFile(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path recordFile(String target) {
        return Suite.outputDirectory().resolve("contract-coverage").resolve(target + ".json");
    }
}
