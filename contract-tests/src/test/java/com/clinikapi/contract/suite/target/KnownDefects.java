package com.clinikapi.contract.suite.target;

import org.junit.jupiter.api.Assumptions;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one explicit list of contract breaches this suite found in a target and reported to the module
 * that owns it, open until that module fixes them. On an affected target, the example test that
 * proves the breach is aborted (reported as skipped, with this text), and generators leave out the
 * inputs that trigger it, saying so once per run. Nothing else is excused. Delete an entry when its
 * fix lands: the tests then run again and hold the fix.
 */
public enum KnownDefects {

    ERROR_BEFORE_ROUTING_IGNORES_ACCEPT(Set.of("mock"), "mock (issue 3)",
            "GET /v1/appointments/%ZZ or /v1/appointments/%00 (a path Jetty refuses before the mock sees its headers) "
                    + "with Accept: application/fhir+json",
            "400 INVALID_PARAMETER in application/fhir+json, as every other error is answered to that Accept",
            "400 INVALID_PARAMETER in application/json; the central check lets exactly this problem pass while the entry is open");

    private static final Set<KnownDefects> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private final Set<String> targets;
    private final String owner;
    private final String request;
    private final String expected;
    private final String got;

    KnownDefects(Set<String> targets, String owner, String request, String expected, String got) {
        this.targets = targets;
        this.owner = owner;
        this.request = request;
        this.expected = expected;
        this.got = got;
    }

    /**
     * Whether this defect is open on the target the suite runs against. {@code -Dcontract.knownDefects=ignore}
     * treats every entry as fixed: the run then shows which ones still fail (for the owners, and before
     * deleting an entry).
     */
    public boolean openHere() {
        if ("ignore".equals(System.getProperty("contract.knownDefects"))) {
            return false;
        }
        return Targets.namesUnderTest().stream().anyMatch(targets::contains);
    }

    /** Aborts the calling test on an affected target, with the defect as the reason. */
    public void skipIfOpen() {
        Assumptions.assumeFalse(openHere(), this::describe);
    }

    /**
     * For generators: whether to leave out the inputs that trigger this defect here. Says so once per
     * run, so the narrowing is visible in the output.
     */
    public boolean excludeInputs() {
        boolean open = openHere();
        if (open && ANNOUNCED.add(this)) {
            System.out.println("[contract] " + Targets.currentName().orElse("?") + ": generators leave out inputs of known defect "
                    + describe());
        }
        return open;
    }

    public String describe() {
        return name() + " in " + owner + " on " + targets + ": " + request + " should answer " + expected + ", got " + got;
    }

    /**
     * For the central response check: whether an open defect excuses this one problem of an answer.
     * Only {@link #ERROR_BEFORE_ROUTING_IGNORES_ACCEPT} excuses anything, and only its own media-type
     * problem on a 400 to an undecodable path (a query that does not decode is answered as it should).
     */
    public static boolean excuses(String requestPath, int status, String problem) {
        return status == 400
                && undecodablePath(requestPath)
                && problem.startsWith("Content-Type application/json ignores Accept application/fhir+json")
                && ERROR_BEFORE_ROUTING_IGNORES_ACCEPT.excludeInputs();
    }

    /** Whether the path of a request (its query aside) has an escape that does not decode, or an encoded NUL. */
    public static boolean undecodablePath(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        return path.matches("(?i).*(%(?![0-9A-F]{2})|%00).*");
    }

    /** Every open defect, for the coverage report. */
    public static String report() {
        StringBuilder text = new StringBuilder();
        Arrays.stream(values()).forEach(d -> text.append("- ").append(d.describe()).append('\n'));
        return text.toString();
    }
}
