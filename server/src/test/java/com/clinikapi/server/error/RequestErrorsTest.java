package com.clinikapi.server.error;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.clinikapi.contract.ApiLimits;
import com.clinikapi.server.support.Api;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.LogCapture;
import com.clinikapi.server.support.Polling;
import com.clinikapi.server.support.RawHttp;
import com.clinikapi.server.support.TestKeys;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests the service refuses before any business logic: bad JSON, sizes, media types, routes. */
abstract class RequestErrorsTest extends ApiTest {

    RequestErrorsTest(Database database) {
        super(database);
    }

    static class OnH2 extends RequestErrorsTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends RequestErrorsTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A body of exactly {@code size} bytes whose comment fills it. */
    private static String bodyOfSize(int size) {
        String head = "{\"status\":\"proposed\",\"patientId\":\"pat_1\",\"comment\":\"";
        String tail = "\"}";
        return head + "x".repeat(size - head.length() - tail.length()) + tail;
    }

    @Nested
    class MalformedBodies {

        @ParameterizedTest
        @ValueSource(strings = {"{\"status\":\"booked\",", "status=booked", "{\"a\":1}}", "{\"a\":1} {\"b\":2}", "[]",
                "\"text\"", "42", "{\"status\":\"proposed\",\"patientId\":\"p\",\"status\":\"booked\"}"})
        void answers400MalformedJsonForABodyThatIsNotAJsonObject(String body) {
            // when
            ApiResponse response = api.post("/v1/appointments", body).send();

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text("code")).isEqualTo("MALFORMED_JSON");
            assertThat(response.diagnostics()).containsExactly("body: must be a well-formed JSON object");
            assertThat(response.text("issues[0].code")).isEqualTo("structure");
        }

        @Test
        void answers400ForAnEmptyBody() {
            // when
            ApiResponse response = api.post("/v1/appointments", "").send();

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text("code")).isEqualTo("MALFORMED_JSON");
            assertThat(response.diagnostics()).containsExactly("body: is required");
        }

        @Test
        void answers400ForAMalformedPatch() {
            // given
            String id = createId(Bodies.booked(uniquePatient()));

            // when
            ApiResponse response = api.patch("/v1/appointments/" + id, "{\"comment\":").send();

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text("code")).isEqualTo("MALFORMED_JSON");
        }
    }

    @Nested
    class CompressedBodies {

        @Test
        void readsAGzipBody() {
            // when
            ApiResponse response = api.post("/v1/appointments", "").body(gzip(Bodies.booked(uniquePatient())))
                    .header("Content-Encoding", "gzip").send();

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(201);
        }

        @ParameterizedTest
        @ValueSource(strings = {"gzip", "x-gzip", "deflate", "x-deflate", "snappy"})
        void answers400MalformedJsonForABodyThatIsNotEncodedAsDeclared(String encoding) {
            // when: plain JSON that says it is compressed
            ApiResponse response = api.post("/v1/appointments", Bodies.booked(uniquePatient()))
                    .header("Content-Encoding", encoding).send();

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.text("code")).isEqualTo("MALFORMED_JSON");
            assertThat(response.diagnostics()).singleElement().asString().startsWith("body: ");
        }
    }

    @Nested
    class ClientsThatHangUp {

        @Test
        void aBodyCutShortByTheClientIsNotTheServicesError() throws Exception {
            try (LogCapture logs = new LogCapture()) {
                // when: the client announces 1,000 bytes, sends 12 and closes
                try (Socket socket = new Socket(server.getHost(), server.getPort())) {
                    socket.getOutputStream().write(("POST /v1/appointments HTTP/1.1\r\nHost: localhost\r\n"
                            + "x-api-key: " + TestKeys.DEV_TEST + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 1000\r\n\r\n{\"status\":\"").getBytes(StandardCharsets.ISO_8859_1));
                    socket.getOutputStream().flush();
                }

                // then: the service notes it, without an error or a stack trace
                List<ILoggingEvent> noted = Polling.until(logs::events,
                        events -> events.stream().anyMatch(e -> e.getFormattedMessage().startsWith("Client closed")),
                        Duration.ofSeconds(10));
                assertThat(noted).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
            }
        }
    }

    /** Headers the API does not use, whatever their value, change nothing (Micronaut threw on some). */
    @Nested
    class UnusedHeaders {

        @ParameterizedTest
        @ValueSource(strings = {";", ",", ";;", ", ;", "en;q", "*", "xx-YY;q=0.1, ;"})
        void aMalformedAcceptLanguageIsIgnored(String value) {
            // given
            String id = createId(Bodies.proposed(uniquePatient()));

            // when
            ApiResponse read = api.get("/v1/appointments/" + id).header("Accept-Language", value).send();
            ApiResponse badId = api.get("/v1/appointments/bad%20id!").header("Accept-Language", value).send();
            ApiResponse badBody = api.post("/v1/appointments", "{\"status\":\"nonsense\"}")
                    .header("Accept-Language", value).send();
            ApiResponse delete = api.delete("/v1/appointments/" + id).header("Accept-Language", value).send();

            // then
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(badId.status()).as(badId.body()).isEqualTo(400);
            assertThat(badBody.status()).as(badBody.body()).isEqualTo(422);
            assertThat(delete.status()).as(delete.body()).isEqualTo(204);
        }
    }

    @Nested
    class UndecodableUris {

        @Test
        void answers400ForAPathThatDoesNotDecode() {
            // when
            RawHttp.Response response = RawHttp.send(server.getURI(), "GET /v1/appointments/%ZZ HTTP/1.1\r\n"
                    + "x-api-key: " + TestKeys.DEV_TEST + "\r\n");

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("\"code\":\"INVALID_PARAMETER\"");
        }

        @Test
        void checksTheKeyFirst() {
            // when
            RawHttp.Response response = RawHttp.send(server.getURI(), "GET /v1/appointments?%ZZ=1 HTTP/1.1\r\n");

            // then
            assertThat(response.status()).isEqualTo(401);
        }

        @Test
        void ignoresTheInternalMarkerWhenAClientSendsIt() {
            // when
            ApiResponse response = api.get("/v1/appointments?count=1").header("X-Clinikapi-Undecodable-Uri", "true").send();

            // then
            assertThat(response.status()).isEqualTo(200);
        }
    }

    @Nested
    class OversizedRequestHeads {

        @Test
        void answers400ForARequestLineOverTheLimit() {
            // when
            ApiResponse response = api.get("/v1/appointments?patientId=" + "a".repeat(9000)).send();

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text("code")).isEqualTo("INVALID_PARAMETER");
            assertThat(response.text("requestId")).matches("^req_[A-Za-z0-9_-]+$")
                    .isEqualTo(response.header("X-Request-Id").orElseThrow());
            assertThat(response.header("X-RateLimit-Limit")).isPresent();
            assertThat(response.diagnostics()).containsExactly("requestLine: must be at most 4096 bytes");
        }

        @Test
        void readsARequestLineJustUnderTheLimit() {
            // given: "GET " + target + " HTTP/1.1" is 4096 bytes
            String target = "/v1/appointments?patientId=pat_1&x=";
            target += "a".repeat(ApiLimits.MAX_REQUEST_LINE_BYTES - "GET  HTTP/1.1".length() - target.length());

            // when
            ApiResponse response = api.get(target).send();

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }

        @Test
        void answers400ForHeadersOverTheLimit() {
            // when
            ApiResponse response = api.get("/v1/appointments").header("X-Padding", "p".repeat(10_000)).send();

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text("code")).isEqualTo("INVALID_PARAMETER");
            assertThat(response.diagnostics()).containsExactly("headers: must be at most 8192 bytes in total");
        }
    }

    @Nested
    class PayloadTooLarge {

        @Test
        void refusesABodyOverOneMebibyteAnnouncedByContentLength() {
            // when
            ApiResponse response = api.post("/v1/appointments", bodyOfSize(ApiLimits.MAX_BODY_BYTES + 1)).send();

            // then
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.text("code")).isEqualTo("PAYLOAD_TOO_LARGE");
            assertThat(response.header("X-Request-Id")).isPresent();
        }

        @Test
        void refusesAChunkedBodyOverOneMebibyte() {
            // when
            ApiResponse response = api.post("/v1/appointments", bodyOfSize(2 * ApiLimits.MAX_BODY_BYTES)).chunked().send();

            // then
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.text("code")).isEqualTo("PAYLOAD_TOO_LARGE");
        }

        @Test
        void readsABodyOfExactlyOneMebibyte() {
            // when
            ApiResponse response = api.post("/v1/appointments", bodyOfSize(ApiLimits.MAX_BODY_BYTES)).send();

            // then the body was read and judged: its comment is too long, but it was not refused for size
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.diagnostics()).containsExactly("comment: must be at most 2000 characters");
        }
    }

    @Nested
    class UnsupportedMediaTypes {

        @ParameterizedTest
        @ValueSource(strings = {"text/plain", "application/xml", "application/merge-patch+json",
                "application/x-www-form-urlencoded"})
        void refusesACreateBodyOfAnotherType(String mediaType) {
            // when
            ApiResponse response = api.post("/v1/appointments", Bodies.proposed("pat_1")).contentType(mediaType).send();

            // then
            assertThat(response.status()).isEqualTo(415);
            assertThat(response.text("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }

        @Test
        void refusesAPatchBodyOfAnotherType() {
            // given
            String id = createId(Bodies.booked(uniquePatient()));

            // when
            ApiResponse response = api.patch("/v1/appointments/" + id, "{\"comment\":\"x\"}").contentType("text/plain").send();

            // then
            assertThat(response.status()).isEqualTo(415);
        }
    }

    @Nested
    class Routes {

        @Test
        void answers404InTheApiShapeForAnUnknownPath() {
            // when
            ApiResponse response = api.get("/v1/patients").send();

            // then
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.text("code")).isEqualTo("NOT_FOUND");
            assertThat(response.text("requestId")).isEqualTo(response.header("X-Request-Id").orElseThrow());
        }

        @Test
        void answers405WithAllowForAnUnsupportedMethod() {
            // when
            ApiResponse response = api.method("PUT", "/v1/appointments/appt_1").body("{}").send();

            // then
            assertThat(response.status()).isEqualTo(405);
            assertThat(response.header("Allow").orElseThrow()).contains("GET", "PATCH", "DELETE");
        }
    }

    @Nested
    class PatientDataIsNeverEchoed {

        private static final String MARKER = "JaneDoe1970";

        @Test
        void noErrorBodyHeaderOrLogLineContainsASubmittedValue() {
            // given requests that put a patient's name wherever a client can put a value
            String id = createId(Bodies.booked(uniquePatient()));
            List<Function<Api, Api.Call>> requests = List.of(
                    a -> a.post("/v1/appointments", "{\"status\":\"" + MARKER + "\",\"patientId\":\"p\"}"),
                    a -> a.post("/v1/appointments", "{\"status\":\"booked\",\"patientId\":\"p\",\"start\":\"" + MARKER + "\"}"),
                    a -> a.post("/v1/appointments", "{\"status\":\"booked\",\"patientId\":\"Mrs " + MARKER + "\"}"),
                    a -> a.post("/v1/appointments", "{\"status\":\"booked\",\"patientId\":{\"name\":\"" + MARKER + "\"}}"),
                    a -> a.post("/v1/appointments", "{\"status\":\"proposed\",\"patientId\":\"p\",\"priority\":\"" + MARKER + "\"}"),
                    a -> a.post("/v1/appointments", "{\"status\":\"proposed\",\"patientId\":\"p\",\"description\":\""
                            + (MARKER + " ").repeat(200) + "\"}"),
                    a -> a.post("/v1/appointments", "{\"status\":\"booked\",\"patientId\":\"p\",\"cancelationReason\":\""
                            + MARKER + "\"}"),
                    a -> a.post("/v1/appointments", "{\"status\":\"booked\",\"patientId\":\"" + MARKER),
                    a -> a.post("/v1/appointments", "{\"" + MARKER + "\":}"),
                    a -> a.post("/v1/appointments", bodyOfSize(ApiLimits.MAX_BODY_BYTES + 10).replace("xxxxxxxxxxx", MARKER)),
                    a -> a.post("/v1/appointments", Bodies.proposed("p")).contentType("application/" + MARKER),
                    a -> a.patch("/v1/appointments/" + id, "{\"status\":\"" + MARKER + "\"}"),
                    a -> a.patch("/v1/appointments/" + id, "{\"end\":\"" + MARKER + "\"}"),
                    a -> a.get("/v1/appointments/" + MARKER),
                    a -> a.get("/v1/appointments/Mrs%20" + MARKER),
                    a -> a.delete("/v1/appointments/" + MARKER),
                    a -> a.get("/v1/appointments?patientId=Mrs%20" + MARKER),
                    a -> a.get("/v1/appointments?dateFrom=" + MARKER),
                    a -> a.get("/v1/appointments?status=" + MARKER),
                    a -> a.get("/v1/appointments?sort=" + MARKER),
                    a -> a.get("/v1/appointments?count=" + MARKER),
                    a -> a.get("/v1/appointments?cursor=" + MARKER + "." + MARKER),
                    a -> a.get("/v1/" + MARKER),
                    a -> a.method("PUT", "/v1/appointments/" + MARKER).body("{}"),
                    a -> a.get("/v1/appointments").key(MARKER),
                    a -> a.get("/v1/appointments").key("clk_test_" + MARKER));

            // when
            List<ApiResponse> responses = new ArrayList<>();
            List<String> logLines;
            try (LogCapture logs = new LogCapture()) {
                requests.forEach(request -> responses.add(request.apply(api).send()));
                logLines = logs.lines();
            }

            // then
            assertThat(responses).allSatisfy(response -> {
                assertThat(response.status()).as(response.body()).isBetween(400, 499);
                assertThat(response.body()).doesNotContain(MARKER);
                assertThat(response.headers().map().toString()).doesNotContain(MARKER);
            });
            assertThat(logLines).noneMatch(line -> line.contains(MARKER));
        }
    }
}
