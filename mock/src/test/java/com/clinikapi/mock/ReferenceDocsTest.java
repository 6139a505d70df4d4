package com.clinikapi.mock;

import com.clinikapi.contract.ApiSpec;
import com.clinikapi.contract.docs.ReferenceDocs;
import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The interactive reference docs at /docs and the raw spec at /openapi.yaml: no key, their own headers. */
class ReferenceDocsTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    private final ApiClient keyless = new ApiClient(mock.baseUrl(), null);

    @Nested
    class RawSpec {

        @Test
        void isTheSpecByteForByteAsPackagedWithoutAKey() throws Exception {
            HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                    keyless.request("/openapi.yaml").GET().build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(packagedSpec());
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        }
    }

    @Nested
    class Page {

        @ParameterizedTest
        @ValueSource(strings = {"/docs", "/docs/"})
        void isServedWithoutAKeyUnderTheDocsPolicy(String path) {
            Reply page = keyless.send(keyless.request(path).GET());

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(page.body()).contains("swagger-ui-bundle.js");
            assertThat(page.header("Content-Security-Policy")).isEqualTo(ReferenceDocs.CONTENT_SECURITY_POLICY);
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.header("X-Request-Id")).startsWith("req_");
            assertThat(page.header("Access-Control-Allow-Origin")).isNull();
        }

        @Test
        void rendersTheSpecWithThisMockAsItsServerAndTheSandboxHint() {
            Reply spec = keyless.send(keyless.request("/docs/openapi.yaml").GET());

            assertThat(spec.status()).isEqualTo(200);
            assertThat(spec.body()).contains("servers:\n  - url: /\n    description: \"This mock. Any well-formed clk_test_")
                    .doesNotContain("http://localhost:8081");
        }

        @Test
        void swaggerUiFilesComeFromTheWebjarCachedForAYear() {
            String page = keyless.send(keyless.request("/docs").GET()).body();
            String bundle = page.replaceAll("(?s).*src=\"([^\"]+swagger-ui-bundle\\.js)\".*", "$1");

            Reply script = keyless.send(keyless.request(bundle).GET());

            assertThat(script.status()).isEqualTo(200);
            assertThat(script.contentType()).isEqualTo("text/javascript; charset=utf-8");
            assertThat(script.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        }

        @Test
        void headAnswersTheHeadersOnly() throws Exception {
            HttpResponse<String> head = keyless.sendRaw(keyless.request("/docs").method("HEAD", HttpRequest.BodyPublishers.noBody()));

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("Content-Security-Policy")).hasValue(ReferenceDocs.CONTENT_SECURITY_POLICY);
        }
    }

    @Nested
    class Refusals {

        @Test
        void anUnknownDocsFileIsTheUsual404() {
            Reply missing = keyless.send(keyless.request("/docs/no-such-file.js").GET());

            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.code()).isEqualTo("NOT_FOUND");
            assertThat(missing.header("Content-Security-Policy")).isNull();
        }

        @Test
        void otherMethodsAre405() {
            Reply post = keyless.send(keyless.request("/docs").POST(HttpRequest.BodyPublishers.ofString("x")));

            assertThat(post.status()).isEqualTo(405);
            assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
        }

        @Test
        void theApiStillNeedsAKey() {
            Reply keyless401 = keyless.send(keyless.request("/v1/appointments").header("Content-Type", "application/json")
                    .POST(ApiClient.body(Bodies.booked())));

            assertThat(keyless401.status()).isEqualTo(401);
            assertThat(keyless.send(keyless.request("/v1/docs").GET()).status()).isEqualTo(401);
        }
    }

    private static byte[] packagedSpec() throws IOException {
        try (InputStream in = ReferenceDocsTest.class.getClassLoader().getResourceAsStream(ApiSpec.CLASSPATH_LOCATION)) {
            return in.readAllBytes();
        }
    }
}
