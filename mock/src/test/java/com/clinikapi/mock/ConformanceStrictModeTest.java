package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.junit.ExpectContractBreaks;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.OnlyInEngineTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** Strict conformance fails the partner's test that broke the contract, and only that one. */
class ConformanceStrictModeTest {

    static final String MARKER = "JaneDoe1957";
    static final AtomicReference<String> refusedRequestId = new AtomicReference<>();

    @TempDir
    Path reports;

    @Test
    void failsTheTestThatBrokeTheContractNamingTheBreak() {
        EngineExecutionResults results = run(StrictPartnerTests.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(3).failed(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("sendsAnInvalidPriority"),
                finishedWithFailure(instanceOf(AssertionError.class), message(text -> text.contains(
                        "createAppointment (POST /v1/appointments): 422 VALIDATION_ERROR priority: must be between 0 and 9")
                        && text.contains("request " + refusedRequestId.get())
                        && !text.contains(MARKER)))));
    }

    @Test
    void theConfigurationParameterMakesAnyMockStrict() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(LenientPartnerTests.class))
                .configurationParameter(OnlyInEngineTestKit.PARAMETER, "true")
                .configurationParameter(ClinikMockExtension.REPORT_DIRECTORY, reports.toString())
                .configurationParameter(ClinikMockExtension.STRICT, "true")
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    }

    @Test
    void withoutStrictModeABreakFailsNothing() {
        EngineExecutionResults results = run(LenientPartnerTests.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    private EngineExecutionResults run(Class<?> partnerTests) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(partnerTests))
                .configurationParameter(OnlyInEngineTestKit.PARAMETER, "true")
                .configurationParameter(ClinikMockExtension.REPORT_DIRECTORY, reports.toString())
                .execute();
    }

    /** A partner's suite with strict conformance: one test breaks the contract by mistake. */
    @ExtendWith(OnlyInEngineTestKit.class)
    static class StrictPartnerTests {

        @RegisterExtension
        static ClinikMockExtension clinikApi = ClinikMockExtension.builder().strictConformance(true).build();

        @Test
        void sendsAnInvalidPriority() {
            ApiClient api = new ApiClient(clinikApi.baseUrl(), ClinikMockExtension.newApiKey());
            refusedRequestId.set(api.create("{\"status\": \"proposed\", \"patientId\": \"" + MARKER + "\", \"priority\": 42}")
                    .header("X-Request-Id"));
        }

        @Test
        void meetsOnlyWhatACorrectClientMeets() {
            ApiClient api = new ApiClient(clinikApi.baseUrl(), ClinikMockExtension.newApiKey());
            api.createdId(Bodies.booked());
            api.read("appt_deleted_meanwhile");
        }

        @Test
        @ExpectContractBreaks
        void testsItsErrorHandlingOnPurpose() {
            new ApiClient(clinikApi.baseUrl(), ClinikMockExtension.newApiKey())
                    .create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"priority\": 42}");
        }

        @Test
        void saysSoInTheTest() {
            clinikApi.expectContractBreaks();
            new ApiClient(clinikApi.baseUrl(), "clk_test_a_fixed_partner_key")
                    .create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"priority\": 42}");
        }
    }

    /** A partner's suite without strict conformance in its code. */
    @ExtendWith(OnlyInEngineTestKit.class)
    static class LenientPartnerTests {

        @RegisterExtension
        static ClinikMockExtension clinikApi = ClinikMockExtension.create();

        @Test
        void sendsNoKey() {
            new ApiClient(clinikApi.baseUrl(), null).create(Bodies.booked());
        }
    }
}
