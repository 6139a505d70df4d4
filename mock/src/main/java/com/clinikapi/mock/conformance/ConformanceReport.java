package com.clinikapi.mock.conformance;

import com.clinikapi.contract.error.ValidationIssue;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one sandbox's requests show about the partner's integration, at one moment: the contract
 * breaks ({@link ContractBreaks}) it made, each counted, and which operations it called and which of
 * their documented statuses it was answered. Immutable; two reports of one key {@link #merge}.
 *
 * <p>Its JSON ({@link #toJson()}) is a stable shape, documented in the mock's README:
 * {@code {"summary": {…}, "findings": [{"operation", "method", "path", "status", "code", "issues":
 * [{"field", "constraint"}], "count", "first": {"requestId", "at"}, "last": {…}}], "coverage":
 * [{"operation", "method", "path", "calls", "answered": {"201": 8}, "neverAnswered": [409, …],
 * "faults", "undocumented"}]}}.
 *
 * @param contractBreaks  requests that broke the contract, those of findings not kept included
 * @param findingsNotKept breaks whose kind was new once the sandbox held as many kinds as it may
 * @param unrouted        requests for a method and path no operation has
 */
public record ConformanceReport(List<FindingCount> findings, long contractBreaks, long findingsNotKept, long unrouted,
                                List<OperationCoverage> coverage) {

    public ConformanceReport {
        findings = List.copyOf(findings);
        coverage = List.copyOf(coverage);
    }

    /** One kind of break, how often it happened, and its first and last request. */
    public record FindingCount(Finding finding, long count, Sighting first, Sighting last) {

        FindingCount merge(FindingCount other) {
            return new FindingCount(finding, count + other.count,
                    first.at().isAfter(other.first.at()) ? other.first : first,
                    last.at().isBefore(other.last.at()) ? other.last : last);
        }
    }

    /** A request, by the id it was answered with ({@code X-Request-Id}), and when it came. */
    public record Sighting(String requestId, OffsetDateTime at) {
    }

    /**
     * One operation's use.
     *
     * @param answered   documented status → how many answers had it
     * @param documented every status the spec documents for the operation
     * @param faults     connections a scenario broke instead of answering
     * @param undocumented answers with a status the operation does not document
     */
    public record OperationCoverage(String operation, String method, String path, SortedMap<Integer, Long> answered,
                                    List<Integer> documented, long faults, long undocumented) {

        public OperationCoverage {
            answered = new TreeMap<>(answered);
            documented = List.copyOf(documented);
        }

        public long calls() {
            return answered.values().stream().mapToLong(Long::longValue).sum() + faults + undocumented;
        }

        /** The documented statuses no answer had: the cases the integration has not met. */
        public List<Integer> neverAnswered() {
            return documented.stream().filter(status -> !answered.containsKey(status)).toList();
        }

        OperationCoverage merge(OperationCoverage other) {
            SortedMap<Integer, Long> sum = new TreeMap<>(answered);
            other.answered.forEach((status, count) -> sum.merge(status, count, Long::sum));
            return new OperationCoverage(operation, method, path, sum, documented, faults + other.faults,
                    undocumented + other.undocumented);
        }
    }

    public long requests() {
        return coverage.stream().mapToLong(OperationCoverage::calls).sum() + unrouted;
    }

    public boolean isEmpty() {
        return requests() == 0 && contractBreaks == 0;
    }

    /** The two reports of one sandbox as one: counts add, the earliest first and latest last sighting stay. */
    public ConformanceReport merge(ConformanceReport other) {
        Map<Finding, FindingCount> kinds = new LinkedHashMap<>();
        for (FindingCount count : findings) {
            kinds.put(count.finding(), count);
        }
        for (FindingCount count : other.findings) {
            kinds.merge(count.finding(), count, FindingCount::merge);
        }
        Map<String, OperationCoverage> operations = new LinkedHashMap<>();
        for (OperationCoverage use : coverage) {
            operations.put(use.operation(), use);
        }
        for (OperationCoverage use : other.coverage) {
            operations.merge(use.operation(), use, OperationCoverage::merge);
        }
        List<FindingCount> merged = kinds.values().stream()
                .sorted(Comparator.comparing((FindingCount count) -> count.first().at())).toList();
        return new ConformanceReport(merged, contractBreaks + other.contractBreaks,
                findingsNotKept + other.findingsNotKept, unrouted + other.unrouted, List.copyOf(operations.values()));
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("summary", summary());
        ArrayNode kinds = json.putArray("findings");
        findings.forEach(count -> kinds.add(toJson(count)));
        ArrayNode operations = json.putArray("coverage");
        coverage.forEach(use -> operations.add(toJson(use)));
        return json;
    }

    private ObjectNode summary() {
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("requests", requests());
        summary.put("contractBreaks", contractBreaks);
        summary.put("distinctFindings", findings.size());
        summary.put("findingsNotKept", findingsNotKept);
        summary.put("unroutedRequests", unrouted);
        summary.put("operations", coverage.size());
        summary.put("operationsCalled", coverage.stream().filter(use -> use.calls() > 0).count());
        summary.put("documentedStatuses", coverage.stream().mapToLong(use -> use.documented().size()).sum());
        summary.put("documentedStatusesAnswered",
                coverage.stream().mapToLong(use -> use.documented().size() - use.neverAnswered().size()).sum());
        return summary;
    }

    private static ObjectNode toJson(FindingCount count) {
        Finding finding = count.finding();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("operation", finding.operation());
        json.put("method", finding.method());
        json.put("path", finding.path());
        json.put("status", finding.status());
        json.put("code", finding.code());
        ArrayNode issues = json.putArray("issues");
        for (ValidationIssue issue : finding.issues()) {
            issues.addObject().put("field", issue.field()).put("constraint", issue.constraint());
        }
        json.put("count", count.count());
        json.set("first", toJson(count.first()));
        json.set("last", toJson(count.last()));
        return json;
    }

    private static ObjectNode toJson(Sighting sighting) {
        return JsonNodeFactory.instance.objectNode()
                .put("requestId", sighting.requestId())
                .put("at", sighting.at().toString());
    }

    private static ObjectNode toJson(OperationCoverage use) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("operation", use.operation());
        json.put("method", use.method());
        json.put("path", use.path());
        json.put("calls", use.calls());
        ObjectNode answered = json.putObject("answered");
        use.answered().forEach((status, count) -> answered.put(Integer.toString(status), count));
        ArrayNode never = json.putArray("neverAnswered");
        use.neverAnswered().forEach(never::add);
        json.put("faults", use.faults());
        json.put("undocumented", use.undocumented());
        return json;
    }

    /** The reports of many sandboxes as one, e.g. a whole test run's: coverage and counts over all of them. */
    public static ConformanceReport combined(List<ConformanceReport> reports, List<OperationCoverage> noCalls) {
        ConformanceReport all = new ConformanceReport(List.of(), 0, 0, 0, noCalls);
        for (ConformanceReport report : reports) {
            all = all.merge(report);
        }
        return all;
    }

    /** Operations by id, for tests and callers that look one up. */
    public Map<String, OperationCoverage> coverageByOperation() {
        return coverage.stream().collect(Collectors.toMap(OperationCoverage::operation, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }
}
