package com.clinikapi.mock.admin;

import com.clinikapi.mock.MockRuntime;
import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;

import java.util.function.Supplier;

/**
 * Clears the mock's state whenever WireMock resets ({@code POST /__admin/reset}, or the JUnit
 * extension between tests), so one reset returns both WireMock and the mock to empty.
 */
public final class WireMockResetListener implements StubLifecycleListener {

    private final Supplier<MockRuntime> runtime;

    public WireMockResetListener(Supplier<MockRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public void afterStubsReset() {
        runtime.get().reset();
    }

    @Override
    public String getName() {
        return "clinikapi-reset-listener";
    }
}
