package com.clinikapi.contract.suite.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A minimal HTTP/1.1 exchange over a plain socket, for the requests {@code java.net.http} refuses to
 * send: a target that is not a valid URI (a broken percent escape, say), or a body framed by hand. Servers must survive
 * those too. One request per connection ({@code Connection: close}), read to the end while it is
 * written.
 */
final class RawHttp {

    /** What came back. */
    record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    private RawHttp() {
    }

    /** @param chunked whether {@code body} is already in chunked encoding (and the headers say so) */
    static Answer exchange(String baseUrl, String method, String rawTarget, List<ApiCall.Header> headers, byte[] body,
                           boolean chunked, int timeoutMillis) throws IOException {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(timeoutMillis);
            // Read while writing, as HTTP clients do: a server may answer before the whole body is sent
            // (a refusal that needs no body) and close; the answer is read before that close resets
            // the connection, rather than lost with the write's "broken pipe".
            FutureTask<byte[]> answer = new FutureTask<>(() -> readUntilClosed(socket.getInputStream()));
            Thread reader = new Thread(answer, "raw-http-reader");
            reader.setDaemon(true);
            reader.start();
            IOException writeFailure = null;
            try {
                write(socket.getOutputStream(), base, method, rawTarget, headers, body, chunked);
            } catch (IOException e) {
                writeFailure = e;
            }
            byte[] received = await(answer, timeoutMillis);
            try {
                return parse(received, method.equals("HEAD"));
            } catch (IOException noAnswer) {
                if (writeFailure != null) {
                    writeFailure.addSuppressed(noAnswer);
                    throw writeFailure;
                }
                throw noAnswer;
            }
        }
    }

    private static void write(OutputStream out, URI base, String method, String rawTarget, List<ApiCall.Header> headers,
                              byte[] body, boolean chunked) throws IOException {
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(rawTarget).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        for (ApiCall.Header header : headers) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        if (body != null && !chunked) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    /** Everything received until the server closes; a reset after some bytes ends it too (parse judges them). */
    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                received.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (received.size() == 0) {
                throw e;
            }
        }
        return received.toByteArray();
    }

    private static byte[] await(FutureTask<byte[]> answer, int timeoutMillis) throws IOException {
        try {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no answer within " + timeoutMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the answer", e);
        }
    }

    private static Answer parse(byte[] raw, boolean head) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IOException("the connection closed before a complete response head (" + raw.length + " bytes)");
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + lines[0]);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = head ? new byte[0] : java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        Optional<String> length = headers.getOrDefault("Content-Length", List.of()).stream().findFirst();
        if (!head && length.isPresent() && body.length < Long.parseLong(length.get())) {
            throw new IOException("the connection closed after " + body.length + " of " + length.get() + " body bytes");
        }
        boolean chunked = headers.getOrDefault("Transfer-Encoding", List.of()).stream()
                .anyMatch(v -> v.equalsIgnoreCase("chunked"));
        return new Answer(Integer.parseInt(statusLine[1]), HttpHeaders.of(headers, (n, v) -> true),
                chunked ? dechunk(body) : body);
    }

    private static byte[] dechunk(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(body);
        while (true) {
            StringBuilder sizeLine = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    sizeLine.append((char) c);
                }
            }
            int size = Integer.parseInt(sizeLine.toString().split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            in.skip(2);
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
