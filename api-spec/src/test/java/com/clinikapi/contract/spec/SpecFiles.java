package com.clinikapi.contract.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The spec under work and the last released one, read from this module's folder. */
final class SpecFiles {

    static final Path CURRENT = Path.of("openapi.yaml");
    /** The last released contract. Replace it with the current spec when a version is released. */
    static final Path BASELINE = Path.of("baseline", "openapi.yaml");

    private SpecFiles() {
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, fully resolved model of the spec text: safe to mutate. */
    static OpenAPI parse(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        if (result.getOpenAPI() == null || !result.getMessages().isEmpty()) {
            throw new IllegalStateException("spec does not parse: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    static int majorVersion(OpenAPI api) {
        String version = api.getInfo().getVersion();
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }
}
