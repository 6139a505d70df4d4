package com.clinikapi.mock.stub;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.github.tomakehurst.wiremock.store.ScenariosStore;
import com.github.tomakehurst.wiremock.store.StubMappingStore;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The stubs partners registered through WireMock's API ({@code stubFor}, {@code /__admin/mappings},
 * mapping files): the mock registers none of its own, so any stub in WireMock's store is a
 * partner's. A request one of them matches is left to WireMock's stub matching, as a WireMock user
 * expects; every other request is the mock's to answer. The test is WireMock's own (the same
 * matchers, custom matchers and scenario states), run before WireMock runs it, and costs nothing
 * while there are no stubs.
 */
public final class PartnerStubs {

    private final StubMappingStore stubs;
    private final ScenariosStore scenarios;
    private final Supplier<Map<String, RequestMatcherExtension>> customMatchers;

    public PartnerStubs(StubMappingStore stubs, ScenariosStore scenarios,
                        Supplier<Map<String, RequestMatcherExtension>> customMatchers) {
        this.stubs = stubs;
        this.scenarios = scenarios;
        this.customMatchers = customMatchers;
    }

    /** Whether a stub that WireMock would serve now matches {@code request}. */
    public boolean answer(Request request) {
        return stubs.getAll().anyMatch(stub -> matches(stub, request) && inRequiredState(stub));
    }

    private boolean matches(StubMapping stub, Request request) {
        Map<String, RequestMatcherExtension> matchers = stub.getRequest().hasNamedCustomMatcher()
                ? customMatchers.get() : Map.of();
        return stub.getRequest().match(request, matchers).isExactMatch();
    }

    /** WireMock serves a stub of a scenario only in the state it requires. */
    private boolean inRequiredState(StubMapping stub) {
        if (stub.isIndependentOfScenarioState()) {
            return true;
        }
        return scenarios.get(stub.getScenarioName())
                .map(Scenario::getState)
                .map(state -> state.equals(stub.getRequiredScenarioState()))
                .orElse(false);
    }
}
