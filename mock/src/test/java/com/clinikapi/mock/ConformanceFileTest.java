package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.OnlyInEngineTestKit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** After a partner's test class, the extension writes its conformance report as a file. */
class ConformanceFileTest {

    static final String MARKER = "JaneDoe1957";
    static final List<String> keysUsed = new CopyOnWriteArrayList<>();

    @TempDir
    Path reports;

    @Test
    void holdsEverySandboxOfTheRunWithARunWideSummaryAndNoValueOrKey() throws Exception {
        keysUsed.clear();
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(PartnerTests.class))
                .configurationParameter(OnlyInEngineTestKit.PARAMETER, "true")
                .configurationParameter(ClinikMockExtension.REPORT_DIRECTORY, reports.toString())
                .execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(3));

        Path file = reports.resolve(PartnerTests.class.getName() + ".json");
        String text = Files.readString(file);
        JsonNode report = new ObjectMapper().readTree(text);

        assertThat(text).doesNotContain(MARKER);
        assertThat(keysUsed).hasSize(3).allSatisfy(key -> assertThat(text).doesNotContain(key));
        assertThat(report.path("testClass").asText()).isEqualTo(PartnerTests.class.getName());
        assertThat(report.path("summary").path("contractBreaks").asInt()).isEqualTo(3);
        assertThat(report.path("summary").path("operationsCalled").asInt()).isEqualTo(3);
        assertThat(report.path("sandboxes")).extracting(sandbox -> sandbox.path("key").asText())
                .containsExactlyInAnyOrderElementsOf(keysUsed.stream().map(ClinikMockExtension::journalKey).toList());
        JsonNode priority = report.path("findings").get(0);
        assertThat(priority.path("operation").asText()).isEqualTo("createAppointment");
        assertThat(priority.path("issues").get(0).path("field").asText()).isEqualTo("priority");
        assertThat(priority.path("count").asInt()).isEqualTo(2);
        assertThat(report.path("withoutKey").path("findings").get(0).path("code").asText()).isEqualTo("UNAUTHORIZED");
        JsonNode create = ConformanceReportTest.operation(report, "createAppointment");
        assertThat(create.path("answered").path("201").asInt()).isEqualTo(1);
        assertThat(create.path("answered").path("422").asInt()).isEqualTo(2);
        assertThat(ConformanceReportTest.numbers(create.path("neverAnswered"))).contains(409).doesNotContain(201, 422);
    }

    /** A partner's suite: three tests, three keys, each sandbox forgotten when its test ends. */
    @ExtendWith(OnlyInEngineTestKit.class)
    static class PartnerTests {

        @RegisterExtension
        static ClinikMockExtension clinikApi = ClinikMockExtension.create();

        ApiClient partner() {
            String key = ClinikMockExtension.newApiKey();
            keysUsed.add(key);
            return new ApiClient(clinikApi.baseUrl(), key);
        }

        @Test
        void books() {
            ApiClient api = partner();
            api.read(api.createdId(Bodies.booked()));
        }

        @Test
        void sendsAPatientNameAsAPriority() {
            partner().create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"priority\": \"" + MARKER + "\"}");
        }

        @Test
        void sendsItTwiceAndForgetsTheKeyOnce() {
            ApiClient api = partner();
            api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"priority\": \"" + MARKER + "\"}");
            api.withKey(null).search("patientId=" + MARKER);
        }
    }
}
