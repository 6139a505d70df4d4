package com.clinikapi.mock.spec;

import java.util.Map;

/**
 * A request recognised as one of the spec's operations.
 *
 * @param pathParameters the path parameters, still percent-encoded as sent
 */
public record OperationMatch(ContractOperation operation, Map<String, String> pathParameters) {

    public OperationMatch {
        pathParameters = Map.copyOf(pathParameters);
    }
}
