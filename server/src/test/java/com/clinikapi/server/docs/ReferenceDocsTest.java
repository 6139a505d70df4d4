package com.clinikapi.server.docs;

import com.clinikapi.contract.ApiSpec;
import com.clinikapi.contract.docs.ReferenceDocs;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference docs at /docs and the raw spec at /openapi.yaml: no key, the docs' own security
 * headers and caching; /v1 keeps its key check and its strict policy. The database plays no part,
 * so this runs on H2 only.
 */
class ReferenceDocsTest extends ApiTest {

    ReferenceDocsTest() {
        super(Database.H2);
    }

    @Nested
    class RawSpec {

        @Test
        void isTheSpecExactlyAsPackagedWithoutAKey() {
            // when
            ApiResponse spec = api.get("/openapi.yaml").withoutKey().send();

            // then
            assertThat(spec.status()).isEqualTo(200);
            assertThat(spec.body()).isEqualTo(ApiSpec.text());
            assertThat(spec.header("Content-Length")).contains(
                    Integer.toString(ApiSpec.text().getBytes(StandardCharsets.UTF_8).length));
            assertThat(spec.contentType()).isEqualTo("application/yaml");
            assertThat(spec.header("Cache-Control")).contains("no-cache");
        }

        @Test
        void isServedWhateverTheClientAccepts() {
            // when
            ApiResponse spec = api.get("/openapi.yaml").withoutKey().accept("application/yaml").send();

            // then
            assertThat(spec.status()).isEqualTo(200);
            assertThat(spec.contentType()).isEqualTo("application/yaml");
        }
    }

    @Nested
    class Page {

        @ParameterizedTest
        @ValueSource(strings = {"/docs", "/docs/"})
        void isServedWithoutAKeyUnderThePolicyOfTheDocs(String path) {
            // when
            ApiResponse page = api.get(path).withoutKey().accept("text/html").send();

            // then
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(page.body()).contains("swagger-ui-bundle.js");
            assertThat(page.headers().allValues("Content-Security-Policy")).containsExactly(ReferenceDocs.CONTENT_SECURITY_POLICY);
            assertThat(page.headers().allValues("Cache-Control")).containsExactly("no-cache");
            assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(page.header("X-Frame-Options")).contains("DENY");
            assertThat(page.header("Access-Control-Allow-Origin")).isEmpty();
        }

        @Test
        void rendersTheSpecWithThisServiceAsItsOnlyServer() {
            // when
            ApiResponse spec = api.get("/docs/openapi.yaml").withoutKey().send();

            // then
            assertThat(spec.status()).isEqualTo(200);
            assertThat(spec.body()).contains("servers:\n  - url: /\n    description: \"This service.")
                    .doesNotContain("http://localhost:8080");
        }

        @Test
        void swaggerUiFilesAreCachedForAYear() {
            // given
            String page = api.get("/docs").withoutKey().send().body();
            String bundle = page.replaceAll("(?s).*src=\"([^\"]+swagger-ui-bundle\\.js)\".*", "$1");

            // when
            ApiResponse script = api.get(bundle).withoutKey().header("Accept", "*/*").send();

            // then
            assertThat(script.status()).isEqualTo(200);
            assertThat(script.contentType()).isEqualTo("text/javascript; charset=utf-8");
            assertThat(script.headers().allValues("Cache-Control")).containsExactly("public, max-age=31536000, immutable");
        }

        @Test
        void headAnswersTheHeadersOfTheGet() {
            // when
            ApiResponse head = api.method("HEAD", "/docs").withoutKey().send();

            // then
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.header("Content-Security-Policy")).contains(ReferenceDocs.CONTENT_SECURITY_POLICY);
        }
    }

    @Nested
    class Refusals {

        @Test
        void anUnknownDocsFileIsTheUsual404UnderTheApiPolicy() {
            // when
            ApiResponse missing = api.get("/docs/no-such-file.js").withoutKey().send();

            // then
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.text("code")).isEqualTo("NOT_FOUND");
            assertThat(missing.header("Content-Security-Policy")).contains("default-src 'none'; frame-ancestors 'none'");
        }

        @Test
        void otherMethodsAre405() {
            // when
            ApiResponse post = api.post("/docs", "x").withoutKey().send();

            // then
            assertThat(post.status()).isEqualTo(405);
            assertThat(post.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        }

        @Test
        void theApiStillNeedsAKeyAndKeepsItsStrictPolicy() {
            // when
            ApiResponse keyless = api.post("/v1/appointments", Bodies.booked(uniquePatient())).withoutKey().send();

            // then
            assertThat(keyless.status()).isEqualTo(401);
            assertThat(keyless.header("Content-Security-Policy")).contains("default-src 'none'; frame-ancestors 'none'");
            assertThat(keyless.header("Cache-Control")).contains("no-store");
            assertThat(api.get("/v1/docs").withoutKey().send().status()).isEqualTo(401);
        }
    }
}
