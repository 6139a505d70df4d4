package com.clinikapi.mock.conformance;

import com.clinikapi.mock.spec.ApiContract;
import com.clinikapi.mock.spec.ContractOperation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each operation's answers are counted: the API's operations (those that take a key; not
 * {@code /health}), each with one counter per documented status, one for connection faults and one
 * for any other status. Built once from the contract, so counting an answer is an index lookup.
 */
final class CoverageLayout {

    static final int NOT_AN_OPERATION = -1;

    private final List<ContractOperation> operations;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final int[][] documented;

    CoverageLayout(ApiContract contract) {
        this.operations = contract.operations().stream().filter(ContractOperation::requiresApiKey).toList();
        this.documented = new int[operations.size()][];
        for (int i = 0; i < operations.size(); i++) {
            indexById.put(operations.get(i).operationId(), i);
            documented[i] = operations.get(i).responses().keySet().stream().mapToInt(Integer::intValue).toArray();
        }
    }

    int size() {
        return operations.size();
    }

    ContractOperation operation(int index) {
        return operations.get(index);
    }

    /** The operation's index, or {@link #NOT_AN_OPERATION} for null and for operations outside the API. */
    int indexOf(ContractOperation operation) {
        if (operation == null) {
            return NOT_AN_OPERATION;
        }
        Integer index = indexById.get(operation.operationId());
        return index == null ? NOT_AN_OPERATION : index;
    }

    /** Counters one operation needs: its documented statuses, then faults, then any other status. */
    int slots(int operation) {
        return documented[operation].length + 2;
    }

    int faultSlot(int operation) {
        return documented[operation].length;
    }

    int undocumentedSlot(int operation) {
        return documented[operation].length + 1;
    }

    /** The counter of an answer with this status ({@link Verdict#NO_STATUS}: a fault). */
    int slotOf(int operation, int status) {
        if (status == Verdict.NO_STATUS) {
            return faultSlot(operation);
        }
        int[] statuses = documented[operation];
        for (int i = 0; i < statuses.length; i++) {
            if (statuses[i] == status) {
                return i;
            }
        }
        return undocumentedSlot(operation);
    }

    int[] documented(int operation) {
        return documented[operation];
    }
}
