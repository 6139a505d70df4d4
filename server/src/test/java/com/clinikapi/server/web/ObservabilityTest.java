package com.clinikapi.server.web;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.LogCapture;
import com.clinikapi.server.support.TestServers;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Structured logs carrying the request id, and Prometheus metrics on the management port. */
abstract class ObservabilityTest extends ApiTest {

    ObservabilityTest(Database database) {
        super(database);
    }

    static class OnH2 extends ObservabilityTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends ObservabilityTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    private static List<ILoggingEvent> linesOf(LogCapture logs, ApiResponse response) {
        String requestId = response.header("X-Request-Id").orElseThrow();
        return logs.events().stream().filter(e -> requestId.equals(e.getMDCPropertyMap().get("requestId"))).toList();
    }

    @Nested
    class Logs {

        @Test
        void logsEveryAnsweredRequestWithItsIdRouteStatusAndDuration() {
            try (LogCapture logs = new LogCapture()) {
                // when
                ApiResponse response = api.post("/v1/appointments", Bodies.booked(uniquePatient())).send();

                // then
                assertThat(linesOf(logs, response)).anySatisfy(line -> {
                    assertThat(line.getFormattedMessage()).isEqualTo("POST /v1/appointments answered 201");
                    assertThat(line.getKeyValuePairs()).extracting(kv -> kv.key)
                            .contains("method", "route", "status", "durationMs");
                });
            }
        }

        @Test
        void namesTheRouteNeverThePathOrTheQuery() {
            // given
            String id = createId(Bodies.proposed(uniquePatient()));

            try (LogCapture logs = new LogCapture()) {
                // when
                ApiResponse response = api.get("/v1/appointments/" + id + "?secret=pat_hidden").send();

                // then
                assertThat(linesOf(logs, response)).isNotEmpty()
                        .allSatisfy(line -> assertThat(line.getFormattedMessage()).doesNotContain(id, "pat_hidden"))
                        .anySatisfy(line -> assertThat(line.getFormattedMessage()).contains("/v1/appointments/{id}"));
            }
        }

        @Test
        void writesEachLineAsOneJsonObjectWithTheRequestIdAsTheServicesLogbackSays() throws Exception {
            try (LogCapture logs = new LogCapture()) {
                // given
                ApiResponse response = api.post("/v1/appointments", Bodies.proposed(uniquePatient())).send();
                ILoggingEvent access = linesOf(logs, response).get(0);

                // when
                String line = new String(productionJsonEncoder().encode(access));

                // then
                assertThat(line).endsWith("\n").doesNotContain("\n{");
                JsonNode json = server.getApplicationContext().getBean(JsonMapper.class).readValue(line, JsonNode.class);
                assertThat(json.get("requestId").getStringValue()).isEqualTo(response.header("X-Request-Id").orElseThrow());
                assertThat(json.get("status").getIntValue()).isEqualTo(201);
                assertThat(json.get("route").getStringValue()).isEqualTo("/v1/appointments");
                assertThat(json.get("level").getStringValue()).isEqualTo("INFO");
            }
        }

        /** The encoder of the "json" appender, configured from the service's own logback.xml. */
        @SuppressWarnings("unchecked")
        private ch.qos.logback.core.encoder.Encoder<ILoggingEvent> productionJsonEncoder() throws Exception {
            LoggerContext context = new LoggerContext();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(ObservabilityTest.class.getResource("/logback.xml"));
            OutputStreamAppender<ILoggingEvent> json = (OutputStreamAppender<ILoggingEvent>)
                    context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("json");
            return json.getEncoder();
        }
    }

    @Nested
    class Metrics {

        private String scrape() throws IOException, InterruptedException {
            URI uri = URI.create("http://localhost:" + TestServers.managementPort(server) + "/prometheus");
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }

        @Test
        void countsAndTimesRequestsPerRouteMethodAndStatus() throws Exception {
            // given
            api.post("/v1/appointments", Bodies.proposed(uniquePatient())).send();
            api.get("/v1/appointments/appt_nothere").send();

            // when
            String metrics = scrape();

            // then
            assertThat(metrics.lines()).anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                    && line.contains("method=\"POST\"") && line.contains("status=\"201\"") && line.contains("uri=\"/v1/appointments\""));
            assertThat(metrics.lines()).anyMatch(line -> line.startsWith("clinikapi_requests_seconds_count{")
                    && line.contains("operation=\"POST /v1/appointments\"") && line.contains("status=\"201\""));
            assertThat(metrics.lines()).anyMatch(line -> line.startsWith("clinikapi_requests_seconds_count{")
                    && line.contains("operation=\"GET /v1/appointments/{id}\"") && line.contains("status=\"404\""));
            assertThat(metrics.lines()).anyMatch(line -> line.startsWith("clinikapi_requests_seconds{")
                    && line.contains("operation=\"POST /v1/appointments\"") && line.contains("quantile=\"0.99\""));
        }

        @Test
        void reportsTheConnectionPool() throws Exception {
            // when
            String metrics = scrape();

            // then
            assertThat(metrics).contains("hikaricp_connections_active{", "hikaricp_connections_idle{",
                    "hikaricp_connections_pending{", "hikaricp_connections_max{", "hikaricp_connections_timeout_total{");
        }

        @Test
        void areNotServedOnTheApiPort() {
            // when
            ApiResponse response = api.get("/prometheus").withoutKey().send();

            // then
            assertThat(response.status()).isEqualTo(404);
        }
    }
}
