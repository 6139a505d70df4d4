package com.clinikapi.contract.docs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec as the docs page renders it: the packaged text with its top-level {@code servers} list
 * replaced by one relative server, {@code /}, which a browser resolves against the URL it loaded
 * the spec from. "Try it out" thus calls whichever origin served the page (the service on 8080, a
 * mock on any port, a deployment behind any host name) without trusting a {@code Host} header.
 * Everything else stays byte for byte as written, so the page documents exactly the raw spec
 * served at {@code /openapi.yaml}.
 */
final class DocsSpec {

    /** The {@code servers:} line and every line after it that is indented, a comment or blank. */
    private static final Pattern SERVERS = Pattern.compile("(?m)^servers:[ \\t]*\\r?\\n(?:(?:[ \\t#].*)?\\r?\\n)*");

    private DocsSpec() {
    }

    /**
     * @param description what the page's server list says about the one server, e.g. which keys it takes
     */
    static String withServingOrigin(String spec, String description) {
        String servers = "servers:\n  - url: /\n    description: " + quoted(description) + "\n";
        Matcher existing = SERVERS.matcher(spec);
        if (existing.find()) {
            return spec.substring(0, existing.start()) + servers + spec.substring(existing.end());
        }
        return spec + (spec.endsWith("\n") ? "" : "\n") + servers;
    }

    /** A YAML double-quoted scalar (JSON's string syntax, which YAML accepts). */
    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
