package com.clinikapi.contract.suite.http;

import java.util.Optional;

/**
 * One request and its answer as the central client saw it, before any test looked at it. Recorders
 * (coverage, the differential log) receive every exchange.
 *
 * @param operationId the spec operation the request hit, empty for an undeclared method or path
 * @param conforming  whether the answer kept the contract; a breaching answer covers nothing
 */
public record Exchange(String target, Optional<String> operationId, String method, String path, ApiResponse response,
                       boolean conforming) {
}
