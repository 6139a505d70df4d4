import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.mock.auth.ApiKeyCheck;
import com.clinikapi.mock.conformance.ConformanceRecorder;
import com.clinikapi.mock.conformance.Verdict;
import com.clinikapi.mock.sandbox.IdleSandboxes;
import com.clinikapi.mock.spec.ApiContract;
import com.clinikapi.mock.spec.ContractOperation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * CPU time the conformance record adds to one request (ConformanceRecorder.record, the pipeline's
 * one hook), on one thread: an answer of a sandbox's operation, and a contract break (the rare path).
 * Run: java -cp mock/target/clinikapi-mock.jar mock/bench/ConformanceCost.java
 */
public class ConformanceCost {

    public static void main(String[] args) {
        ApiContract contract = ApiContract.load();
        ContractOperation read = contract.operation("getAppointment").orElseThrow();
        ContractOperation create = contract.operation("createAppointment").orElseThrow();
        ConformanceRecorder recorder = new ConformanceRecorder(contract, new ApiKeyCheck(),
                new IdleSandboxes(Duration.ofMinutes(30), Clock.systemUTC(), key -> { }));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String[] keys = new String[1_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "clk_test_bench_key_" + i;
        }
        Verdict ok = Verdict.served(200, false, true);
        Verdict invalid = Verdict.refused(ApiException.validation(List.of(ValidationIssue.value("priority",
                "must be between 0 and 9"))), false, true);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int n = 5_000_000;
        for (int round = 1; round <= 3; round++) {
            long before = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                // A new String per request, as Jetty gives one: its hash is computed each time.
                recorder.record(new String(keys[i % keys.length]), "GET", "/v1/appointments/appt_1", read, "req_1", now, ok);
            }
            long after = threads.getCurrentThreadCpuTime();
            System.out.printf("round %d answer %6.1f ns CPU per request%n", round, (after - before) / (double) n);
            before = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n / 10; i++) {
                recorder.record(keys[i % keys.length], "POST", "/v1/appointments", create, "req_2", now, invalid);
            }
            after = threads.getCurrentThreadCpuTime();
            System.out.printf("round %d break  %6.1f ns CPU per request%n", round, (after - before) / (double) (n / 10));
        }
    }
}
