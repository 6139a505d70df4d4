package com.clinikapi.mock.conformance;

import com.clinikapi.mock.journal.JournalRedaction;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Conformance across sandboxes, for whoever runs the mock (the admin API) and for a test run's file:
 * each key named by its journal fingerprint ({@link JournalRedaction#journalKey}), never by itself.
 */
public final class ConformanceOverview {

    private ConformanceOverview() {
    }

    /** {@code {"sandboxes": [{"key": "redacted:…", "summary": {…}}], "withoutKey": {…report…}}}. */
    public static ObjectNode of(ConformanceRecorder recorder) {
        ObjectNode overview = JsonNodeFactory.instance.objectNode();
        ArrayNode sandboxes = overview.putArray("sandboxes");
        recorder.reports().forEach((apiKey, report) -> sandboxes.addObject()
                .put("key", JournalRedaction.journalKey(apiKey))
                .set("summary", report.toJson().get("summary")));
        overview.set("withoutKey", recorder.withoutKey().toJson());
        return overview;
    }

    /**
     * A test run's report: a run-wide summary and coverage over every sandbox, then each sandbox's
     * report (named by fingerprint) and the report of requests without a usable key.
     */
    public static ObjectNode ofRun(String testClass, Map<String, ConformanceReport> byKey, ConformanceReport withoutKey,
                                   ConformanceReport empty) {
        ConformanceReport all = empty.merge(withoutKey);
        for (ConformanceReport report : byKey.values()) {
            all = all.merge(report);
        }
        ObjectNode run = JsonNodeFactory.instance.objectNode();
        run.put("testClass", testClass);
        ObjectNode whole = all.toJson();
        run.set("summary", whole.get("summary"));
        run.set("findings", whole.get("findings"));
        run.set("coverage", whole.get("coverage"));
        ArrayNode sandboxes = run.putArray("sandboxes");
        byKey.forEach((apiKey, report) -> {
            ObjectNode sandbox = sandboxes.addObject().put("key", JournalRedaction.journalKey(apiKey));
            sandbox.setAll(report.toJson());
        });
        run.set("withoutKey", withoutKey.toJson());
        return run;
    }
}
