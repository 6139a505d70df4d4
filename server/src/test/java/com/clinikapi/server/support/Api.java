package com.clinikapi.server.support;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small HTTP client for the tests: real requests over loopback to a running service, with the dev
 * test key unless told otherwise, so each test states only what matters to it.
 */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final JsonMapper json;

    public Api(EmbeddedServer server) {
        this.base = server.getURI();
        this.json = server.getApplicationContext().getBean(JsonMapper.class);
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path, String body) {
        return new Call("POST", path).body(body);
    }

    public Call patch(String path, String body) {
        return new Call("PATCH", path).body(body);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public Call method(String method, String path) {
        return new Call(method, path);
    }

    /** One request being described; {@link #send()} sends it. */
    public final class Call {
        private final String method;
        private final String path;
        private final List<String[]> headers = new ArrayList<>();
        private String key = TestKeys.DEV_TEST;
        private byte[] body;
        private String contentType = "application/json";
        private boolean chunked;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call key(String apiKey) {
            this.key = apiKey;
            return this;
        }

        public Call withoutKey() {
            this.key = null;
            return this;
        }

        public Call header(String name, String value) {
            headers.add(new String[]{name, value});
            return this;
        }

        public Call accept(String mediaType) {
            return header("Accept", mediaType);
        }

        public Call contentType(String mediaType) {
            this.contentType = mediaType;
            return this;
        }

        public Call body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        public Call body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        /** Send the body with chunked transfer encoding, without announcing its length. */
        public Call chunked() {
            this.chunked = true;
            return this;
        }

        public ApiResponse send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
            if (key != null) {
                request.header("x-api-key", key);
            }
            if (body != null && contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(h -> request.header(h[0], h[1]));
            request.method(method, publisher());
            try {
                HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new ApiResponse(response.statusCode(), response.headers(),
                        new String(response.body(), StandardCharsets.UTF_8), json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private HttpRequest.BodyPublisher publisher() {
            if (body == null) {
                return HttpRequest.BodyPublishers.noBody();
            }
            byte[] bytes = body;
            return chunked
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                    : HttpRequest.BodyPublishers.ofByteArray(bytes);
        }
    }
}
