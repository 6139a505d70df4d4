package com.clinikapi.mock.admin;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.mock.MockRuntime;
import com.clinikapi.mock.auth.ApiKeyCheck;
import com.clinikapi.mock.auth.ReservedKeys;
import com.clinikapi.mock.seed.SeedRequest;
import com.clinikapi.mock.conformance.ConformanceOverview;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.function.Supplier;

/**
 * The mock's admin endpoints, under WireMock's {@code /__admin}:
 * <ul>
 *   <li>{@code POST /__admin/clinikapi/reset} — forget everything, or only one key's state with
 *       {@code {"apiKey": "clk_test_…"}};</li>
 *   <li>{@code GET|POST|DELETE /__admin/clinikapi/scenarios} — list, add
 *       ({@code {"prefer": "code=503", "apiKey": …, "times": 2}}) or clear run-wide scenarios;</li>
 *   <li>{@code GET /__admin/clinikapi/reserved-keys} — the reserved keys and what they do;</li>
 *   <li>{@code GET /__admin/clinikapi/sandboxes} — how many sandboxes are held, and their limits;</li>
 *   <li>{@code POST /__admin/clinikapi/seed} — replace one key's appointments with synthetic ones,
 *       {@code {"apiKey": "clk_test_…", "seed": 42}}, as that key's {@code POST /__sandbox/seed} does.</li>
 *   <li>{@code GET /__admin/clinikapi/conformance} — every sandbox's conformance summary, by the
 *       key's journal fingerprint, and the whole report of requests without a usable key.</li>
 * </ul>
 */
public final class MockAdminApi implements AdminApiExtension {

    public static final String RESET = "/clinikapi/reset";
    public static final String SCENARIOS = "/clinikapi/scenarios";
    public static final String RESERVED_KEYS = "/clinikapi/reserved-keys";
    public static final String SANDBOXES = "/clinikapi/sandboxes";
    public static final String SEED = "/clinikapi/seed";
    public static final String CONFORMANCE = "/clinikapi/conformance";

    private final Supplier<MockRuntime> runtime;

    public MockAdminApi(Supplier<MockRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(RequestMethod.POST, RESET, (admin, event, params) -> reset(event));
        router.add(RequestMethod.GET, SCENARIOS, (admin, event, params) -> AdminAnswers.json(200, runtime.get().scenarios().list()));
        router.add(RequestMethod.POST, SCENARIOS, (admin, event, params) -> addScenario(event));
        router.add(RequestMethod.DELETE, SCENARIOS, (admin, event, params) -> {
            runtime.get().scenarios().clear();
            return AdminAnswers.json(200, AdminAnswers.object().put("cleared", true));
        });
        router.add(RequestMethod.GET, RESERVED_KEYS, (admin, event, params) -> AdminAnswers.json(200, ReservedKeys.describe()));
        router.add(RequestMethod.GET, SANDBOXES, (admin, event, params) -> sandboxes());
        router.add(RequestMethod.POST, SEED, (admin, event, params) -> seed(event));
        router.add(RequestMethod.GET, CONFORMANCE, (admin, event, params) -> AdminAnswers.json(200,
                ConformanceOverview.of(runtime.get().conformanceRecorder())));
    }

    @Override
    public String getName() {
        return "clinikapi-admin";
    }

    private ResponseDefinition reset(ServeEvent event) {
        JsonNode body = AdminAnswers.body(event);
        if (body == null) {
            return AdminAnswers.json(400, AdminAnswers.problem("the body must be empty or a JSON object"));
        }
        String apiKey = body.path("apiKey").asText(null);
        if (apiKey == null) {
            runtime.get().reset();
        } else {
            runtime.get().reset(apiKey);
        }
        return AdminAnswers.json(200, AdminAnswers.object().put("reset", apiKey == null ? "all" : "key"));
    }

    private ResponseDefinition sandboxes() {
        MockRuntime mock = runtime.get();
        return AdminAnswers.json(200, AdminAnswers.object()
                .put("sandboxes", mock.sandboxes().count())
                .put("idleSeconds", mock.sandboxLimits().idleTime().toSeconds())
                .put("maxAppointments", mock.sandboxLimits().maxAppointments()));
    }

    private ResponseDefinition seed(ServeEvent event) {
        JsonNode body = AdminAnswers.body(event);
        String apiKey = body == null ? null : body.path("apiKey").asText(null);
        try {
            new ApiKeyCheck().authenticate(apiKey);
        } catch (ApiException e) {
            return AdminAnswers.json(400, AdminAnswers.problem(
                    "apiKey: must be a usable clk_test_ or clk_live_ key, e.g. {\"apiKey\": \"clk_test_mycompany_dev1\", \"seed\": 42}"));
        }
        try {
            SeedRequest request = SeedRequest.from(body, "apiKey");
            return AdminAnswers.json(200, runtime.get().seeder().seed(apiKey, request).toJson());
        } catch (ApiException e) {
            return AdminAnswers.json(e.code().httpStatus() == 409 ? 409 : 400, AdminAnswers.problem(e.issues().isEmpty()
                    ? e.code().summary() : e.issues().get(0).diagnostics()));
        }
    }

    private ResponseDefinition addScenario(ServeEvent event) {
        JsonNode body = AdminAnswers.body(event);
        String apiKey = body == null ? null : body.path("apiKey").asText(null);
        return AdminAnswers.addScenario(body, (prefer, times) -> runtime.get().scenarios().add(prefer, apiKey, times),
                entry -> entry);
    }
}
