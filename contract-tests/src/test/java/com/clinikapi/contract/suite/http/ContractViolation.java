package com.clinikapi.contract.suite.http;

import java.util.List;

/**
 * A response that breaks the contract whatever the test expected: undocumented status, field or media
 * type, a missing header, a 5xx, a dropped connection, an echoed value. Thrown by the central client,
 * so every test fails on it. The message names operation, status and path.
 */
public class ContractViolation extends AssertionError {

    private final List<String> problems;

    public ContractViolation(String where, List<String> problems) {
        super(where + " breaks the contract:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
