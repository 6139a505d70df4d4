package com.clinikapi.mock.sandbox;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.mock.MockRuntime;
import com.clinikapi.mock.admin.AdminAnswers;
import com.clinikapi.mock.auth.ApiKeyCheck;
import com.clinikapi.mock.journal.JournalRedaction;
import com.clinikapi.mock.scenario.RunScenarios;
import com.clinikapi.mock.seed.SeedEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.FindRequestsResult;

import java.util.Map;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

/**
 * A partner's management of its own sandbox, authenticated by its own key ({@code x-api-key}), so
 * that on a shared mock nobody needs the admin token for their own tests and nobody can touch
 * another's sandbox:
 * <ul>
 *   <li>{@code POST /__sandbox/reset} — forget this key's appointments, idempotency results,
 *       scenarios and rate window;</li>
 *   <li>{@code GET|POST|DELETE /__sandbox/scenarios} — list, add ({@code {"prefer": "code=503",
 *       "times": 2}}) or clear scenarios for this key's requests;</li>
 *   <li>{@code GET /__sandbox/requests} — this key's requests in the journal, as the journal keeps
 *       them (WireMock's {@code /__admin/requests} shape);</li>
 *   <li>{@code POST /__sandbox/seed} — replace this key's appointments with synthetic ones
 *       ({@code {"seed": 42}}; see {@link SeedEndpoint}).</li>
 *   <li>{@code GET|DELETE /__sandbox/conformance} — this key's conformance report (its contract
 *       breaks and the operations and statuses it met), or forget it.</li>
 * </ul>
 * A missing or refused key is answered as the API answers it (401 in its error format).
 */
public final class SandboxEndpoints {

    public static final String PREFIX = "/__sandbox/";
    private static final String RESET = PREFIX + "reset";
    private static final String SCENARIOS = PREFIX + "scenarios";
    private static final String REQUESTS = PREFIX + "requests";
    private static final String SEED = PREFIX + "seed";
    private static final String CONFORMANCE = PREFIX + "conformance";

    private final Supplier<MockRuntime> runtime;
    private final Supplier<Admin> admin;
    private final ApiKeyCheck keyCheck = new ApiKeyCheck();
    private final SeedEndpoint seed;

    public SandboxEndpoints(Supplier<MockRuntime> runtime, Supplier<Admin> admin) {
        this.runtime = runtime;
        this.admin = admin;
        this.seed = new SeedEndpoint(runtime);
    }

    public boolean serves(Request request) {
        return request.getUrl().startsWith(PREFIX);
    }

    public ResponseDefinition answer(Request request) {
        String apiKey = request.getHeader(ApiHeaders.API_KEY);
        try {
            keyCheck.authenticate(apiKey);
        } catch (ApiException e) {
            return runtime.get().pipeline().refuse(request.getHeader("Accept"), e);
        }
        String url = request.getUrl();
        String path = url.indexOf('?') < 0 ? url : url.substring(0, url.indexOf('?'));
        return switch (request.getMethod().getName() + " " + path) {
            case "POST " + RESET -> reset(apiKey);
            case "GET " + SCENARIOS -> AdminAnswers.json(200, scenariosOf(apiKey));
            case "POST " + SCENARIOS -> addScenario(apiKey, request);
            case "DELETE " + SCENARIOS -> {
                runtime.get().scenarios().clear(apiKey);
                yield AdminAnswers.json(200, AdminAnswers.object().put("cleared", true));
            }
            case "GET " + REQUESTS -> requestsOf(apiKey);
            case "POST " + SEED -> seed.answer(apiKey, request);
            case "GET " + CONFORMANCE -> AdminAnswers.json(200, runtime.get().conformanceRecorder().report(apiKey).toJson());
            case "DELETE " + CONFORMANCE -> {
                runtime.get().conformanceRecorder().discard(apiKey);
                yield AdminAnswers.json(200, AdminAnswers.object().put("cleared", true));
            }
            default -> AdminAnswers.json(404, AdminAnswers.problem(
                    "no such sandbox endpoint; there are POST /__sandbox/reset, GET|POST|DELETE /__sandbox/scenarios"
                            + ", GET /__sandbox/requests, POST /__sandbox/seed and GET|DELETE /__sandbox/conformance"));
        };
    }

    private ResponseDefinition reset(String apiKey) {
        runtime.get().reset(apiKey);
        return AdminAnswers.json(200, AdminAnswers.object().put("reset", "sandbox"));
    }

    /** The key's own scenarios, without the key. */
    private Object scenariosOf(String apiKey) {
        return runtime.get().scenarios().list().stream()
                .filter(entry -> apiKey.equals(entry.apiKey()))
                .map(SandboxEndpoints::view)
                .toList();
    }

    private ResponseDefinition addScenario(String apiKey, Request request) {
        // Always this key's, whatever the body says: a partner's scenario never reaches another sandbox.
        return AdminAnswers.addScenario(AdminAnswers.body(request.getBodyAsString()),
                (prefer, times) -> runtime.get().scenarios().add(prefer, apiKey, times), SandboxEndpoints::view);
    }

    private static Map<String, Object> view(RunScenarios.Entry entry) {
        return entry.times() == null
                ? Map.of("id", entry.id(), "prefer", entry.prefer())
                : Map.of("id", entry.id(), "prefer", entry.prefer(), "times", entry.times());
    }

    private ResponseDefinition requestsOf(String apiKey) {
        FindRequestsResult found = admin.get().findRequestsMatching(RequestPatternBuilder.allRequests()
                .withHeader(ApiHeaders.API_KEY, equalTo(JournalRedaction.journalKey(apiKey))).build());
        if (found.requestJournalIsDisabled()) {
            return AdminAnswers.json(409, AdminAnswers.problem("the mock keeps no request journal (--journal-size 0)"));
        }
        return new ResponseDefinitionBuilder()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(Json.write(found))
                .build();
    }
}
