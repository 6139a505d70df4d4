package com.clinikapi.contract.suite.coverage;

/** One documented (operation, status) pair of the spec. */
public record CoveragePair(String operationId, int status) implements Comparable<CoveragePair> {

    public static String key(String operationId, int status) {
        return operationId + " " + status;
    }

    public String key() {
        return key(operationId, status);
    }

    /** The 2xx and 4xx pairs are gated; 5xx (a forced 500, a 503 health) are reported only. */
    public boolean gated() {
        return status >= 200 && status < 500 && !(status >= 300 && status < 400);
    }

    @Override
    public int compareTo(CoveragePair other) {
        int byOperation = operationId.compareTo(other.operationId);
        return byOperation != 0 ? byOperation : Integer.compare(status, other.status);
    }
}
