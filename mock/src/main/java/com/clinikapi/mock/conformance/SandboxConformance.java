package com.clinikapi.mock.conformance;

import com.clinikapi.mock.spec.ContractOperation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One sandbox's record, updated by many serving threads without a lock: a counter per documented
 * status of each operation it called (allocated on its first call of that operation), and at most
 * {@code maxFindings} kinds of break, each counted; a new kind beyond that is only counted.
 */
final class SandboxConformance {

    private final CoverageLayout layout;
    private final int maxFindings;
    private final AtomicReferenceArray<AtomicLongArray> answers;
    private final AtomicLong unrouted = new AtomicLong();
    private final AtomicLong breaks = new AtomicLong();
    private final AtomicLong findingsNotKept = new AtomicLong();
    private final AtomicInteger kinds = new AtomicInteger();
    private final Map<Finding, Tally> findings = new ConcurrentHashMap<>();

    SandboxConformance(CoverageLayout layout, int maxFindings) {
        this.layout = layout;
        this.maxFindings = maxFindings;
        this.answers = new AtomicReferenceArray<>(layout.size());
    }

    void answered(int operation, int status) {
        AtomicLongArray counters = answers.get(operation);
        if (counters == null) {
            answers.compareAndSet(operation, null, new AtomicLongArray(layout.slots(operation)));
            counters = answers.get(operation);
        }
        counters.incrementAndGet(layout.slotOf(operation, status));
    }

    void unrouted() {
        unrouted.incrementAndGet();
    }

    void broke(Finding finding, String requestId, OffsetDateTime at) {
        breaks.incrementAndGet();
        Tally tally = findings.get(finding);
        if (tally == null) {
            if (kinds.getAndUpdate(n -> n < maxFindings ? n + 1 : n) >= maxFindings) {
                findingsNotKept.incrementAndGet();
                return;
            }
            Tally made = new Tally(new ConformanceReport.Sighting(requestId, at));
            tally = findings.putIfAbsent(finding, made);
            if (tally == null) {
                return;
            }
            kinds.decrementAndGet(); // another thread kept this kind first
        }
        tally.seen(new ConformanceReport.Sighting(requestId, at));
    }

    ConformanceReport snapshot() {
        List<ConformanceReport.FindingCount> counts = new ArrayList<>();
        findings.forEach((finding, tally) -> counts.add(tally.count(finding)));
        counts.sort(Comparator.comparing((ConformanceReport.FindingCount count) -> count.first().at()));
        return new ConformanceReport(counts, breaks.get(), findingsNotKept.get(), unrouted.get(), coverage(layout, answers));
    }

    /** Every operation of the API, called or not, in the contract's order. */
    static List<ConformanceReport.OperationCoverage> coverage(CoverageLayout layout,
                                                             AtomicReferenceArray<AtomicLongArray> answers) {
        List<ConformanceReport.OperationCoverage> coverage = new ArrayList<>();
        for (int op = 0; op < layout.size(); op++) {
            ContractOperation operation = layout.operation(op);
            int[] documented = layout.documented(op);
            AtomicLongArray counters = answers == null ? null : answers.get(op);
            SortedMap<Integer, Long> answered = new TreeMap<>();
            for (int slot = 0; counters != null && slot < documented.length; slot++) {
                if (counters.get(slot) > 0) {
                    answered.put(documented[slot], counters.get(slot));
                }
            }
            coverage.add(new ConformanceReport.OperationCoverage(operation.operationId(), operation.method(),
                    operation.pathTemplate(), answered, Arrays.stream(documented).boxed().toList(),
                    counters == null ? 0 : counters.get(layout.faultSlot(op)),
                    counters == null ? 0 : counters.get(layout.undocumentedSlot(op))));
        }
        return coverage;
    }

    /** One kind of break's count and its first and latest request. */
    private static final class Tally {

        private final ConformanceReport.Sighting first;
        private final AtomicLong count = new AtomicLong(1);
        private volatile ConformanceReport.Sighting last;

        Tally(ConformanceReport.Sighting first) {
            this.first = first;
            this.last = first;
        }

        void seen(ConformanceReport.Sighting sighting) {
            count.incrementAndGet();
            last = sighting;
        }

        ConformanceReport.FindingCount count(Finding finding) {
            return new ConformanceReport.FindingCount(finding, count.get(), first, last);
        }
    }
}
