package com.clinikapi.contract.suite.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.oas.models.media.Schema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every single-constraint break a schema allows: a required property removed, null where null is not
 * allowed, an unknown enum value, too long, too short, outside the pattern, outside the range, a bad
 * date-time, a wrong JSON type, too many items; nested into array items. Derived from the schema, so
 * a new constraint in the spec is broken by the next run without a code change.
 */
public final class ConstraintBreaks {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> BAD_DATE_TIMES = List.of("tomorrow", "2031-02-30T09:00:00Z",
            "2031-03-10T25:00:00Z", "2031-03-10T09:00:00", "2031-03-10", "1700000000", "", "2031-03-10T09:00:00+25:00",
            "10/03/2031 09:00");
    private static final List<String> BAD_DATES = List.of("2031-02-30", "2031-13-01", "yesterday", "2031-3-1",
            "2031-03-10T00:00:00Z", "", "20310310");

    private ConstraintBreaks() {
    }

    /** The breaks of an object schema's properties; {@code prefix} names nested fields ({@code requestedPeriod[0].}). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static List<ConstraintBreak> of(Schema objectSchema) {
        List<ConstraintBreak> breaks = new ArrayList<>();
        if (objectSchema.getMinProperties() != null && objectSchema.getMinProperties() > 0) {
            breaks.add(new ConstraintBreak("body", List.of(), "minProperties",
                    Arbitraries.just(Optional.of((JsonNode) NODES.objectNode()))));
        }
        collect(objectSchema, "", List.of(), breaks);
        return List.copyOf(breaks);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void collect(Schema objectSchema, String prefix, List<Object> pathPrefix, List<ConstraintBreak> breaks) {
        List<String> required = objectSchema.getRequired() == null ? List.of() : objectSchema.getRequired();
        for (Map.Entry<String, Schema> property : ((Map<String, Schema>) objectSchema.getProperties()).entrySet()) {
            String name = property.getKey();
            Schema schema = property.getValue();
            String field = prefix + name;
            List<Object> path = append(pathPrefix, name);
            if (required.contains(name)) {
                breaks.add(new ConstraintBreak(field, path, "required", Arbitraries.just(Optional.empty())));
            }
            if (!Boolean.TRUE.equals(schema.getNullable())) {
                breaks.add(new ConstraintBreak(field, path, "not null", Arbitraries.just(Optional.of(NODES.nullNode()))));
            }
            valueBreaks(schema, field, path, breaks);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void valueBreaks(Schema schema, String field, List<Object> path, List<ConstraintBreak> breaks) {
        String type = SchemaArbitraries.type(schema);
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            List<String> allowed = SchemaArbitraries.enumValues(schema);
            breaks.add(value(field, path, "enum", Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(20)
                    .filter(s -> !allowed.contains(s)).map(NODES::textNode)));
        }
        switch (type) {
            case "string" -> {
                breaks.add(value(field, path, "type", Arbitraries.of(
                        NODES.numberNode(42), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode().add("x"))));
                if (schema.getMaxLength() != null) {
                    int max = schema.getMaxLength();
                    Arbitrary<String> tooLong = schema.getPattern() != null
                            ? Arbitraries.of(SchemaArbitraries.CharClassPattern.parse(schema.getPattern()).alphabet())
                            .list().ofMinSize(max + 1).ofMaxSize(max + 40).map(ConstraintBreaks::join)
                            : Arbitraries.strings().alpha().ofMinLength(max + 1).ofMaxLength(max + 40);
                    breaks.add(value(field, path, "maxLength", tooLong.map(NODES::textNode)));
                }
                if (schema.getMinLength() != null && schema.getMinLength() > 0) {
                    breaks.add(value(field, path, "minLength", Arbitraries.just(NODES.textNode(""))));
                }
                if (schema.getEnum() == null && schema.getFormat() == null && schema.getPattern() == null) {
                    // free text with a NUL (StorableText); an unpaired surrogate would not survive the
                    // suite's own UTF-8 encoding of the body, so NUL is the one sent
                    breaks.add(value(field, path, "storable text", net.jqwik.api.Combinators.combine(
                            SchemaArbitraries.text(0, 20), Arbitraries.integers().between(0, 20)).as((text, at) -> {
                                int i = text.offsetByCodePoints(0, Math.min(at, text.codePointCount(0, text.length())));
                                return (JsonNode) NODES.textNode(text.substring(0, i) + '\0' + text.substring(i));
                            }).withoutEdgeCases())); // theirs would crowd out the other breaks' edge cases
                }
                if (schema.getPattern() != null) {
                    SchemaArbitraries.CharClassPattern pattern = SchemaArbitraries.CharClassPattern.parse(schema.getPattern());
                    Arbitrary<String> valid = SchemaArbitraries.fromPattern(schema.getPattern(), 1, pattern.max() - 1);
                    Arbitrary<String> foreign = Arbitraries.of(" ", "/", "?", "#", "%", "é", "\u0000", "😀", "*", "'", "\"", "<")
                            .filter(c -> !pattern.allows(c.codePointAt(0)));
                    breaks.add(value(field, path, "pattern", net.jqwik.api.Combinators.combine(valid, foreign,
                            Arbitraries.integers().between(0, 100)).as((v, c, at) -> {
                                int i = Math.min(at, v.length());
                                return (JsonNode) NODES.textNode(v.substring(0, i) + c + v.substring(i));
                            })));
                }
                if ("date-time".equals(schema.getFormat())) {
                    breaks.add(value(field, path, "format", Arbitraries.of(BAD_DATE_TIMES).map(NODES::textNode)));
                }
                if ("date".equals(schema.getFormat())) {
                    breaks.add(value(field, path, "format", Arbitraries.of(BAD_DATES).map(NODES::textNode)));
                }
            }
            case "integer" -> {
                breaks.add(value(field, path, "type", Arbitraries.of(
                        NODES.textNode("5"), NODES.numberNode(1.5), NODES.booleanNode(false), NODES.textNode("many"))));
                if (schema.getMinimum() != null) {
                    long min = schema.getMinimum().longValueExact();
                    breaks.add(value(field, path, "minimum", Arbitraries.longs().between(min - 1000, min - 1)
                            .edgeCases(c -> c.includeOnly(min - 1)).map(NODES::numberNode)));
                }
                if (schema.getMaximum() != null) {
                    long max = schema.getMaximum().longValueExact();
                    breaks.add(value(field, path, "maximum", Arbitraries.longs().between(max + 1, max + 100_000)
                            .edgeCases(c -> c.includeOnly(max + 1)).map(NODES::numberNode)));
                }
            }
            case "array" -> {
                breaks.add(value(field, path, "type", Arbitraries.of(NODES.objectNode(), NODES.textNode("x"))));
                if (schema.getMaxItems() != null) {
                    int max = schema.getMaxItems();
                    breaks.add(value(field, path, "maxItems", SchemaArbitraries.valid(schema.getItems()).list()
                            .ofMinSize(max + 1).ofMaxSize(max + 3).map(items -> {
                                ArrayNode array = NODES.arrayNode();
                                items.forEach(array::add);
                                return array;
                            })));
                }
                Schema items = schema.getItems();
                if ("object".equals(SchemaArbitraries.type(items))) {
                    collect(items, field + "[0].", append(path, 0), breaks);
                }
            }
            case "object" -> collect(schema, field + ".", path, breaks);
            default -> throw new IllegalStateException("no constraint breaks for schema type " + type + " of " + field);
        }
    }

    private static ConstraintBreak value(String field, List<Object> path, String constraint, Arbitrary<? extends JsonNode> value) {
        return new ConstraintBreak(field, path, constraint, value.map(v -> Optional.of((JsonNode) v)));
    }

    private static List<Object> append(List<Object> path, Object key) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(key);
        return List.copyOf(longer);
    }

    private static String join(List<Character> chars) {
        StringBuilder text = new StringBuilder();
        chars.forEach(text::append);
        return text.toString();
    }
}
