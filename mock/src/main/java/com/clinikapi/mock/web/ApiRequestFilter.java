package com.clinikapi.mock.web;

import com.clinikapi.mock.sandbox.SandboxEndpoints;
import com.clinikapi.mock.stub.PartnerStubs;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.function.Supplier;

/**
 * The mock's entry point in WireMock: a partner's management of its own sandbox
 * ({@code /__sandbox/…}) is answered by {@link SandboxEndpoints}; a request that a partner's stub matches goes on to WireMock's
 * stub matching and is answered by that stub ({@link PartnerStubs}); every other non-admin request
 * is answered by the {@link ApiPipeline} before stub matching. The mock itself needs no stubs, so
 * WireMock's own reset ({@code /__admin/reset}, which the JUnit extension runs between tests)
 * cannot remove it; every request still lands in WireMock's journal for verification.
 */
public final class ApiRequestFilter implements StubRequestFilterV2 {

    public static final String NAME = "clinikapi-api";

    private final Supplier<ApiPipeline> pipeline;
    private final PartnerStubs partnerStubs;
    private final SandboxEndpoints sandboxEndpoints;

    /** @param pipeline the pipeline, possibly still being built when the server starts */
    public ApiRequestFilter(Supplier<ApiPipeline> pipeline, PartnerStubs partnerStubs,
                            SandboxEndpoints sandboxEndpoints) {
        this.pipeline = pipeline;
        this.partnerStubs = partnerStubs;
        this.sandboxEndpoints = sandboxEndpoints;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        // The mock's own endpoints for partners; no stub can take them over.
        if (sandboxEndpoints.serves(request)) {
            return RequestFilterAction.stopWith(sandboxEndpoints.answer(request));
        }
        if (partnerStubs.answer(request)) {
            return RequestFilterAction.continueWith(request);
        }
        return RequestFilterAction.stopWith(pipeline.get().answer(request));
    }

    @Override
    public String getName() {
        return NAME;
    }
}
