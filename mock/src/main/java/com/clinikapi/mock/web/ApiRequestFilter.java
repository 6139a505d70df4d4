package com.clinikapi.mock.web;

import com.clinikapi.mock.stub.PartnerStubs;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.function.Supplier;

/**
 * The mock's entry point in WireMock: a request that a partner's stub matches goes on to WireMock's
 * stub matching and is answered by that stub ({@link PartnerStubs}); every other non-admin request
 * is answered by the {@link ApiPipeline} before stub matching. The mock itself needs no stubs, so
 * WireMock's own reset ({@code /__admin/reset}, which the JUnit extension runs between tests)
 * cannot remove it; every request still lands in WireMock's journal for verification.
 */
public final class ApiRequestFilter implements StubRequestFilterV2 {

    public static final String NAME = "clinikapi-api";

    private final Supplier<ApiPipeline> pipeline;
    private final PartnerStubs partnerStubs;

    /** @param pipeline the pipeline, possibly still being built when the server starts */
    public ApiRequestFilter(Supplier<ApiPipeline> pipeline, PartnerStubs partnerStubs) {
        this.pipeline = pipeline;
        this.partnerStubs = partnerStubs;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
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
