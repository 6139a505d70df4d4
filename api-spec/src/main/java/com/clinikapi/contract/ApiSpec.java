package com.clinikapi.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where the OpenAPI contract lives at run time. Server, mock and contract tests read the spec from
 * this jar on the classpath, never through a relative file path, so each of them always sees the
 * spec version it was built against.
 */
public final class ApiSpec {

    /** Classpath location of {@code api-spec/openapi.yaml}. */
    public static final String CLASSPATH_LOCATION = "clinikapi/openapi.yaml";

    private ApiSpec() {
    }

    /** The spec's YAML text. */
    public static String text() {
        try (InputStream in = ApiSpec.class.getClassLoader().getResourceAsStream(CLASSPATH_LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_LOCATION + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
