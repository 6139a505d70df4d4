package com.clinikapi.contract.suite.differential;

import com.clinikapi.contract.suite.appointments.Appointments;
import com.clinikapi.contract.suite.http.ApiCall;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.http.ExchangeRecorder;
import com.clinikapi.contract.suite.target.ContractTarget;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One target's side of a differential sequence: resolves the symbolic parts of each step (the
 * sequence's patient, the appointments it created, the last cursor, the role's key) against this
 * target, sends it through the contract-checked client, and keeps the normalised answers.
 */
final class SequenceRun {

    private final ContractClient api;
    private final ContractTarget target;
    private final String patient;
    private final String unknownId;
    private final List<String> created = new ArrayList<>();
    private final List<String> aliases = new ArrayList<>();
    private Map<String, String> lastSearch = Map.of();
    private String lastCursor;

    SequenceRun(ContractTarget target, String patient, String unknownId) {
        this.target = target;
        this.api = new ContractClient(target, ExchangeRecorder.NONE);
        this.patient = patient;
        this.unknownId = unknownId;
    }

    /** Runs the step and answers its normalised response. */
    JsonNode run(Step step) {
        ApiCall call = api.call(step.method(), path(step));
        Map<String, String> query = query(step);
        call.queries(query);
        step.key().ifPresentOrElse(role -> call.key(target.requireKey(role)),
                () -> step.rawKey().ifPresentOrElse(call::key, call::withoutKey));
        call.accept(step.accept());
        if (step.body() != null) {
            call.body(new String(step.body(), StandardCharsets.UTF_8).replace(DifferentialSteps.PATIENT, patient)
                    .getBytes(StandardCharsets.UTF_8));
            call.contentType(step.contentType());
        }
        ApiResponse response = call.send();
        remember(step, query, response);
        JsonNode normalized = Normalized.of(response, aliases);
        if (isSearch(step) && response.status() == 200) {
            Normalized.orderTies(normalized, query.getOrDefault("sort", "start"));
        }
        return normalized;
    }

    private static boolean isSearch(Step step) {
        return step.method().equals("GET") && step.path().equals(Appointments.COLLECTION);
    }

    private String path(Step step) {
        String id = created.isEmpty() ? unknownId : created.get(Math.floorMod(step.ref(), created.size()));
        return step.path().replace(Step.REF, id).replace(Step.UNKNOWN, unknownId);
    }

    private Map<String, String> query(Step step) {
        if (step.query().containsValue(Step.CURSOR)) {
            Map<String, String> next = new LinkedHashMap<>(lastSearch.isEmpty() ? Map.of("patientId", patient) : lastSearch);
            if (lastCursor != null) {
                next.put("cursor", lastCursor);
            }
            return next;
        }
        Map<String, String> query = new LinkedHashMap<>();
        step.query().forEach((k, v) -> query.put(k, v.replace(DifferentialSteps.PATIENT, patient)));
        return query;
    }

    private void remember(Step step, Map<String, String> query, ApiResponse response) {
        if (step.method().equals("POST") && response.status() == 201) {
            created.add(response.id());
        }
        if (isSearch(step) && response.status() == 200) {
            Map<String, String> filters = new LinkedHashMap<>(query);
            filters.remove("cursor");
            lastSearch = filters;
            JsonNode cursor = response.data().path("cursor");
            lastCursor = cursor.isTextual() ? cursor.asText() : null;
        }
    }
}
