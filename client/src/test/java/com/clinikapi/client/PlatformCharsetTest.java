package com.clinikapi.client;

import com.clinikapi.client.model.Appointment;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON is UTF-8 whatever the JVM's default charset: on JDK 17 that default follows the platform
 * (windows-1252 on Windows, ASCII in a container without a locale). This module's tests run with
 * ISO-8859-1 as the default (see the POM) so that text outside ASCII proves it.
 */
class PlatformCharsetTest {

    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("{\"data\":{\"id\":\"appt_1\",\"status\":\"booked\",\"patientId\":\"pat_1\","
                    + "\"created\":\"2031-03-10T09:00:00Z\",\"updatedAt\":\"2031-03-10T09:00:00Z\",\"version\":1,"
                    + "\"comment\":\"Frau Müller, Zürich – 東京\"},"
                    + "\"meta\":{\"requestId\":\"req_1\",\"timestamp\":\"2031-03-10T09:00:00Z\",\"status\":200,"
                    + "\"rateLimitTotal\":10,\"rateLimitRemaining\":9,\"rateLimitReset\":60}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void readsTextOutsideAsciiWhateverTheDefaultCharset() throws Exception {
        assertThat(Charset.defaultCharset()).as("the POM's surefire argLine").isEqualTo(StandardCharsets.ISO_8859_1);
        ClinikApiClient client = ClinikApiClient.builder("http://localhost:" + server.getAddress().getPort(), "clk_test_unit").build();

        Appointment read = client.appointments().getAppointment("appt_1").getData();

        assertThat(read.getComment()).isEqualTo("Frau Müller, Zürich – 東京");
    }
}
