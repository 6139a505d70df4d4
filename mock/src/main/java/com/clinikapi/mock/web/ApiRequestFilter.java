package com.clinikapi.mock.web;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.function.Supplier;

/**
 * The mock's entry point in WireMock: every non-admin request is answered by the
 * {@link ApiPipeline} before stub matching. It needs no stubs, so WireMock's own reset
 * ({@code /__admin/reset}, which the JUnit extension runs between tests) cannot remove it; the
 * request still lands in WireMock's journal for verification.
 */
public final class ApiRequestFilter implements StubRequestFilterV2 {

    public static final String NAME = "clinikapi-api";

    private final Supplier<ApiPipeline> pipeline;

    /** @param pipeline the pipeline, possibly still being built when the server starts */
    public ApiRequestFilter(Supplier<ApiPipeline> pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        return RequestFilterAction.stopWith(pipeline.get().answer(request));
    }

    @Override
    public String getName() {
        return NAME;
    }
}
