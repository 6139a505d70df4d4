package com.clinikapi.mock;

import com.clinikapi.contract.ApiLimits;
import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the HTTP layer cannot decode are still answered in the API's format, with a request id,
 * never with an HTML page that quotes them.
 */
class MalformedRequestTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"?%ZZ=1", "?patientId=%", "?patientId=%G1", "?count=1&cursor=%zz"})
    void refusesABrokenPercentEscapeInTheQuery(String query) throws IOException {
        String answer = rawRequest("GET /v1/appointments" + query + " HTTP/1.1\r\nHost: localhost\r\nx-api-key: "
                + api.apiKey() + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("X-Request-Id: req_");
        assertThat(answer).contains("\"code\":\"INVALID_PARAMETER\"", "query: must be percent-encoded UTF-8");
        assertThat(answer).doesNotContain("<html", "Exception");
    }

    @Test
    void answersABrokenQueryInTheClientsMediaType() throws IOException {
        String answer = rawRequest("GET /v1/appointments?%ZZ=1 HTTP/1.1\r\nHost: localhost\r\nx-api-key: "
                + api.apiKey() + "\r\nAccept: application/fhir+json\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/fhir+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%ZZ", "%00", "a%"})
    void answersABrokenPathInTheClientsMediaType(String id) throws IOException {
        String answer = rawRequest("GET /v1/appointments/" + id + " HTTP/1.1\r\nHost: localhost\r\nx-api-key: "
                + api.apiKey() + "\r\nAccept: application/fhir+json\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/fhir+json")
                .contains("INVALID_PARAMETER").doesNotContain(id);
    }

    @Test
    void ignoresAClientSentPathMarker() throws IOException {
        String answer = rawRequest("GET /v1/appointments?patientId=pat_1 HTTP/1.1\r\nHost: localhost\r\nx-api-key: "
                + api.apiKey() + "\r\nX-Clinikapi-Transport: undecodable_path,undecodable_query,body_too_large\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200");
    }

    @Test
    void ignoresABrokenQueryOutsideTheApi() throws IOException {
        String answer = rawRequest("GET /health?%ZZ=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"status\":\"UP\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%ZZ", "%00", "a%"})
    void refusesABrokenPercentEscapeInThePath(String id) throws IOException {
        String answer = rawRequest("GET /v1/appointments/" + id + " HTTP/1.1\r\nHost: localhost\r\nx-api-key: "
                + api.apiKey() + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("X-Request-Id: req_");
        assertThat(answer).contains("\"code\":\"INVALID_PARAMETER\"", "path: must be a valid percent-encoded URL path");
        assertThat(answer).doesNotContain("<html", id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a ,", "b=2; a ,", "a ;b", "a=1; a=2", "=x", "a=\"x"})
    void servesARequestWhoseCookiesAreMalformed(String cookie) {
        Reply reply = api.send(api.request("/v1/appointments?patientId=pat_1").header("Cookie", cookie).GET());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void journalsAValuelessCookieWithAnEmptyValue() {
        api.send(api.request("/v1/appointments?patientId=pat_1").header("Cookie", "session ,").GET());

        assertThat(mock.getAllServeEvents()).singleElement()
                .satisfies(event -> assertThat(event.getRequest().getCookies()).containsKey("session")
                        .hasEntrySatisfying("session", value -> assertThat(value.getValue()).isEmpty()));
    }

    @Test
    void refusesARequestLineOverTheServicesLimitAndReadsOneAtIt() {
        String target = "/v1/appointments?patientId=pat_1&x=";
        String atTheLimit = target + "a".repeat(ApiLimits.MAX_REQUEST_LINE_BYTES - "GET  HTTP/1.1".length() - target.length());

        Reply over = api.send(api.request(atTheLimit + "a").GET());
        Reply at = api.send(api.request(atTheLimit).GET());

        assertThat(over.status()).isEqualTo(400);
        assertThat(over.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(over.diagnostics()).containsExactly("requestLine: must be at most 4096 bytes");
        assertThat(at.status()).as(at.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(ints = {9_000, 70_000})
    void refusesHeadersOverTheServicesLimitWith400(int size) {
        Reply reply = api.send(api.request("/v1/appointments?patientId=pat_1").header("X-Padding", "p".repeat(size)).GET());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(reply.diagnostics()).containsExactly("headers: must be at most 8192 bytes in total");
    }

    @Test
    void refusesAVeryLongRequestLineWith400() {
        Reply reply = api.send(api.request("/v1/appointments?patientId=" + "a".repeat(70_000)).GET());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.diagnostics()).containsExactly("requestLine: must be at most 4096 bytes");
    }

    @Test
    void declinesAnUpgradeToPlaintextHttp2AsTheServiceDoes() throws IOException {
        String answer = rawRequest("GET /v1/appointments?patientId=pat_1 HTTP/1.1\r\nHost: localhost\r\nx-api-key: "
                + api.apiKey() + "\r\nConnection: Upgrade, HTTP2-Settings, close\r\nUpgrade: h2c\r\n"
                + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200");
    }

    @Test
    void readsAGzipBody() {
        Reply reply = api.send(api.request("/v1/appointments").header("Content-Type", ApiClient.JSON)
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(gzip(Bodies.booked()))));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    /**
     * A small gzip body that inflates past 1 MiB (50 MB of zeros, about 50 KB sent) is 413 as the
     * service answers it, key or no key, and is never inflated whole.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void refusesABodyThatInflatesPastTheLimitAsTheServiceDoes(boolean withKey) {
        byte[] bomb = gzipOfZeros(50 * 1024 * 1024);
        ApiClient client = withKey ? api : new ApiClient(mock.baseUrl(), null);

        Reply reply = client.send(client.request("/v1/appointments").header("Content-Type", ApiClient.JSON)
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(bomb)));

        assertThat(bomb.length).isLessThan(ApiLimits.MAX_BODY_BYTES / 10);
        assertThat(reply.status()).as(reply.body()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void refusesABodyOverTheLimitBeforeTheKeyAsTheServiceDoes() {
        ApiClient keyless = new ApiClient(mock.baseUrl(), null);

        Reply reply = keyless.send(keyless.request("/v1/appointments").header("Content-Type", ApiClient.JSON)
                .POST(ApiClient.body("{\"comment\":\"" + "x".repeat(ApiLimits.MAX_BODY_BYTES) + "\"}")));

        assertThat(reply.status()).as(reply.body()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void ignoresAnOversizedBodyWhereNoBodyIsRead() {
        Reply search = api.send(api.request("/v1/appointments?patientId=pat_1").header("Content-Type", ApiClient.JSON)
                .header("Content-Encoding", "gzip").method("GET", HttpRequest.BodyPublishers.ofByteArray(gzipOfZeros(50 * 1024 * 1024))));

        assertThat(search.status()).as(search.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "x-gzip"})
    void refusesABodyThatIsNotEncodedAsDeclared(String encoding) {
        Reply reply = api.send(api.request("/v1/appointments").header("Content-Type", ApiClient.JSON)
                .header("Content-Encoding", encoding).POST(ApiClient.body(Bodies.booked())));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void refusesABodyThatStartsLikeGzipAndIsNot() {
        byte[] broken = {0x1f, (byte) 0x8b, 'n', 'o', 't', ' ', 'g', 'z', 'i', 'p'};
        Reply reply = api.send(api.request("/v1/appointments").header("Content-Type", ApiClient.JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(broken)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void refusesABrokenChunkedBodyAfterTheKey() throws IOException {
        String chunked = "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n";

        String withKey = rawRequest("POST /v1/appointments HTTP/1.1\r\nHost: localhost\r\nx-api-key: " + api.apiKey()
                + "\r\n" + chunked);
        String withoutKey = rawRequest("POST /v1/appointments HTTP/1.1\r\nHost: localhost\r\n" + chunked);

        assertThat(withKey).startsWith("HTTP/1.1 400").contains("\"code\":\"MALFORMED_JSON\"");
        assertThat(withoutKey).startsWith("HTTP/1.1 401");
    }

    @Test
    void ignoresABrokenChunkedBodyWhereNoBodyIsRead() throws IOException {
        String answer = rawRequest("GET /v1/appointments?patientId=pat_1 HTTP/1.1\r\nHost: localhost\r\nx-api-key: "
                + api.apiKey() + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200");
    }

    @Test
    void refusesAFormBodyAsAnUnsupportedMediaType() {
        Reply reply = api.send(api.request("/v1/appointments").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(ApiClient.body("a=%ZZ&patientId=JaneDoe")));

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void ignoresAFormBodyWhereNoBodyIsRead() {
        Reply reply = api.send(api.request("/v1/appointments/appt_missing")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method("DELETE", ApiClient.body("a=%ZZ")));

        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void refusesAnEmptyParameterValueByItsType() {
        assertThat(api.search("count=").diagnostics()).containsExactly("count: must be between 1 and 100");
        assertThat(api.search("count").diagnostics()).containsExactly("count: must be between 1 and 100");
        assertThat(api.search("dateFrom=").diagnostics()).containsExactly("dateFrom: must be a date (YYYY-MM-DD)");
        assertThat(api.search("status=").diagnostics()).containsExactly("status: must be one of the documented values");
    }

    @Test
    void refusesAVeryDeeplyNestedBody() {
        String nested = "{\"status\":\"booked\",\"patientId\":\"p1\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThat(api.create(nested).status()).isIn(400, 422);
    }

    private static byte[] gzipOfZeros(int length) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] zeros = new byte[64 * 1024];
            for (int written = 0; written < length; written += zeros.length) {
                gzip.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
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

    /** Sends bytes no HTTP client library would send, and reads the whole answer. */
    private static String rawRequest(String request) throws IOException {
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
