package com.clinikapi.contract.suite.coverage;

import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.spec.SpecModel;
import com.clinikapi.contract.suite.spec.SpecOperation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which documented (operation, status) pairs each target exercised, merged from the per-target
 * records, and the gate: every 2xx and 4xx pair must be exercised on each gated target, except the
 * pairs listed in {@link Pending}.
 */
public final class CoverageReport {

    /** The targets in report order; a target without a record did not run. */
    public static final List<String> TARGETS = List.of("mock", "server-h2", "server-postgres", "deployment");

    private final Set<CoveragePair> documented;
    private final Map<String, Map<String, Long>> countsByTarget;
    private final Map<String, Map<String, Long>> undeclaredByTarget;
    private final Set<String> gatedTargets;

    public CoverageReport(Set<CoveragePair> documented, Map<String, Map<String, Long>> countsByTarget,
                          Map<String, Map<String, Long>> undeclaredByTarget, Set<String> gatedTargets) {
        this.documented = new TreeSet<>(documented);
        this.countsByTarget = countsByTarget;
        this.undeclaredByTarget = undeclaredByTarget;
        this.gatedTargets = gatedTargets;
    }

    /** The documented pairs of the spec the suite runs with. */
    public static Set<CoveragePair> documentedPairs(SpecModel spec) {
        Set<CoveragePair> pairs = new TreeSet<>();
        for (SpecOperation op : spec.operations()) {
            op.documentedStatuses().forEach(s -> pairs.add(new CoveragePair(op.operationId(), s)));
        }
        return pairs;
    }

    /** Reads the records the target runs left in {@code directory}. */
    public static CoverageReport fromRecords(Path directory, Set<String> gatedTargets) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> undeclared = new LinkedHashMap<>();
        for (String target : TARGETS) {
            Path file = directory.resolve(target + ".json");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                JsonNode record = Json.parse(Files.readString(file));
                counts.put(target, toMap(record.path("pairs")));
                undeclared.put(target, toMap(record.path("undeclared")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CoverageReport(documentedPairs(SpecModel.get()), counts, undeclared, gatedTargets);
    }

    public Set<String> targetsRun() {
        return countsByTarget.keySet();
    }

    public long count(String target, CoveragePair pair) {
        return countsByTarget.getOrDefault(target, Map.of()).getOrDefault(pair.key(), 0L);
    }

    /** Everything that fails the gate; empty when it passes. */
    public List<String> gateFailures() {
        List<String> failures = new ArrayList<>();
        for (String target : gatedTargets) {
            if (!countsByTarget.containsKey(target)) {
                failures.add(target + ": no coverage record; did its run start at all?");
                continue;
            }
            for (CoveragePair pair : documented) {
                if (pair.gated() && count(target, pair) == 0 && Pending.find(pair.operationId(), pair.status()).isEmpty()) {
                    failures.add(target + ": documented " + pair.key() + " was never exercised");
                }
            }
        }
        return failures;
    }

    /** Pending pairs a gated target exercised anyway: their entry in {@link Pending} should go. */
    public List<String> stalePending() {
        List<String> stale = new ArrayList<>();
        for (String target : gatedTargets) {
            for (CoveragePair pair : documented) {
                if (count(target, pair) > 0 && Pending.find(pair.operationId(), pair.status()).isPresent()) {
                    stale.add(target + " exercised pending " + pair.key() + ": remove it from Pending");
                }
            }
        }
        return stale;
    }

    /** Covered gated pairs / all gated pairs of a target, pending ones excluded from both. */
    public String summary(String target) {
        long gated = documented.stream().filter(CoveragePair::gated).count();
        long pending = documented.stream().filter(CoveragePair::gated)
                .filter(p -> Pending.find(p.operationId(), p.status()).isPresent()).count();
        long covered = documented.stream().filter(CoveragePair::gated).filter(p -> count(target, p) > 0).count();
        long coveredRequired = documented.stream().filter(CoveragePair::gated)
                .filter(p -> Pending.find(p.operationId(), p.status()).isEmpty())
                .filter(p -> count(target, p) > 0).count();
        long required = gated - pending;
        return String.format("%s: %d/%d documented 2xx/4xx pairs (%.1f %%); %d/%d excluding %d pending (%.1f %%)%s",
                target, covered, gated, 100.0 * covered / gated, coveredRequired, required, pending,
                100.0 * coveredRequired / required, gatedTargets.contains(target) ? ", gated" : "");
    }

    public String markdown() {
        List<String> targets = new ArrayList<>(countsByTarget.keySet());
        StringBuilder md = new StringBuilder("# Contract coverage\n\n");
        md.append("Every (operation, documented status) pair of the spec and how often each target's run exercised it. ")
                .append("2xx and 4xx pairs are gated at 100 % on the gated targets (")
                .append(String.join(", ", gatedTargets)).append("), pending pairs aside.\n\n");
        for (String target : targets) {
            md.append("- ").append(summary(target)).append('\n');
        }
        md.append("\n| operation | status | ");
        targets.forEach(t -> md.append(t).append(" | "));
        md.append("note |\n|---|---|");
        targets.forEach(t -> md.append("---|"));
        md.append("---|\n");
        for (CoveragePair pair : documented) {
            md.append("| ").append(pair.operationId()).append(" | ").append(pair.status()).append(" | ");
            for (String target : targets) {
                long n = count(target, pair);
                md.append(n > 0 ? String.valueOf(n) : "**0**").append(" | ");
            }
            md.append(note(pair)).append(" |\n");
        }
        md.append("\n## Pending (excused on the service, never silently skipped)\n\n");
        if (Pending.ENTRIES.isEmpty()) {
            md.append("None: every documented behaviour is expected of the service.\n");
        }
        for (Pending.Entry e : Pending.ENTRIES) {
            md.append("- ").append(e.status()).append(" on ").append(new TreeSet<>(e.operations()))
                    .append(": ").append(e.issue()).append(" — ").append(e.reason()).append('\n');
        }
        md.append("\n## Known defects (reported to their module; their inputs are left out where the list says so)\n\n");
        md.append(com.clinikapi.contract.suite.target.KnownDefects.report());
        md.append("\n## Requests outside the spec's operations (method, status: count)\n\n");
        undeclaredByTarget.forEach((t, m) -> md.append("- ").append(t).append(": ")
                .append(m.isEmpty() ? "none" : m.toString()).append('\n'));
        List<String> failures = gateFailures();
        md.append("\n## Gate\n\n").append(failures.isEmpty() ? "PASSED\n" : "FAILED\n");
        failures.forEach(f -> md.append("- ").append(f).append('\n'));
        stalePending().forEach(s -> md.append("- warning: ").append(s).append('\n'));
        return md.toString();
    }

    public ObjectNode json() {
        ObjectNode root = Json.object();
        root.putPOJO("gatedTargets", new TreeSet<>(gatedTargets));
        ObjectNode summaries = root.putObject("summary");
        countsByTarget.keySet().forEach(t -> summaries.put(t, summary(t)));
        ArrayNode pairs = root.putArray("pairs");
        for (CoveragePair pair : documented) {
            ObjectNode node = pairs.addObject().put("operation", pair.operationId()).put("status", pair.status())
                    .put("gated", pair.gated());
            ObjectNode byTarget = node.putObject("exercised");
            countsByTarget.keySet().forEach(t -> byTarget.put(t, count(t, pair)));
            Pending.find(pair.operationId(), pair.status())
                    .ifPresent(e -> node.put("pending", e.issue() + ": " + e.reason()));
        }
        root.putPOJO("gateFailures", gateFailures());
        return root;
    }

    private String note(CoveragePair pair) {
        Optional<Pending.Entry> pending = Pending.find(pair.operationId(), pair.status());
        if (pending.isPresent()) {
            return "pending on the service: " + pending.get().issue() + " (" + pending.get().reason() + ")";
        }
        return pair.gated() ? "" : "5xx: reported, not gated";
    }

    private static Map<String, Long> toMap(JsonNode node) {
        Map<String, Long> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asLong()));
        return map;
    }
}
