package com.clinikapi.mock.junit;

import com.clinikapi.mock.ClinikMockExtensions;
import com.clinikapi.mock.MockRuntime;
import com.clinikapi.mock.MockSettings;
import com.clinikapi.mock.conformance.ConformanceReport;
import com.clinikapi.mock.journal.JournalRedaction;
import com.clinikapi.mock.sandbox.SandboxLimits;
import com.clinikapi.mock.scenario.RunScenarios;
import com.clinikapi.mock.seed.SeedRequest;
import com.clinikapi.mock.seed.SeedSummary;
import com.clinikapi.mock.validation.ResponseViolation;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ClinikAPI mock as a JUnit 5 extension, for partners' own tests:
 *
 * <pre>{@code
 * @RegisterExtension
 * static ClinikMockExtension clinikApi = ClinikMockExtension.create();
 *
 * @Test
 * void booksAnAppointment() {
 *     var client = new MyClinikClient(clinikApi.baseUrl(), ClinikMockExtension.newApiKey());
 *     client.book(...);
 *     clinikApi.verify(postRequestedFor(urlEqualTo("/v1/appointments")));
 * }
 * }</pre>
 *
 * It is a {@link WireMockExtension}: {@code baseUrl()}, {@code getPort()}, {@code verify(…)},
 * {@code findAll(…)} and {@code getAllServeEvents()} read WireMock's request journal. Declared
 * {@code static}, one mock serves the whole class and its state (appointments, scenarios, journal)
 * is reset before each test unless {@link Builder#resetBeforeEachTest(boolean) told otherwise};
 * declared as an instance field, each test gets its own mock.
 *
 * <p>Tests of one static mock may run concurrently (JUnit's {@code @Execution(CONCURRENT)}): the
 * full reset happens only before a test that starts while no other test of the mock runs, so it
 * never wipes a running test's data; a test that starts beside others starts on the state as it is,
 * and its own keys ({@link #newApiKey()}) are empty sandboxes. When a test ends, the sandboxes of
 * the keys it made with {@link #newApiKey()} are forgotten; nothing else is.
 *
 * <p>WireMock's static DSL ({@code import static com.github.tomakehurst.wiremock.client.WireMock.*};
 * {@code verify(…)}, {@code findAll(…)}) is pointed at this mock for the test class's
 * {@code @BeforeAll} methods and for each test, from its {@code @BeforeEach} to its {@code @AfterEach}
 * methods, as WireMock's own extension does; afterwards it is pointed back at WireMock's default
 * (localhost:8080). WireMock keeps that setting per thread, so tests running concurrently on other
 * threads each talk to their own mock.
 *
 * <p>After the test class (after each test, for a mock per test) it writes the class's
 * <em>conformance report</em>, every sandbox's contract breaks and the operations and statuses its
 * requests met, to {@code target/clinikapi-conformance/<TestClass>.json}
 * ({@link Builder#conformanceReportDirectory}, or the configuration parameter or system property
 * {@value #REPORT_DIRECTORY}). With {@link Builder#strictConformance strict conformance} (or
 * {@value #STRICT} {@code =true}) a test that made a request breaking the contract fails when it
 * ends, naming the break, unless it expects breaks ({@link ExpectContractBreaks},
 * {@link #expectContractBreaks()}).
 */
public final class ClinikMockExtension extends WireMockExtension {

    /** JUnit configuration parameter (or system property): {@code true} fails tests on contract breaks. */
    public static final String STRICT = "clinikapi.mock.conformance.strict";
    /** JUnit configuration parameter (or system property): where the conformance report is written. */
    public static final String REPORT_DIRECTORY = "clinikapi.mock.conformance.dir";
    private static final Path DEFAULT_REPORT_DIRECTORY = Path.of("target", "clinikapi-conformance");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClinikMockExtensions extensions;
    private final boolean failOnSpecViolations;
    private final boolean resetBeforeEachTest;
    private final Object resets = new Object();
    private final TestScenarios testScenarios = new TestScenarios();
    /** Tests of this mock between their before-each and after-each; guarded by {@link #resets}. */
    private int testsRunning;
    private final ConformanceRun conformanceRun = new ConformanceRun();
    private final boolean strictConformance;
    private final Path reportDirectory;
    /** Whether the mock serves a whole test class (a static field), rather than one test. */
    private volatile boolean servesClass;
    /** Test classes of this mock running: the class that declares it and its nested ones. */
    private final AtomicInteger classesRunning = new AtomicInteger();

    private ClinikMockExtension(WireMockExtension.Builder wireMock, ClinikMockExtensions extensions,
                                boolean failOnSpecViolations, boolean resetBeforeEachTest, boolean strictConformance,
                                Path reportDirectory) {
        super(wireMock);
        this.extensions = extensions;
        this.failOnSpecViolations = failOnSpecViolations;
        this.resetBeforeEachTest = resetBeforeEachTest;
        this.strictConformance = strictConformance;
        this.reportDirectory = reportDirectory;
    }

    /** Options; {@code builder().build()} is a mock on a free port, reset before each test. */
    public static Builder builder() {
        return new Builder();
    }

    /** A mock on a free port, reset before each test. */
    public static ClinikMockExtension create() {
        return builder().build();
    }

    /**
     * A well-formed test key no one else uses: the mock keeps each key's appointments apart, so a
     * fresh key is a fresh, empty sandbox. Made in a test (its {@code @BeforeEach} included), the
     * sandbox is the test's: forgotten when the test ends.
     */
    public static String newApiKey() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        String apiKey = "clk_test_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        TestKeys.made(apiKey);
        return apiKey;
    }

    /**
     * What the request journal ({@code verify}, {@code findAll}, {@code getAllServeEvents}) holds in
     * place of {@code apiKey} in the {@code x-api-key} header, which it never keeps:
     * {@code verify(postRequestedFor(urlEqualTo("/v1/appointments")).withHeader("x-api-key",
     * equalTo(ClinikMockExtension.journalKey(key))))} counts the requests made with {@code key}.
     */
    public static String journalKey(String apiKey) {
        return JournalRedaction.journalKey(apiKey);
    }

    /** Forgets every appointment and run-wide scenario (the request journal is WireMock's: {@code resetRequests()}). */
    public void reset() {
        runtime().reset();
    }

    /** Forgets one key's appointments and scenarios. */
    public void reset(String apiKey) {
        runtime().reset(apiKey);
    }

    /**
     * Applies a scenario to every request until {@link #clearScenarios()} or the next reset, as if
     * each carried {@code Prefer: <prefer>}; e.g. {@code forceScenario("code=503")}.
     */
    public RunScenarios.Entry forceScenario(String prefer) {
        return runtime().scenarios().add(prefer, null, null);
    }

    /**
     * Applies a scenario to the next {@code times} requests made with {@code apiKey} (null: any key),
     * e.g. {@code forceScenario("code=503", key, 2)} to see a client retry twice and then succeed.
     */
    public RunScenarios.Entry forceScenario(String prefer, String apiKey, int times) {
        return runtime().scenarios().add(prefer, apiKey, times);
    }

    public void clearScenarios() {
        runtime().scenarios().clear();
    }

    /**
     * Puts {@code apiKey}'s requests (null: every key's) into a scenario until the test ends or the
     * scenario is used up, e.g. {@code forceScenario(MockScenario.unavailable(2), key)} to see a client
     * that cannot send {@code Prefer} retry twice and then succeed. Set outside a test (in
     * {@code @BeforeAll}), it lasts until {@link #clearScenarios()} or the next reset.
     */
    public RunScenarios.Entry forceScenario(MockScenario scenario, String apiKey) {
        RunScenarios.Entry entry = runtime().scenarios().add(scenario.prefer(), apiKey, scenario.timesOrNull(),
                scenario.operationIds());
        testScenarios.added(entry.id());
        return entry;
    }

    /**
     * Replaces {@code apiKey}'s appointments with synthetic ones made from {@code seed}, as
     * {@code POST /__sandbox/seed} does: every status, a practitioner's full day, cancelled and rebooked
     * slots, time zones and daylight-saving edges, several pages for one practitioner and one patient.
     *
     * @return what was seeded: counts, ids and the date range to search
     * @throws com.clinikapi.contract.error.ApiException {@code SANDBOX_FULL} if the sandbox may not hold
     *                                                   that many appointments
     */
    public SeedSummary seed(String apiKey, long seed) {
        return runtime().seeder().seed(apiKey, SeedRequest.of(seed));
    }

    /** {@link #seed(String, long)} with {@code days} working days of back-to-back slots (1 to 30; 3 by default). */
    public SeedSummary seed(String apiKey, long seed, int days) {
        return runtime().seeder().seed(apiKey, new SeedRequest(seed, days));
    }

    /** Responses of the mock that broke the spec since the last call (needs {@link Builder#validateResponses}). */
    public List<ResponseViolation> specViolations() {
        return runtime().conformance().drain();
    }

    /** One key's conformance report so far: its contract breaks and the operations and statuses it met. */
    public ConformanceReport conformanceReport(String apiKey) {
        return runtime().conformanceRecorder().report(apiKey);
    }

    /**
     * The running test sends requests that break the contract on purpose: strict conformance does not
     * fail it for them (they are still in the report). Call it in the test, before those requests.
     */
    public void expectContractBreaks() {
        conformanceRun.expectBreaks(TestKeys.current());
    }

    @Override
    protected void onBeforeAll(ExtensionContext context, WireMockRuntimeInfo wireMockRuntimeInfo) {
        onBeforeAll(wireMockRuntimeInfo);
        servesClass = true;
        classesRunning.incrementAndGet();
        conformanceRun.attach(runtime().conformanceRecorder());
    }

    /**
     * After the reset: the test's {@link ClinikScenario}s, which {@link #onAfterEach} removes with the
     * others it set, and the start of its share of the conformance report.
     */
    @Override
    protected void onBeforeEach(ExtensionContext context, WireMockRuntimeInfo wireMockRuntimeInfo) {
        onBeforeEach(wireMockRuntimeInfo);
        testScenarios.begin();
        TestScenarios.annotated(context).forEach(scenario -> forceScenario(scenario, null));
        conformanceRun.attach(runtime().conformanceRecorder());
        conformanceRun.testStarted(TestKeys.current(), expectsContractBreaks(context));
    }

    @Override
    protected void onAfterEach(ExtensionContext context, WireMockRuntimeInfo wireMockRuntimeInfo) {
        Optional<String> broken = conformanceRun.testEnded(TestKeys.current(), isStrict(context));
        onAfterEach(wireMockRuntimeInfo);
        if (!servesClass) {
            writeConformanceReport(context, context.getRequiredTestClass().getName() + "." + context.getRequiredTestMethod().getName());
        }
        broken.ifPresent(failure -> {
            throw new AssertionError(failure);
        });
    }

    @Override
    protected void onAfterAll(ExtensionContext context, WireMockRuntimeInfo wireMockRuntimeInfo) {
        onAfterAll(wireMockRuntimeInfo);
        // Once, for the outermost class: its nested classes' tests are in its report.
        if (classesRunning.decrementAndGet() == 0) {
            writeConformanceReport(context, context.getRequiredTestClass().getName());
        }
    }

    private boolean isStrict(ExtensionContext context) {
        return strictConformance || context.getConfigurationParameter(STRICT).map(Boolean::parseBoolean).orElse(false);
    }

    private static boolean expectsContractBreaks(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), ExpectContractBreaks.class)
                || AnnotationSupport.isAnnotated(context.getTestClass(), ExpectContractBreaks.class);
    }

    /** A report that cannot be written does not fail the tests: it is logged. */
    private void writeConformanceReport(ExtensionContext context, String name) {
        Path directory = reportDirectory != null ? reportDirectory
                : context.getConfigurationParameter(REPORT_DIRECTORY).map(Path::of).orElse(DEFAULT_REPORT_DIRECTORY);
        try {
            conformanceRun.write(directory, name, runtime().conformanceRecorder());
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(ClinikMockExtension.class).warn("the conformance report {} could not be written: {}",
                    directory.resolve(name + ".json"), e.toString());
        }
    }

    /** Fails the test class at once if the mock cannot start, rather than at its first request. */
    @Override
    protected void onBeforeAll(WireMockRuntimeInfo wireMockRuntimeInfo) {
        runtime();
        pointStaticDslHere();
    }

    @Override
    protected void onBeforeEach(WireMockRuntimeInfo wireMockRuntimeInfo) {
        runtime();
        if (resetBeforeEachTest) {
            synchronized (resets) {
                if (testsRunning == 0) {
                    resetToDefaultMappings();
                }
                testsRunning++;
            }
        }
        TestKeys.begin();
        pointStaticDslHere();
    }

    @Override
    protected void onAfterEach(WireMockRuntimeInfo wireMockRuntimeInfo) {
        WireMock.configure();
        testScenarios.end().forEach(runtime().scenarios()::remove);
        Set<String> ownKeys = TestKeys.end();
        if (resetBeforeEachTest) {
            ownKeys.forEach(this::reset);
            synchronized (resets) {
                testsRunning--;
            }
        }
        if (failOnSpecViolations) {
            List<ResponseViolation> violations = specViolations();
            if (!violations.isEmpty()) {
                throw new AssertionError("the mock answered outside the spec: " + violations);
            }
        }
    }

    @Override
    protected void onAfterAll(WireMockRuntimeInfo wireMockRuntimeInfo) {
        WireMock.configure();
    }

    /** WireMock's static DSL, for this thread, served in process by this mock rather than over HTTP. */
    private void pointStaticDslHere() {
        WireMock.configureFor(new WireMock(this));
    }

    private MockRuntime runtime() {
        return extensions.runtime();
    }

    /** Options of the extension. */
    public static final class Builder {

        private int port = 0;
        private boolean verbose = false;
        private int journalSize = 10_000;
        private boolean validateResponses = false;
        private boolean resetBeforeEachTest = true;
        private boolean serveNonconformingStubs = false;
        private Duration sandboxIdleTime = SandboxLimits.DEFAULT_IDLE_TIME;
        private int maxAppointmentsPerSandbox = SandboxLimits.DEFAULT_MAX_APPOINTMENTS;
        private boolean strictConformance = false;
        private Path conformanceReportDirectory;

        private Builder() {
        }

        /** A fixed port; by default a free one is picked ({@code getPort()} tells which). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** One log line per request. */
        public Builder verbose(boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        /** Requests kept in the journal for {@code verify(…)}; 10,000 by default. */
        public Builder journalSize(int journalSize) {
            this.journalSize = journalSize;
            return this;
        }

        /** Checks every response against the spec and fails the test if one breaks it. */
        public Builder validateResponses(boolean validateResponses) {
            this.validateResponses = validateResponses;
            return this;
        }

        /**
         * Whether a static extension clears state and journal before each test (default true) and
         * forgets the sandboxes of the keys a test made when it ends.
         */
        public Builder resetBeforeEachTest(boolean resetBeforeEachTest) {
            this.resetBeforeEachTest = resetBeforeEachTest;
            return this;
        }

        /**
         * Whether a stub whose answer breaks the spec is served (and logged as a warning) rather than
         * refused by {@code stubFor} with an {@code InvalidInputException} (the default).
         */
        public Builder serveNonconformingStubs(boolean serveNonconformingStubs) {
            this.serveNonconformingStubs = serveNonconformingStubs;
            return this;
        }

        /** How long a sandbox nobody uses is kept (default 30 minutes). */
        public Builder sandboxIdleTime(Duration sandboxIdleTime) {
            this.sandboxIdleTime = sandboxIdleTime;
            return this;
        }

        /** How many appointments one sandbox may hold; more creates are {@code 409 SANDBOX_FULL} (default 10,000). */
        public Builder maxAppointmentsPerSandbox(int maxAppointmentsPerSandbox) {
            this.maxAppointmentsPerSandbox = maxAppointmentsPerSandbox;
            return this;
        }

        /**
         * Fails a test that made a request breaking the contract, when it ends, naming the break
         * (default false; also {@value ClinikMockExtension#STRICT}{@code =true} as a JUnit configuration
         * parameter or system property). Tests that break it on purpose say so with
         * {@link ExpectContractBreaks} or {@link ClinikMockExtension#expectContractBreaks()}.
         */
        public Builder strictConformance(boolean strictConformance) {
            this.strictConformance = strictConformance;
            return this;
        }

        /**
         * Where the conformance report is written (default {@code target/clinikapi-conformance}, or
         * the configuration parameter {@value ClinikMockExtension#REPORT_DIRECTORY}).
         */
        public Builder conformanceReportDirectory(Path conformanceReportDirectory) {
            this.conformanceReportDirectory = conformanceReportDirectory;
            return this;
        }

        public ClinikMockExtension build() {
            MockSettings settings = new MockSettings(port, verbose, journalSize, validateResponses)
                    .withNonconformingStubsServed(serveNonconformingStubs)
                    .withSandboxLimits(new SandboxLimits(sandboxIdleTime, maxAppointmentsPerSandbox));
            ClinikMockExtensions extensions = new ClinikMockExtensions(settings);
            // The extension resets itself, only when no other test of the mock is running.
            WireMockExtension.Builder wireMock = WireMockExtension.newInstance()
                    .options(settings.wireMockConfiguration(extensions))
                    .resetOnEachTest(false);
            return new ClinikMockExtension(wireMock, extensions, validateResponses, resetBeforeEachTest, strictConformance,
                    conformanceReportDirectory);
        }
    }
}
