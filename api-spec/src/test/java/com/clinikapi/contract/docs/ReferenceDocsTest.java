package com.clinikapi.contract.docs;

import com.clinikapi.contract.ApiSpec;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceDocsTest {

    private static final String DESCRIPTION = "This server: any \"clk_test_…\" key";
    private final ReferenceDocs docs = ReferenceDocs.of(ApiSpec.text(), DESCRIPTION);

    @Nested
    class RawSpec {

        @Test
        void isTheSpecExactlyAsPackaged() throws IOException {
            DocsAnswer answer = docs.answer(ReferenceDocs.SPEC_PATH).orElseThrow();

            assertThat(answer.body()).isEqualTo(packagedSpec());
            assertThat(answer.contentType()).isEqualTo("application/yaml");
            assertThat(answer.headers()).containsEntry(ReferenceDocs.CACHE_CONTROL, "no-cache");
        }
    }

    @Nested
    class SpecOfThePage {

        @Test
        void namesOnlyTheOriginThatServedIt() {
            OpenAPI rendered = parse(text(docs.answer("/docs/openapi.yaml").orElseThrow()));

            assertThat(rendered.getServers()).extracting(Server::getUrl).containsExactly("/");
            assertThat(rendered.getServers().get(0).getDescription()).isEqualTo(DESCRIPTION);
        }

        @Test
        void differsFromTheRawSpecOnlyInItsServers() {
            OpenAPI raw = parse(ApiSpec.text());
            OpenAPI rendered = parse(text(docs.answer("/docs/openapi.yaml").orElseThrow()));

            raw.setServers(null);
            rendered.setServers(null);
            assertThat(rendered).isEqualTo(raw);
        }

        @Test
        void addsTheServerToASpecThatListsNone() {
            String spec = "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\npaths: {}\n";

            String rendered = DocsSpec.withServingOrigin(spec, "here");

            assertThat(parse(rendered).getServers()).extracting(Server::getUrl).containsExactly("/");
        }
    }

    @Nested
    class Page {

        @ParameterizedTest
        @ValueSource(strings = {"/docs", "/docs/"})
        void loadsSwaggerUiFromThisOriginOnly(String path) {
            DocsAnswer page = docs.answer(path).orElseThrow();
            String html = text(page);

            assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(html).contains("src=\"" + docs.assetsPath() + "/swagger-ui-bundle.js\"")
                    .contains("src=\"/docs/swagger-initializer.js\"")
                    .doesNotContain("{{").doesNotContain("http:").doesNotContain("https:");
        }

        @Test
        void initializerRendersThePagesSpecWithoutTheValidatorBadge() {
            String script = text(docs.answer("/docs/swagger-initializer.js").orElseThrow());

            assertThat(script).contains("url: \"/docs/openapi.yaml\"").contains("validatorUrl: null")
                    .doesNotContain("petstore").doesNotContain("http");
        }

        @Test
        void swaggerUiFilesAreCachedForAYearUnderAVersionedPath() {
            DocsAnswer bundle = docs.answer(docs.assetsPath() + "/swagger-ui-bundle.js").orElseThrow();

            assertThat(docs.assetsPath()).matches("/docs/swagger-ui/\\d+\\.\\d+\\.\\d+");
            assertThat(bundle.contentType()).isEqualTo("text/javascript; charset=utf-8");
            assertThat(bundle.headers()).containsEntry(ReferenceDocs.CACHE_CONTROL, "public, max-age=31536000, immutable");
            assertThat(bundle.body().length).isGreaterThan(100_000);
            assertThat(docs.answer(docs.assetsPath() + "/swagger-ui.css").orElseThrow().contentType())
                    .isEqualTo("text/css; charset=utf-8");
            assertThat(docs.answer(docs.assetsPath() + "/favicon-32x32.png").orElseThrow().contentType())
                    .isEqualTo("image/png");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/docs/nothing-here", "/docs/swagger-ui/0.0.1/swagger-ui.css", "/docs/swagger-ui/",
                "/docs/swagger-ui/VERSION/../../../../clinikapi/openapi.yaml", "/docs/swagger-ui/VERSION/",
                "/docs/swagger-ui/VERSION/..%2Fswagger-ui.css", "/docs/swagger-ui/VERSION/sub/swagger-ui.css",
                "/docs/swagger-ui/VERSION/missing.js", "/docsx", "/openapi.yml"})
        void hasNoOtherFiles(String path) {
            String resolved = path.replace("/docs/swagger-ui/VERSION", docs.assetsPath());

            assertThat(docs.answer(resolved)).isEmpty();
        }
    }

    @Test
    void everyAnswerCarriesTheDocsSecurityHeaders() {
        for (String path : new String[] {"/docs", "/openapi.yaml", "/docs/openapi.yaml", "/docs/swagger-initializer.js",
                docs.assetsPath() + "/swagger-ui-bundle.js"}) {
            assertThat(docs.answer(path).orElseThrow().headers()).as(path)
                    .containsAllEntriesOf(ReferenceDocs.SECURITY_HEADERS);
        }
        assertThat(ReferenceDocs.CONTENT_SECURITY_POLICY).startsWith("default-src 'none'")
                .contains("script-src 'self';", "connect-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval").doesNotContain("*");
    }

    @Test
    void keyFreePathsAreTheDocsOnly() {
        assertThat(ReferenceDocs.serves("/docs")).isTrue();
        assertThat(ReferenceDocs.serves("/docs/anything")).isTrue();
        assertThat(ReferenceDocs.serves("/openapi.yaml")).isTrue();
        assertThat(ReferenceDocs.serves("/docsx")).isFalse();
        assertThat(ReferenceDocs.serves("/v1/docs")).isFalse();
        assertThat(ReferenceDocs.serves("/v1/appointments")).isFalse();
    }

    private static byte[] packagedSpec() throws IOException {
        try (InputStream in = ReferenceDocsTest.class.getClassLoader().getResourceAsStream(ApiSpec.CLASSPATH_LOCATION)) {
            return in.readAllBytes();
        }
    }

    private static String text(DocsAnswer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    private static OpenAPI parse(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        assertThat(result.getMessages()).isEmpty();
        return result.getOpenAPI();
    }
}
