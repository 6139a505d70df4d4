package com.clinikapi.contract.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The interactive reference docs, as the service and the mock both serve them, without a key:
 * <ul>
 *   <li>{@value #SPEC_PATH}: the spec exactly as packaged ({@value #SPEC_MEDIA_TYPE});</li>
 *   <li>{@value #DOCS_PATH} (and {@code /docs/}): Swagger UI, from the {@code org.webjars:swagger-ui}
 *   jar on the class path, rendering {@code /docs/openapi.yaml}, the same spec with the serving origin
 *   as its one server ({@link DocsSpec}), so that "Try it out" reaches the server that served the
 *   page;</li>
 *   <li>the page's own files under {@code /docs/}: its initializer, and Swagger UI's files under a
 *   path that names their version, cached for a year since that path never changes content.</li>
 * </ul>
 * Every answer carries the same security headers: a Content-Security-Policy that lets Swagger UI run
 * from this origin only (its React styles need {@code 'unsafe-inline'} for styles, its icons
 * {@code data:} images; scripts only from {@code 'self'}, calls only to {@code 'self'}), no framing,
 * no sniffing, no referrer. Nothing here grants CORS. Plain Java: the service's Netty and the mock's
 * Jetty only send what {@link #answer} returns.
 */
public final class ReferenceDocs {

    public static final String SPEC_PATH = "/openapi.yaml";
    public static final String DOCS_PATH = "/docs";
    /**
     * YAML's registered media type (RFC 9512). Swagger UI reads any {@code …yaml…} type as text and
     * parses it; {@code application/vnd.oai.openapi} it would take for a binary download.
     */
    public static final String SPEC_MEDIA_TYPE = "application/yaml";
    /** The methods the docs answer; any other on their paths is 405. */
    public static final List<String> METHODS = List.of("GET", "HEAD");

    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CACHE_CONTROL = "Cache-Control";
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** Sent with every answer of the docs (the API's stricter set is each target's own). */
    public static final Map<String, String> SECURITY_HEADERS = orderedMap(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cross-Origin-Resource-Policy", "same-origin");

    /** Files whose content can change with a release: kept, but checked again before each use. */
    static final String REVALIDATE = "no-cache";
    /** Swagger UI's files: their path names the version, so a path's content never changes. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static final String DOCS_PREFIX = DOCS_PATH + "/";
    private static final String DOCS_SPEC_PATH = DOCS_PREFIX + "openapi.yaml";
    private static final String INITIALIZER_PATH = DOCS_PREFIX + "swagger-initializer.js";
    private static final String ASSETS_PREFIX = DOCS_PREFIX + "swagger-ui/";

    private final SwaggerUiWebjar swaggerUi;
    private final String assetsPath;
    private final DocsAnswer spec;
    private final DocsAnswer docsSpec;
    private final DocsAnswer page;
    private final DocsAnswer initializer;

    private ReferenceDocs(SwaggerUiWebjar swaggerUi, String specText, String serverDescription) {
        this.swaggerUi = swaggerUi;
        this.assetsPath = ASSETS_PREFIX + swaggerUi.version();
        this.spec = answer(SPEC_MEDIA_TYPE, REVALIDATE, utf8(specText));
        this.docsSpec = answer(SPEC_MEDIA_TYPE, REVALIDATE, utf8(DocsSpec.withServingOrigin(specText, serverDescription)));
        this.page = answer("text/html; charset=utf-8", REVALIDATE,
                utf8(resource("index.html").replace("{{assets}}", assetsPath)));
        this.initializer = answer("text/javascript; charset=utf-8", REVALIDATE, utf8(resource("swagger-initializer.js")));
    }

    /**
     * @param specText          the spec this server serves, as packaged
     * @param serverDescription what the page says about this server in its server list (e.g. which keys it takes)
     * @throws IllegalStateException if {@code org.webjars:swagger-ui} is not on the class path
     */
    public static ReferenceDocs of(String specText, String serverDescription) {
        return new ReferenceDocs(SwaggerUiWebjar.onClassPath(), specText, serverDescription);
    }

    /** Whether the path is the docs' (served without a key); says nothing of whether the file exists. */
    public static boolean serves(String path) {
        return SPEC_PATH.equals(path) || DOCS_PATH.equals(path) || path.startsWith(DOCS_PREFIX);
    }

    /** The answer to a GET (or HEAD) of this path, or empty if the docs have no such file (404). */
    public Optional<DocsAnswer> answer(String path) {
        return switch (path) {
            case SPEC_PATH -> Optional.of(spec);
            case DOCS_PATH, DOCS_PREFIX -> Optional.of(page);
            case DOCS_SPEC_PATH -> Optional.of(docsSpec);
            case INITIALIZER_PATH -> Optional.of(initializer);
            default -> asset(path);
        };
    }

    /** Where the page loads Swagger UI's files from: {@code /docs/swagger-ui/<version>}. */
    public String assetsPath() {
        return assetsPath;
    }

    private Optional<DocsAnswer> asset(String path) {
        if (!path.startsWith(assetsPath + "/")) {
            return Optional.empty();
        }
        String name = path.substring(assetsPath.length() + 1);
        return swaggerUi.file(name).map(bytes -> answer(mediaTypeOf(name), IMMUTABLE, bytes));
    }

    static String mediaTypeOf(String fileName) {
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1);
        return switch (extension) {
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "html" -> "text/html; charset=utf-8";
            case "png" -> "image/png";
            case "txt" -> "text/plain; charset=utf-8";
            default -> "application/octet-stream";
        };
    }

    private static DocsAnswer answer(String contentType, String cacheControl, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CONTENT_TYPE, contentType);
        headers.put(CACHE_CONTROL, cacheControl);
        headers.putAll(SECURITY_HEADERS);
        return new DocsAnswer(headers, body);
    }

    private static String resource(String name) {
        String location = "clinikapi/docs/" + name;
        try (InputStream in = ReferenceDocs.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException(location + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> orderedMap(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
