package com.clinikapi.mock.scenario;

import com.clinikapi.mock.spec.ContractOperation;

import java.util.stream.Collectors;

/**
 * Decides which scenario applies to a request: its own {@code Prefer} header, else a run-wide
 * scenario. A scenario may only ask for what the spec documents for the operation — a status it
 * documents, an example it has — so the mock never answers something the spec does not define.
 */
public final class ScenarioSelector {

    private final RunScenarios runScenarios;

    public ScenarioSelector(RunScenarios runScenarios) {
        this.runScenarios = runScenarios;
    }

    /**
     * @throws com.clinikapi.contract.error.ApiException {@code INVALID_PARAMETER} for a
     *                                                   {@code Prefer} header the operation cannot honour
     */
    public Scenario select(String preferHeader, String apiKey, ContractOperation operation) {
        Scenario requested = PreferHeader.parse(preferHeader);
        if (!requested.isEmpty()) {
            if (isApplicable(operation, requested)) {
                return requested;
            }
            if (operation.documents(400)) {
                throw PreferHeader.invalid(requested.status() != null && !operation.documents(requested.status())
                        ? "code must be one of " + documentedStatuses(operation) + " for this operation"
                        : "example must name an example this operation documents for that status");
            }
            return Scenario.NONE;
        }
        return runScenarios.next(apiKey, operation.operationId(), scenario -> isApplicable(operation, scenario)).orElse(Scenario.NONE);
    }

    /** The statuses a {@code code=} may ask for, in order: the spec's, so the wording never echoes the request. */
    private static String documentedStatuses(ContractOperation operation) {
        return operation.responses().keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static boolean isApplicable(ContractOperation operation, Scenario scenario) {
        if (scenario.status() != null && !operation.documents(scenario.status())) {
            return false;
        }
        if (scenario.example() == null) {
            return true;
        }
        int status = scenario.status() != null ? scenario.status() : operation.successStatus();
        return operation.response(status).flatMap(response -> response.namedExample(scenario.example())).isPresent();
    }
}
