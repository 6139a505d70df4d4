package com.clinikapi.mock.seed;

import com.clinikapi.contract.ApiMediaTypes;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.mock.appointment.AppointmentOperations;
import com.clinikapi.mock.sandbox.IdleSandboxes;
import com.clinikapi.mock.spec.ApiContract;
import com.clinikapi.mock.spec.ContractOperation;
import com.clinikapi.mock.spec.OperationMatch;
import com.clinikapi.mock.validation.RequestValidation;
import com.clinikapi.mock.web.ApiCall;
import com.clinikapi.mock.web.OperationHandler;
import com.clinikapi.mock.web.UtcTimes;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Fills one key's sandbox with the synthetic appointments a seed plans ({@link SyntheticSchedule}),
 * replacing the appointments it held. Each appointment is made as a partner's request would make it:
 * the body is validated against the spec ({@link RequestValidation}), then the operation's own
 * handler applies the contract's rules (times, cancellation reasons, status transitions, no double
 * booking) and stores it within the sandbox's quota. Only the key check, rate window, scenarios and
 * idempotency of the request pipeline are left out: seeding is not a partner's API traffic.
 */
public final class SandboxSeeder {

    private static final String ID = "id";

    private final ContractOperation create;
    private final ContractOperation update;
    private final OperationHandler createHandler;
    private final OperationHandler updateHandler;
    private final RequestValidation validation;
    private final SeedSchema schema;
    private final IdleSandboxes sandboxes;
    private final Consumer<String> forgetAppointments;
    private final int maxAppointments;
    private final Clock clock;

    /**
     * @param handlers           the operations' handlers by {@code operationId}, as the pipeline serves them
     * @param forgetAppointments forgets one key's appointments and the idempotent answers that carried them
     * @param maxAppointments    how many appointments one sandbox may hold
     */
    public SandboxSeeder(ApiContract contract, Map<String, OperationHandler> handlers, RequestValidation validation,
                         IdleSandboxes sandboxes, Consumer<String> forgetAppointments, int maxAppointments, Clock clock) {
        this.create = contract.operation(AppointmentOperations.CREATE).orElseThrow();
        this.update = contract.operation(AppointmentOperations.UPDATE).orElseThrow();
        this.createHandler = handlers.get(AppointmentOperations.CREATE);
        this.updateHandler = handlers.get(AppointmentOperations.UPDATE);
        this.validation = validation;
        this.schema = SeedSchema.of(create);
        this.sandboxes = sandboxes;
        this.forgetAppointments = forgetAppointments;
        this.maxAppointments = maxAppointments;
        this.clock = clock;
    }

    /**
     * Replaces the sandbox's appointments with the seed's. One seed at a time (a seed takes a fraction
     * of a second), so two seeds of one key never interleave. A request the key makes while it is
     * seeded may refuse a seeded appointment; then the sandbox is left empty and that refusal is thrown.
     *
     * @throws ApiException {@code SANDBOX_FULL}, before anything changes, if the seed makes more
     *                      appointments than a sandbox may hold
     */
    public synchronized SeedSummary seed(String apiKey, SeedRequest request) {
        SeedPlan plan = SyntheticSchedule.plan(schema, request);
        int appointments = plan.summary().appointments();
        if (appointments > maxAppointments) {
            throw new ApiException(ErrorCode.SANDBOX_FULL, List.of(ValidationIssue.businessRule("appointments",
                    "this seed makes " + appointments + ", more than the " + maxAppointments
                            + " this sandbox may hold; seed fewer days")));
        }
        sandboxes.used(apiKey);
        forgetAppointments.accept(apiKey);
        try {
            apply(apiKey, plan.steps());
        } catch (RuntimeException e) {
            forgetAppointments.accept(apiKey);
            throw unexpectedRefusal(e);
        }
        return plan.summary();
    }

    private void apply(String apiKey, List<SeedStep> steps) {
        List<String> ids = new ArrayList<>(steps.size());
        for (SeedStep step : steps) {
            if (step instanceof SeedStep.Create made) {
                ids.add(perform(apiKey, create, createHandler, create.pathTemplate(), Map.of(), made.body()));
            } else if (step instanceof SeedStep.Update changed) {
                String id = ids.get(changed.create());
                perform(apiKey, update, updateHandler, update.pathTemplate().replace("{" + ID + "}", id), Map.of(ID, id),
                        changed.patch());
                ids.add(id);
            }
        }
    }

    /** The request as the pipeline serves it once the key, scenarios and parameters are through; answers the id. */
    private String perform(String apiKey, ContractOperation operation, OperationHandler handler, String path,
                           Map<String, String> pathParameters, ObjectNode body) {
        validation.validate(operation, path, Map.of(), mediaType(operation), body, body.toString());
        ApiCall call = new ApiCall(new OperationMatch(operation, pathParameters), apiKey, Map.of(), Map.of(), body,
                UtcTimes.now(clock));
        return handler.handle(call).payload().path(ID).asText();
    }

    /** JSON, as the operation accepts it: {@code application/json} where it can, else its merge-patch type. */
    private static String mediaType(ContractOperation operation) {
        return operation.requestMediaTypes().contains(ApiMediaTypes.JSON) ? ApiMediaTypes.JSON
                : operation.requestMediaTypes().stream().sorted().findFirst().orElse(ApiMediaTypes.JSON);
    }

    /**
     * A conflict (another request of the key took a seeded slot meanwhile, or filled the sandbox) is
     * the partner's to see; any other refusal means the mock planned an appointment the contract
     * refuses, its own fault, answered as such.
     */
    private static RuntimeException unexpectedRefusal(RuntimeException e) {
        if (e instanceof ApiException refused && refused.code().httpStatus() != 409) {
            String issues = refused.issues().stream().map(ValidationIssue::diagnostics).collect(Collectors.joining("; "));
            return new IllegalStateException("a seeded appointment was refused: " + refused.code() + " " + issues, e);
        }
        return e;
    }
}
