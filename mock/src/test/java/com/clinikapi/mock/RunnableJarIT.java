package com.clinikapi.mock;

import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded jar, as partners run it: {@code java -jar mock/target/clinikapi-mock.jar}. */
class RunnableJarIT {

    private static final Pattern SERVING = Pattern.compile("serving http://[^:]+:(\\d+)");

    private Process mock;

    @AfterEach
    void stop() throws InterruptedException {
        if (mock != null) {
            mock.destroy();
            mock.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theJarStartsOnTheRequestedPortAndServesTheApi() throws Exception {
        Path jar = Path.of("target", "clinikapi-mock.jar");
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        mock = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0").redirectErrorStream(true).start();

        int port = portFromBanner();
        ApiClient api = new ApiClient("http://localhost:" + port, "clk_test_runnable_jar");

        assertThat(api.send(api.request("/health").GET()).status()).isEqualTo(200);
        assertThat(api.create(Bodies.booked()).status()).isEqualTo(201);
        assertThat(api.create("{}").diagnostics()).containsExactly("status: is required", "patientId: is required");
    }

    private int portFromBanner() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        BufferedReader output = new BufferedReader(new InputStreamReader(mock.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while (Instant.now().isBefore(deadline) && (line = output.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher matcher = SERVING.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("the jar did not start:\n" + seen);
    }

}
