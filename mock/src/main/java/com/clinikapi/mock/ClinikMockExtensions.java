package com.clinikapi.mock;

import com.clinikapi.contract.ApiSpec;
import com.clinikapi.mock.admin.MockAdminApi;
import com.clinikapi.mock.admin.WireMockResetListener;
import com.clinikapi.mock.sandbox.IdleSandboxSweep;
import com.clinikapi.mock.sandbox.SandboxEndpoints;
import com.clinikapi.mock.stub.ConformingStubs;
import com.clinikapi.mock.stub.PartnerStubs;
import com.clinikapi.mock.validation.ConformanceLog;
import com.clinikapi.mock.validation.ResponseConformance;
import com.clinikapi.mock.web.ApiRequestFilter;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Everything that turns a WireMock server into the ClinikAPI mock, wired in one place: the request
 * filter that answers the API (unless a partner's stub matches), the check that refuses partners'
 * stubs that break the spec, the admin endpoints (reset, scenarios, reserved keys), the listener
 * that clears state on WireMock's own reset, the sweep that forgets idle sandboxes, and optionally the response conformance check. Used by
 * the runnable jar, by {@link com.clinikapi.mock.junit.ClinikMockExtension}, and by stock WireMock
 * through {@code META-INF/services} (with extension scanning on).
 */
public final class ClinikMockExtensions implements ExtensionFactory {

    private final MockSettings settings;
    private final Supplier<String> specText;
    private final ConformanceLog conformance = new ConformanceLog();
    private volatile CompletableFuture<MockRuntime> runtime;

    /** Default settings; the constructor stock WireMock uses. */
    public ClinikMockExtensions() {
        this(MockSettings.defaults());
    }

    public ClinikMockExtensions(MockSettings settings) {
        this(settings, ApiSpec::text);
    }

    /** A mock of another spec than the packaged one: how tests show the mock follows its spec. */
    ClinikMockExtensions(MockSettings settings, Supplier<String> specText) {
        this.settings = settings;
        this.specText = specText;
    }

    @Override
    public List<Extension> create(WireMockServices services) {
        runtime = MockRuntime.startInBackground(settings, conformance, specText);
        List<Extension> extensions = new ArrayList<>();
        PartnerStubs partnerStubs = new PartnerStubs(services.getStores().getStubStore(),
                services.getStores().getScenariosStore(),
                () -> services.getExtensions().ofType(RequestMatcherExtension.class));
        extensions.add(new ApiRequestFilter(() -> runtime().pipeline(), partnerStubs,
                new SandboxEndpoints(this::runtime, services::getAdmin)));
        extensions.add(new ConformingStubs(this::runtime, settings.serveNonconformingStubs()));
        extensions.add(new MockAdminApi(this::runtime));
        extensions.add(new WireMockResetListener(this::runtime));
        extensions.add(new IdleSandboxSweep(() -> runtime().sandboxes(), settings.sandboxLimits().idleTime()));
        if (settings.validateResponses()) {
            extensions.add(new ResponseConformance(() -> runtime().contract(), () -> runtime().validator(), conformance));
        }
        return extensions;
    }

    /**
     * The state of the server these extensions were last created for, once built.
     *
     * @throws IllegalStateException if the mock cannot start, e.g. because it serves an operation
     *                               the spec does not define
     */
    public MockRuntime runtime() {
        CompletableFuture<MockRuntime> current = runtime;
        if (current == null) {
            throw new IllegalStateException("the mock has not started");
        }
        try {
            return current.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the mock cannot start: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
