import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crash-recovery load test of the appointments service: nothing acknowledged is lost, nothing is
 * duplicated, however often the service dies.
 *
 * <p>It starts the service jar on a durable database (by default a fresh H2 file with the service's
 * embedded-default durability, {@code WRITE_DELAY=0}; or the PostgreSQL given by {@code --jdbc-url}),
 * then creates {@code --appointments} appointments from {@code --concurrency} client threads. Every
 * create carries its own {@code Idempotency-Key} and is retried with the same key and body, with
 * jittered backoff, after any connection failure, timeout, 5xx or 409 IDEMPOTENCY_IN_PROGRESS, like
 * the official TypeScript client (which gives up after two retries; this one keeps going, bounded by
 * the deadline), and after a 429 once {@code Retry-After} has passed (the service runs with its plan
 * raised, so that limits do not pace the run). While the load runs, the service is killed with SIGKILL {@code --kills} times (evenly
 * spread over the acknowledged count) and restarted on the same database; once every create is
 * acknowledged it is killed once more and restarted. Then it checks:
 * <ul>
 *   <li>every appointment acknowledged with a 201 (performed or replayed) is readable, as answered;</li>
 *   <li>a key that was acknowledged twice (a replay) names the same appointment both times;</li>
 *   <li>each create made exactly one appointment: the run's patients (one per create) each have
 *       exactly one, and there are as many as creates.</li>
 * </ul>
 * Exit status 0 when all hold, 1 otherwise. Loopback only: the service listens on 127.0.0.1 and
 * every request goes there. Bounded: {@code --max-seconds} for the whole run (default 600).
 *
 * <pre>
 * ./mvnw -B -DskipTests package
 * java server/load/CrashRecoveryLoad.java                                  # 30000 creates, 64 threads, 3 kills, H2 file
 * java server/load/CrashRecoveryLoad.java --appointments=50000 --concurrency=128 --kills=5
 * java server/load/CrashRecoveryLoad.java --jdbc-url=jdbc:postgresql://127.0.0.1:5432/clinikapi --db-user=u --db-password=p
 * </pre>
 * Options: {@code --jar} (default server/target/clinikapi-server.jar), {@code --work-dir} (default a
 * new temporary directory: database files and the service's log), {@code --max-seconds}.
 */
public class CrashRecoveryLoad {

    private static final String API_KEY = "clk_test_localdevkey";
    private static final Pattern ID = Pattern.compile("\"id\":\"(appt_[A-Za-z0-9_-]+)\"");
    private static final Pattern PATIENT = Pattern.compile("\"patientId\":\"([^\"]+)\"");
    private static final Pattern CURSOR = Pattern.compile("\"cursor\":\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");
    private static final int PRACTITIONERS = 500;
    private static final OffsetDateTime FIRST_SLOT = OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final Duration RESTART_BUDGET = Duration.ofSeconds(120);
    private static final Duration VERIFY_BUDGET = Duration.ofSeconds(600);
    /**
     * The run measures crash recovery, not the plan: the dev key's plan (1000 requests a minute) is
     * raised for the service under test, as the contract suite does.
     */
    private static final String UNLIMITED_PLAN = "-Dclinikapi.plans.standard.requests-per-window=1000000000";

    private final Options options;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final Service service;
    private final Instant deadline;

    // What the clients saw.
    private final Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledgedCount = new AtomicInteger();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong replays = new AtomicLong();
    private final AtomicLong connectionFailures = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong inProgress = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicBoolean loadOver = new AtomicBoolean();
    private final Map<String, AtomicLong> otherAnswers = new ConcurrentHashMap<>();
    private final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLongArray latencyMicros;

    CrashRecoveryLoad(Options options) {
        this.options = options;
        this.deadline = Instant.now().plusSeconds(options.maxSeconds);
        this.service = new Service(options);
        this.latencyMicros = new AtomicLongArray(options.appointments);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        CrashRecoveryLoad load = new CrashRecoveryLoad(options);
        boolean ok;
        try {
            ok = load.runAll();
        } finally {
            load.service.stop();
        }
        System.exit(ok ? 0 : 1);
    }

    boolean runAll() throws Exception {
        System.out.printf("Run %s: %d creates, %d client threads, %d kills during the load + 1 after, %s, deadline %d s%n",
                run, options.appointments, options.concurrency, options.kills, service.databaseDescription(),
                options.maxSeconds);
        Duration firstStart = service.start(deadline);
        System.out.printf("Service up in %d ms (%s)%n", firstStart.toMillis(), service.baseUrl());

        Instant loadStarted = Instant.now();
        List<Duration> recoveries = new ArrayList<>();
        Thread killer = new Thread(() -> killDuringLoad(recoveries), "killer");
        killer.start();
        boolean complete = createAll();
        loadOver.set(true);
        killer.join();
        Duration loadTime = Duration.between(loadStarted, Instant.now());

        System.out.println("Every create acknowledged: " + complete + "; SIGKILL once more, restart, verify");
        service.kill();
        // The deadline bounds the load; the last restart and the verification get their own time.
        recoveries.add(service.start(Instant.now().plus(RESTART_BUDGET)));
        Verification verification = verify();

        report(complete, loadTime, recoveries, verification);
        return complete && violations.isEmpty();
    }

    // ---------------------------------------------------------------- load

    private boolean createAll() throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(options.concurrency);
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < options.concurrency; t++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < options.appointments; i = next.getAndIncrement()) {
                    createUntilAcknowledged(i);
                }
            });
        }
        clients.shutdown();
        long seconds = Math.max(1, Duration.between(Instant.now(), deadline).toSeconds());
        if (!clients.awaitTermination(seconds, TimeUnit.SECONDS)) {
            clients.shutdownNow();
            violations.add("deadline reached with " + acknowledgedCount.get() + " of " + options.appointments
                    + " creates acknowledged");
        }
        return acknowledgedCount.get() == options.appointments;
    }

    /** One logical create: the same key and body until a 201 (or the deadline). */
    private void createUntilAcknowledged(int i) {
        String key = "load-" + run + "-" + i;
        String body = body(i);
        long backoffMillis = 20;
        long started = System.nanoTime();
        while (Instant.now().isBefore(deadline)) {
            attempts.incrementAndGet();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.uri("/v1/appointments"))
                        .timeout(Duration.ofSeconds(10))
                        .header("x-api-key", API_KEY)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    acknowledge(i, response);
                    latencyMicros.set(i, (System.nanoTime() - started) / 1000);
                    return;
                }
                String code = match(CODE, response.body());
                if (response.statusCode() >= 500) {
                    serverErrors.incrementAndGet();
                } else if ("IDEMPOTENCY_IN_PROGRESS".equals(code)) {
                    inProgress.incrementAndGet();
                } else if (response.statusCode() == 429) {
                    // The plan is raised for the run, so this is rare; a client waits as told, then retries.
                    rateLimited.incrementAndGet();
                    sleep(1000L * response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
                    continue;
                } else {
                    // Anything else is a refusal the client would not retry: the run is broken.
                    otherAnswers.computeIfAbsent(response.statusCode() + " " + code, k -> new AtomicLong()).incrementAndGet();
                    violations.add("create " + i + " answered " + response.statusCode() + " " + code);
                    return;
                }
            } catch (IOException e) {
                connectionFailures.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(ThreadLocalRandom.current().nextLong(backoffMillis / 2, backoffMillis + 1));
            backoffMillis = Math.min(1000, backoffMillis * 2);
        }
    }

    private void acknowledge(int i, HttpResponse<String> response) {
        String id = match(ID, response.body());
        if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
            replays.incrementAndGet();
        }
        if (!patient(i).equals(match(PATIENT, response.body()))) {
            violations.add("create " + i + " was answered with another patient's appointment " + id);
        }
        String earlier = acknowledged.putIfAbsent(i, id);
        if (earlier == null) {
            acknowledgedCount.incrementAndGet();
        } else if (!earlier.equals(id)) {
            violations.add("create " + i + " acknowledged as " + earlier + " and then as " + id);
        }
    }

    /** Kills the service each time another share of the creates has been acknowledged. */
    private void killDuringLoad(List<Duration> recoveries) {
        for (int k = 1; k <= options.kills; k++) {
            int threshold = options.appointments * k / (options.kills + 1);
            while (acknowledgedCount.get() < threshold) {
                if (loadOver.get() || Instant.now().isAfter(deadline)) {
                    return;
                }
                sleep(5);
            }
            int atKill = acknowledgedCount.get();
            service.kill();
            Duration recovery = service.start(deadline);
            recoveries.add(recovery);
            System.out.printf("SIGKILL %d at %d acknowledged; up again in %d ms%n", k, atKill, recovery.toMillis());
        }
    }

    // ---------------------------------------------------------------- verification

    private record Verification(int readable, int pages, int runAppointments, Duration took) {
    }

    private Verification verify() throws Exception {
        Instant started = Instant.now();
        AtomicInteger readable = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(Math.min(32, options.concurrency));
        for (Map.Entry<Integer, String> ack : acknowledged.entrySet()) {
            readers.submit(() -> {
                try {
                    HttpResponse<String> read = get("/v1/appointments/" + ack.getValue());
                    if (read.statusCode() != 200) {
                        violations.add("acknowledged " + ack.getValue() + " (create " + ack.getKey() + ") reads as "
                                + read.statusCode());
                    } else if (!patient(ack.getKey()).equals(match(PATIENT, read.body()))) {
                        violations.add("acknowledged " + ack.getValue() + " holds another patient");
                    } else {
                        readable.incrementAndGet();
                    }
                } catch (Exception e) {
                    violations.add("reading " + ack.getValue() + " failed: " + e);
                }
            });
        }
        readers.shutdown();
        if (!readers.awaitTermination(VERIFY_BUDGET.toSeconds(), TimeUnit.SECONDS)) {
            readers.shutdownNow();
            violations.add("reading back every acknowledged appointment took longer than " + VERIFY_BUDGET.toSeconds() + " s");
        }

        // Every appointment of the tenant, page by page: each of the run's patients exactly once.
        Map<String, Integer> byPatient = new HashMap<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> page = get("/v1/appointments?sort=created&count=100"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            if (page.statusCode() != 200) {
                violations.add("search page " + pages + " answered " + page.statusCode());
                break;
            }
            pages++;
            Matcher patients = PATIENT.matcher(page.body());
            while (patients.find()) {
                if (patients.group(1).startsWith("pat_" + run + "_")) {
                    byPatient.merge(patients.group(1), 1, Integer::sum);
                }
            }
            cursor = match(CURSOR, page.body());
        } while (cursor != null);
        byPatient.forEach((patient, count) -> {
            if (count != 1) {
                violations.add(patient + " has " + count + " appointments: a create was performed twice");
            }
        });
        if (byPatient.size() != acknowledged.size()) {
            violations.add(byPatient.size() + " appointments of this run exist for " + acknowledged.size()
                    + " acknowledged creates");
        }
        return new Verification(readable.get(), pages, byPatient.values().stream().mapToInt(Integer::intValue).sum(),
                Duration.between(started, Instant.now()));
    }

    // ---------------------------------------------------------------- report

    private void report(boolean complete, Duration loadTime, List<Duration> recoveries, Verification verification) {
        long[] latencies = new long[acknowledged.size()];
        int n = 0;
        for (int i = 0; i < options.appointments && n < latencies.length; i++) {
            if (acknowledged.containsKey(i)) {
                latencies[n++] = latencyMicros.get(i);
            }
        }
        Arrays.sort(latencies, 0, n);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("database", service.databaseDescription());
        figures.put("creates (distinct keys)", options.appointments);
        figures.put("client threads", options.concurrency);
        figures.put("SIGKILLs (during load + after)", recoveries.size());
        figures.put("restart to healthy, ms (each)", recoveries.stream().map(Duration::toMillis).toList());
        figures.put("load phase, s", String.format("%.1f", loadTime.toMillis() / 1000.0));
        figures.put("acknowledged creates / s (downtime included)",
                String.format("%.0f", acknowledged.size() / Math.max(0.001, loadTime.toMillis() / 1000.0)));
        figures.put("HTTP attempts", attempts.get());
        figures.put("connection failures (retried)", connectionFailures.get());
        figures.put("5xx answers (retried)", serverErrors.get());
        figures.put("409 IDEMPOTENCY_IN_PROGRESS (retried)", inProgress.get());
        figures.put("429 RATE_LIMITED (retried after Retry-After)", rateLimited.get());
        figures.put("other answers", otherAnswers.isEmpty() ? "none" : otherAnswers.toString());
        figures.put("201 acknowledged", acknowledged.size());
        figures.put("of which replays (Idempotent-Replayed: true)", replays.get());
        figures.put("create latency incl. retries p50 / p99 / max, ms", n == 0 ? "-" : String.format("%.1f / %.1f / %.1f",
                latencies[n / 2] / 1000.0, latencies[Math.min(n - 1, (int) (n * 0.99))] / 1000.0, latencies[n - 1] / 1000.0));
        figures.put("acknowledged and readable after the last SIGKILL", verification.readable());
        figures.put("appointments of the run found by search (" + verification.pages() + " pages)",
                verification.runAppointments());
        figures.put("verification, s", String.format("%.1f", verification.took().toMillis() / 1000.0));
        figures.put("violations", violations.size());

        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("|---|---|");
        figures.forEach((name, value) -> System.out.println("| " + name + " | " + value + " |"));
        System.out.println();
        if (!violations.isEmpty()) {
            System.out.println("VIOLATIONS (first 20):");
            violations.stream().limit(20).forEach(v -> System.out.println("  " + v));
        }
        System.out.println(complete && violations.isEmpty()
                ? "PASS: every acknowledged appointment is readable, none is duplicated"
                : "FAIL");
        System.out.println("Service log: " + service.logFile());
    }

    // ---------------------------------------------------------------- helpers

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return http.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30))
                        .header("x-api-key", API_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
                sleep(200);
            }
        }
        throw last;
    }

    private String patient(int i) {
        return "pat_" + run + "_" + i;
    }

    /** A booked 30-minute appointment; practitioners' slots never overlap, so every create may succeed. */
    private String body(int i) {
        OffsetDateTime start = FIRST_SLOT.plusMinutes(30L * (i / PRACTITIONERS));
        return """
                {"status":"booked","patientId":"%s","practitionerId":"prac_%s_%d","start":"%s","minutesDuration":30,\
                "description":"Crash recovery load"}""".formatted(patient(i), run, i % PRACTITIONERS,
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start));
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- the service under test

    /** The service as a child process on loopback, killed with SIGKILL and restarted on the same database. */
    static final class Service {
        private final Options options;
        private final Path workDir;
        private final int port = freePort();
        private final int managementPort = freePort();
        private final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        private Process process;

        Service(Options options) {
            this.options = options;
            try {
                this.workDir = options.workDir == null ? Files.createTempDirectory("clinikapi-crash-load")
                        : Files.createDirectories(Path.of(options.workDir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!Files.isRegularFile(Path.of(options.jar))) {
                throw new IllegalStateException(options.jar + " is missing: build it with ./mvnw -B -DskipTests package");
            }
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        URI uri(String path) {
            return URI.create(baseUrl() + path);
        }

        Path logFile() {
            return workDir.resolve("service.log");
        }

        String databaseDescription() {
            return options.jdbcUrl == null
                    ? "H2 file, WRITE_DELAY=0 (the embedded default's durability), " + workDir.resolve("db")
                    : "PostgreSQL " + options.jdbcUrl.replaceAll("password=[^&]*", "password=***");
        }

        /** Starts the service and waits until {@code /health} is UP; returns how long that took. */
        synchronized Duration start(Instant deadline) {
            Instant started = Instant.now();
            List<String> command = List.of(javaBinary(), UNLIMITED_PLAN, "-jar", options.jar);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            Map<String, String> env = builder.environment();
            env.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
            env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
            env.put("CLINIKAPI_MANAGEMENT_PORT", Integer.toString(managementPort));
            if (options.jdbcUrl == null) {
                env.put("DATASOURCES_DEFAULT_URL", "jdbc:h2:file:" + workDir.resolve("db").toAbsolutePath()
                        + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000");
            } else {
                env.put("DATASOURCES_DEFAULT_URL", options.jdbcUrl);
                env.put("DATASOURCES_DEFAULT_USERNAME", options.dbUser);
                env.put("DATASOURCES_DEFAULT_PASSWORD", options.dbPassword);
            }
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + logFile());
                }
                try {
                    HttpResponse<Void> health = probe.send(HttpRequest.newBuilder(uri("/health"))
                            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                    if (health.statusCode() == 200) {
                        return Duration.between(started, Instant.now());
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                sleep(50);
            }
            throw new IllegalStateException("the service did not become healthy before the deadline");
        }

        /** SIGKILL: no shutdown hook, no flush, no goodbye. */
        synchronized void kill() {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        synchronized void stop() {
            if (process != null && process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(20, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private static String javaBinary() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---------------------------------------------------------------- options

    record Options(String jar, int appointments, int concurrency, int kills, int maxSeconds, String workDir,
                   String jdbcUrl, String dbUser, String dbPassword) {

        private static final Set<String> KNOWN = Set.of("jar", "appointments", "concurrency", "kills", "max-seconds",
                "work-dir", "jdbc-url", "db-user", "db-password");

        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0 || !KNOWN.contains(arg.substring(2, eq))) {
                    throw new IllegalArgumentException("unknown option " + arg + "; known: --" + String.join("=…, --", KNOWN) + "=…");
                }
                given.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            String jdbcUrl = given.get("jdbc-url");
            if (jdbcUrl != null && !isLoopback(jdbcUrl)) {
                throw new IllegalArgumentException("--jdbc-url must point at localhost or 127.0.0.1: this test stays on loopback");
            }
            Options options = new Options(
                    given.getOrDefault("jar", "server/target/clinikapi-server.jar"),
                    Integer.parseInt(given.getOrDefault("appointments", "30000")),
                    Integer.parseInt(given.getOrDefault("concurrency", "64")),
                    Integer.parseInt(given.getOrDefault("kills", "3")),
                    Integer.parseInt(given.getOrDefault("max-seconds", "600")),
                    given.get("work-dir"), jdbcUrl,
                    given.getOrDefault("db-user", "postgres"), given.getOrDefault("db-password", ""));
            if (options.appointments < 1 || options.appointments > 1_000_000 || options.concurrency < 1
                    || options.concurrency > 1024 || options.kills < 0 || options.kills > 100
                    || options.maxSeconds < 10 || options.maxSeconds > 7200) {
                throw new IllegalArgumentException("out of bounds: 1..1000000 appointments, 1..1024 threads, "
                        + "0..100 kills, 10..7200 seconds");
            }
            return options;
        }

        private static boolean isLoopback(String jdbcUrl) {
            return jdbcUrl.matches("jdbc:postgresql://(localhost|127\\.0\\.0\\.1)(:\\d+)?/.*");
        }
    }
}
