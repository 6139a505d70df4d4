package com.clinikapi.mock.spec;

import io.swagger.v3.oas.models.media.Schema;

import java.util.Map;
import java.util.Optional;

/** Walks a resolved schema along JSON pointers, as validators and documents need. */
public final class SchemaPaths {

    private SchemaPaths() {
    }

    /** The sub-schema at a schema pointer such as {@code /properties/requestedPeriod/items}. */
    public static Optional<Schema<?>> at(Schema<?> root, String schemaPointer) {
        Schema<?> current = root;
        String[] segments = segments(schemaPointer);
        for (int i = 0; i < segments.length && current != null; i++) {
            String segment = segments[i];
            if ("properties".equals(segment) && i + 1 < segments.length) {
                current = properties(current).get(segments[++i]);
            } else if ("items".equals(segment)) {
                current = current.getItems();
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(current);
    }

    /** The property schemas of an object schema; empty for anything else. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Map<String, Schema<?>> properties(Schema<?> schema) {
        Map properties = schema == null ? null : schema.getProperties();
        return properties == null ? Map.of() : (Map<String, Schema<?>>) properties;
    }

    /** The decoded segments of a JSON pointer; none for the root. */
    public static String[] segments(String pointer) {
        if (pointer == null || pointer.isEmpty() || "/".equals(pointer)) {
            return new String[0];
        }
        String[] raw = pointer.substring(1).split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = raw[i].replace("~1", "/").replace("~0", "~");
        }
        return raw;
    }
}
