package com.clinikapi.contract.suite.coverage;

import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.Suite;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every target: merges their coverage records into {@code target/contract-coverage.md}
 * and {@code .json}, prints the report, and fails below 100 % of the documented 2xx/4xx pairs on the
 * gated targets (the service, or a deployment), pending pairs aside.
 */
class CoverageGateIT {

    @Test
    void everyDocumentedSuccessAndClientErrorIsExercisedOnTheGatedTargets() throws IOException {
        Set<String> gated = Arrays.stream(System.getProperty("contract.gatedTargets", "server-h2,server-postgres")
                .split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        Path out = Suite.outputDirectory();
        CoverageReport report = CoverageReport.fromRecords(out.resolve("contract-coverage"), gated);

        String markdown = report.markdown();
        Files.writeString(out.resolve("contract-coverage.md"), markdown);
        Files.writeString(out.resolve("contract-coverage.json"), Json.write(report.json()));
        System.out.println(markdown);

        assertThat(report.gateFailures()).as("coverage gate (see target/contract-coverage.md)").isEmpty();
    }
}
