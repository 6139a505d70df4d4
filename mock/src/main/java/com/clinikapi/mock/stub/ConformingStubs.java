package com.clinikapi.mock.stub;

import com.clinikapi.mock.MockRuntime;
import com.clinikapi.mock.validation.ResponseFindings;
import com.github.tomakehurst.wiremock.common.Errors;
import com.github.tomakehurst.wiremock.common.InvalidInputException;
import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Supplier;

/**
 * Refuses, when it is registered or edited, a partner's stub that would answer an operation in a
 * way the spec does not allow ({@link StubResponseCheck}): a partner testing against the mock must
 * not be able to build on an answer the service never gives. {@code stubFor} then throws WireMock's
 * {@link InvalidInputException}, and {@code POST /__admin/mappings} answers 422, both with the
 * objections in the message. Told to serve such stubs anyway ({@code --serve-nonconforming-stubs}),
 * it logs them as a warning instead.
 */
public final class ConformingStubs implements StubLifecycleListener {

    public static final String NAME = "clinikapi-conforming-stubs";
    /** WireMock's code for invalid input: its HTTP client turns it back into an {@link InvalidInputException}. */
    private static final int INVALID_INPUT = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ConformingStubs.class);

    private final Supplier<MockRuntime> runtime;
    private final boolean serveNonconforming;

    public ConformingStubs(Supplier<MockRuntime> runtime, boolean serveNonconforming) {
        this.runtime = runtime;
        this.serveNonconforming = serveNonconforming;
    }

    @Override
    public void beforeStubCreated(StubMapping stub) {
        judge(stub);
    }

    @Override
    public void beforeStubEdited(StubMapping oldStub, StubMapping newStub) {
        judge(newStub);
    }

    @Override
    public String getName() {
        return NAME;
    }

    private void judge(StubMapping stub) {
        MockRuntime mock = runtime.get();
        List<String> objections = new StubResponseCheck(mock.contract(), new ResponseFindings(mock.validator()))
                .objections(stub);
        if (objections.isEmpty()) {
            return;
        }
        String detail = String.join(" | ", objections);
        if (serveNonconforming) {
            LOG.warn("stub {} breaks the spec and is served anyway: {}", stub.getId(), detail);
            return;
        }
        throw new InvalidInputException(Errors.single(INVALID_INPUT, "/response",
                "The stub's response breaks the ClinikAPI spec", detail
                        + ". A stub must answer as the service may; to serve it anyway, start the mock with"
                        + " --serve-nonconforming-stubs (JUnit: builder().serveNonconformingStubs(true))"));
    }
}
