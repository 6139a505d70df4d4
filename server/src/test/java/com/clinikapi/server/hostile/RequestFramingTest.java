package com.clinikapi.server.hostile;

import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.TestKeys;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request framed two ways ({@code Transfer-Encoding: chunked} and {@code Content-Length}) is how
 * requests are smuggled past a proxy that frames by length: RFC 9112 §6.1 requires the server to
 * close the connection after it. Bound: one answer, {@code 400}, then the connection is closed
 * within {@link #CLOSE_WITHIN_MS}; the request hidden in the body is never served.
 */
abstract class RequestFramingTest extends ApiTest {

    private static final int CLOSE_WITHIN_MS = 5_000;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

    RequestFramingTest(Database database) {
        super(database);
    }

    static class OnH2 extends RequestFramingTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends RequestFramingTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    @Test
    void aRequestFramedTwoWaysIsRefusedAndTheConnectionClosed() throws IOException {
        // given: a body that a length-framing proxy would forward whole, hiding a second request
        String smuggled = "GET /v1/appointments?count=1 HTTP/1.1\r\nHost: localhost\r\nx-api-key: " + TestKeys.DEV_TEST
                + "\r\n\r\n";
        String body = "0\r\n\r\n" + smuggled;
        String request = "POST /v1/appointments HTTP/1.1\r\nHost: localhost\r\nx-api-key: " + TestKeys.DEV_TEST
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body;

        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(CLOSE_WITHIN_MS);

            // when
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String received = readUntilClosed(socket.getInputStream());

            // then
            Matcher statuses = STATUS_LINE.matcher(received);
            assertThat(statuses.find()).as(received).isTrue();
            assertThat(statuses.group(1)).isEqualTo("400");
            assertThat(statuses.find()).as("a second answer: the smuggled request was served").isFalse();
            JsonNode error = json().readValue(received.substring(received.indexOf("\r\n\r\n") + 4), JsonNode.class);
            assertThat(error.get("code").getStringValue()).isEqualTo("INVALID_PARAMETER");
            assertThat(error.get("issues").get(0).get("diagnostics").getStringValue()).startsWith("headers:");
            assertThat(received.toLowerCase()).contains("connection: close");
        }
    }

    /** Everything the server sends until it closes the connection; fails if it keeps it open. */
    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            in.transferTo(out);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection was still open after " + CLOSE_WITHIN_MS + " ms; received: "
                    + out.toString(StandardCharsets.ISO_8859_1), e);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private JsonMapper json() {
        return context().getBean(JsonMapper.class);
    }
}
