package com.clinikapi.mock.validation;

import java.util.ArrayList;
import java.util.List;

/** The response violations found since it was last drained; thread-safe. */
public final class ConformanceLog {

    private final List<ResponseViolation> violations = new ArrayList<>();

    synchronized void record(ResponseViolation violation) {
        violations.add(violation);
    }

    /** Every violation recorded so far, forgetting them. */
    public synchronized List<ResponseViolation> drain() {
        List<ResponseViolation> drained = List.copyOf(violations);
        violations.clear();
        return drained;
    }
}
