package com.clinikapi.contract.suite.selfcheck;

import com.clinikapi.contract.suite.coverage.CoveragePair;
import com.clinikapi.contract.suite.coverage.CoverageReport;
import com.clinikapi.contract.suite.coverage.Pending;
import com.clinikapi.contract.suite.differential.Differential;
import com.clinikapi.contract.suite.differential.Step;
import com.clinikapi.contract.suite.spec.SpecModel;
import com.clinikapi.contract.suite.target.ContractTarget;
import com.clinikapi.contract.suite.target.Targets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The suite must be able to fail. Runs real suite classes against the mock through a proxy that
 * breaks its answers in one way at a time (an undeclared field, an undocumented status, a missing
 * request id, a 5xx, an echoed value, a wrong media type, a dropped connection) and expects each
 * breakage to fail tests with a message naming it; through an unbroken proxy the same classes pass.
 * Also shows that the differential check fails on a drifted copy and the coverage gate on a missing pair.
 */
class SuiteCatchesBrokenImplementationsTest {

    private static final List<AutoCloseable> RESOURCES = new ArrayList<>();
    private static ContractTarget mock;

    @BeforeAll
    static void startTheMock() {
        mock = Targets.launch("mock", RESOURCES::add);
    }

    @AfterAll
    static void stopTheMock() throws Exception {
        for (AutoCloseable resource : RESOURCES) {
            resource.close();
        }
    }

    @Test
    void theSuitePassesThroughAProxyThatBreaksNothing() throws Exception {
        Outcome outcome = runSuiteThrough(UnaryOperator.identity(), "ReadAppointmentIT", "HealthIT");

        assertThat(outcome.failures()).as("failures through a faithful proxy: %s", outcome.messages()).isZero();
        assertThat(outcome.succeeded()).isPositive();
    }

    @Test
    void catchesAFieldTheSpecDoesNotDeclare() throws Exception {
        Outcome outcome = runSuiteThrough(a -> a.text().contains("\"patientId\"")
                ? a.withBody(a.text().replaceFirst("\"patientId\"", "\"colour\":\"blue\",\"patientId\"")) : a,
                "ReadAppointmentIT");

        assertThat(outcome.failures()).isPositive();
        assertThat(outcome.messages()).anyMatch(m -> m.contains("additionalProperties") && m.contains("colour"));
    }

    @Test
    void catchesAStatusTheSpecDoesNotDocument() throws Exception {
        Outcome outcome = runSuiteThrough(a -> a.status() == 404 ? a.withStatus(410) : a, "ReadAppointmentIT");

        assertThat(outcome.messages()).anyMatch(m -> m.contains("status 410 is not documented for getAppointment"));
    }

    @Test
    void catchesAMissingRequestId() throws Exception {
        Outcome outcome = runSuiteThrough(a -> a.withoutHeader("X-Request-Id"), "HealthIT", "ReadAppointmentIT");

        assertThat(outcome.messages()).anyMatch(m -> m.contains("header X-Request-Id is declared for 201 but missing"))
                .anyMatch(m -> m.contains("header X-Request-Id is declared for 404 but missing"));
    }

    @Test
    void catchesAServerError() throws Exception {
        Outcome outcome = runSuiteThrough(a -> a.status() == 404
                ? a.withStatus(500).withBody(a.text().replace("NOT_FOUND", "INTERNAL_ERROR")) : a, "DeleteAppointmentIT");

        assertThat(outcome.messages()).anyMatch(m -> m.contains("server error 500: no request may produce a 5xx"));
    }

    @Test
    void catchesAnErrorBodyThatEchoesTheSubmittedValue() throws Exception {
        // a careless implementation that quotes the patient id it refused
        Outcome outcome = runSuiteThrough(a -> a.status() == 422 && a.requestText().contains("\"patientId\":\"")
                ? a.withBody(a.text().replace("\"issues\":[", "\"issues\":[{\"severity\":\"error\",\"code\":\"value\","
                + "\"diagnostics\":\"patientId: " + a.requestText().replaceAll(".*\"patientId\":\"([^\"]*)\".*", "$1")
                + " is not allowed here\"},")) : a, "CreateAppointmentIT");

        assertThat(outcome.messages()).anyMatch(m -> m.contains("echoes a submitted value"));
    }

    @Test
    void catchesAnErrorCodeThatDoesNotTravelWithItsStatus() throws Exception {
        Outcome outcome = runSuiteThrough(a -> a.withBody(a.text().replace("NOT_FOUND", "VALIDATION_ERROR")), "ReadAppointmentIT");

        assertThat(outcome.messages()).anyMatch(m -> m.contains("error code VALIDATION_ERROR does not travel with 404"));
    }

    @Test
    void catchesAnUndocumentedMediaType() throws Exception {
        Outcome outcome = runSuiteThrough(a -> a.withHeader("Content-Type", "text/plain"), "HealthIT");

        assertThat(outcome.messages()).anyMatch(m -> m.contains("validation.response.contentType.notAllowed"));
    }

    @Test
    void catchesABodyThatBreaksTheSchema() throws Exception {
        Outcome outcome = runSuiteThrough(a -> a.withBody(a.text().replace("\"version\":1", "\"version\":\"one\"")),
                "ReadAppointmentIT");

        assertThat(outcome.messages()).anyMatch(m -> m.contains("validation.response.body.schema") && m.contains("version"));
    }

    @Test
    void theDifferentialCheckCatchesAMockThatWordsAnIssueDifferently() throws Exception {
        try (BrokenTarget drifted = BrokenTarget.around(mock, a -> a.withBody(a.text().replace("must be", "has to be")))) {
            assertThatThrownBy(() -> Differential.compare(Differential.partnersDay(), mock, drifted.target()))
                    .hasMessageContaining("differs between mock and broken-mock")
                    .hasMessageContaining("has to be");
        }
    }

    @Test
    void theDifferentialCheckPassesForTwoFaithfulCopies() throws Exception {
        // The copy is a proxy on the JDK's HttpServer, which answers a request line that does not
        // decode (GET /v1/appointments?%ZZ=1) with its own 400 before any handler: those steps cannot
        // pass through it, so the copy is compared on the others.
        List<Step> carried = Differential.partnersDay().stream().filter(step -> isUri(step.path())).toList();
        try (BrokenTarget copy = BrokenTarget.around(mock, UnaryOperator.identity())) {
            Differential.compare(carried, mock, copy.target());
        }
    }

    private static boolean isUri(String path) {
        try {
            new java.net.URI(path);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @Test
    void theCoverageGateFailsOnADocumentedPairNobodyExercised() {
        Set<CoveragePair> documented = CoverageReport.documentedPairs(SpecModel.get());
        Map<String, Long> allButOne = documented.stream().filter(p -> !p.key().equals("getAppointment 404"))
                .collect(Collectors.toMap(CoveragePair::key, p -> 1L));
        CoverageReport report = new CoverageReport(documented, Map.of("server-h2", allButOne), Map.of("server-h2", Map.of()),
                Set.of("server-h2"));

        assertThat(report.gateFailures()).containsExactly("server-h2: documented getAppointment 404 was never exercised");
    }

    @Test
    void theCoverageGatePassesWhenEveryGatedPairWasExercised() {
        Set<CoveragePair> documented = CoverageReport.documentedPairs(SpecModel.get());
        Map<String, Long> all = documented.stream().collect(Collectors.toMap(CoveragePair::key, p -> 1L));
        CoverageReport report = new CoverageReport(documented, Map.of("server-h2", all), Map.of("server-h2", Map.of()),
                Set.of("server-h2"));

        assertThat(report.gateFailures()).isEmpty();
        assertThat(report.markdown()).contains("## Gate\n\nPASSED");
    }

    @Test
    void aPendingEntryExcusesExactlyItsPairs() {
        Pending.Entry entry = new Pending.Entry(Set.of("createAppointment"), 429, "issue 5", "rate limiter");

        assertThat(entry.covers("createAppointment", 429)).isTrue();
        assertThat(entry.covers("createAppointment", 422)).isFalse();
        assertThat(entry.covers("getAppointment", 429)).isFalse();
    }

    /** What running some suite classes against the broken target gave. */
    record Outcome(long succeeded, long failures, List<String> messages) {
    }

    /** @param suiteClasses simple names of classes in the suite's appointments package */
    private static Outcome runSuiteThrough(UnaryOperator<BrokenTarget.Answer> breakage, String... suiteClasses) throws Exception {
        try (BrokenTarget broken = BrokenTarget.around(mock, breakage)) {
            EngineExecutionResults[] results = new EngineExecutionResults[1];
            Targets.withTarget(broken.target(), () -> {
                var request = EngineTestKit.engine("junit-jupiter");
                for (String suiteClass : suiteClasses) {
                    request = request.selectors(selectClass("com.clinikapi.contract.suite.appointments." + suiteClass));
                }
                results[0] = request.execute();
            });
            List<String> messages = results[0].testEvents().failed().stream()
                    .map(Event::getPayload)
                    .flatMap(p -> p.stream())
                    .map(p -> p instanceof org.junit.platform.engine.TestExecutionResult r
                            ? r.getThrowable().map(Throwable::getMessage).orElse("") : String.valueOf(p))
                    .toList();
            return new Outcome(results[0].testEvents().succeeded().count(), results[0].testEvents().failed().count(), messages);
        }
    }
}
