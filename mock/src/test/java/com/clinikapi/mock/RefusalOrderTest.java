package com.clinikapi.mock;

import com.clinikapi.contract.ApiLimits;
import com.clinikapi.mock.auth.ReservedKeys;
import com.clinikapi.mock.junit.ClinikMockExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mock refuses a request for the first reason the service would, whatever the transport found
 * wrong with it: an oversized POST or PATCH body under {@code /v1/}, then the key, its rate limit and
 * its scope, then a path or query that does not decode, then the route, the body and the schema.
 * Each case here was answered differently by the service (as tried against it with curl) before the
 * order was decided in one place.
 */
class RefusalOrderTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    @Nested
    class UndecodableUri {

        @ParameterizedTest
        @ValueSource(strings = {"/v1/appointments?%ZZ=1", "/v1/appointments?patientId=%", "/v1/appointments/%ZZ",
                "/v1/appointments/a%", "/v1/nothing?%ZZ=1"})
        void isUnauthorizedWithoutAKey(String target) throws IOException {
            String answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 401").contains("\"code\":\"UNAUTHORIZED\"");
        }

        @Test
        void isForbiddenToAKeyWithoutTheScope() throws IOException {
            String answer = send("DELETE /v1/appointments/appt_1?%ZZ=1 HTTP/1.1\r\nHost: localhost\r\nx-api-key: "
                    + ReservedKeys.READ_ONLY + "\r\nConnection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 403").contains("\"code\":\"INSUFFICIENT_SCOPE\"");
        }

        @Test
        void isRateLimitedForAKeyPastItsLimit() throws IOException {
            String answer = send("GET /v1/appointments?%ZZ=1 HTTP/1.1\r\nHost: localhost\r\nx-api-key: "
                    + ReservedKeys.RATE_LIMITED + "\r\nConnection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 429").containsIgnoringCase("Retry-After:");
        }

        /** As on the service: the request passed the key check, so it counts and its error carries meta. */
        @Test
        void countsAgainstTheKeysRateLimitOnceTheKeyIsChecked() throws IOException {
            String key = ClinikMockExtension.newApiKey();

            String answer = send("GET /v1/appointments?%ZZ=1 HTTP/1.1\r\nHost: localhost\r\nx-api-key: " + key
                    + "\r\nConnection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 400").contains("\"code\":\"INVALID_PARAMETER\"", "\"meta\":")
                    .containsPattern("(?i)X-RateLimit-Remaining: \\d+");
        }

        @Test
        void isRefusedBeforeTheRouteIsLookedUp() throws IOException {
            String answer = send("PUT /v1/appointments?%ZZ=1 HTTP/1.1\r\nHost: localhost\r\nx-api-key: "
                    + ClinikMockExtension.newApiKey() + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 400").contains("\"code\":\"INVALID_PARAMETER\"");
        }
    }

    @Nested
    class OversizedBody {

        /** The service reads every POST and PATCH body under /v1/ before its key filter, route or not. */
        @ParameterizedTest
        @ValueSource(strings = {"POST /v1/nothing", "PATCH /v1/appointments", "POST /v1/appointments/appt_1",
                "POST /v1/appointments?%ZZ=1"})
        void isTooLargeBeforeTheKeyWhereverTheServiceReadsIt(String request) throws IOException {
            String answer = send(request + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (ApiLimits.MAX_BODY_BYTES + 1) + "\r\nConnection: close\r\n\r\n"
                    + "x".repeat(ApiLimits.MAX_BODY_BYTES + 1));

            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"PUT /v1/appointments", "DELETE /v1/appointments/appt_1"})
        void isIgnoredByAMethodWithoutABodyAndTheKeyComesFirst(String request) throws IOException {
            String answer = send(request + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (ApiLimits.MAX_BODY_BYTES + 1) + "\r\nConnection: close\r\n\r\n"
                    + "x".repeat(ApiLimits.MAX_BODY_BYTES + 1));

            assertThat(answer).startsWith("HTTP/1.1 401");
        }
    }

    /** Sends bytes no HTTP client library would send, and reads the whole answer. */
    private static String send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", mock.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
