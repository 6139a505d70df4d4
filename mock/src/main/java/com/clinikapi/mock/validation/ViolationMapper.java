package com.clinikapi.mock.validation;

import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.mock.spec.ContractOperation;
import com.clinikapi.mock.spec.SchemaPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the OpenAPI validator's findings into the contract's issues, as the service words and
 * orders them.
 *
 * <p>Wording: the validator's own texts quote the submitted values, so none of its text is used.
 * Each issue is built from the message key (the JSON-schema keyword), the field (the JSON pointer
 * or parameter name, checked against the schema) and the limit written in the spec, through
 * {@link SchemaViolations} — the wording the server uses too.
 *
 * <p>Order, as the service answers: a body's shape problems (wrong type, bad format, unknown enum
 * value, missing or null field; one per field, in the schema's property order) come before its
 * value problems (ranges, lengths, patterns; sorted by field) on fields without a shape problem.
 * Parameters that cannot be read at all are reported one at a time (the first, in the spec's order),
 * like a failed binding; otherwise every value problem is reported, sorted by field.
 */
final class ViolationMapper {

    private static final String BODY_SCHEMA = "validation.request.body.schema.";
    private static final String PARAMETER_SCHEMA = "validation.request.parameter.schema.";
    private static final String BODY = "body";
    private static final Set<String> SHAPE_KEYWORDS = Set.of("type", "enum", "required",
            "format.date-time", "format.date", "format.int32", "format.int64");
    private static final Comparator<ValidationIssue> BY_FIELD =
            Comparator.comparing(ValidationIssue::field).thenComparing(ValidationIssue::constraint);

    /** The issues of one request, split by where they are. */
    record Findings(List<ValidationIssue> parameterIssues, List<ValidationIssue> bodyIssues) {
    }

    /** One issue with what orders it. */
    private record Finding(ValidationIssue issue, boolean shape, List<Integer> position, String keyword) {
    }

    /**
     * @param sentParameters the names of the query parameters the request carried, even empty
     * @param times          the body's date-times the shared rule refuses: shape problems of their
     *                       fields, like a format the validator refuses
     */
    Findings map(ValidationReport report, ContractOperation operation, JsonNode body, Set<String> sentParameters,
                 List<BodyTimes.Finding> times) {
        List<Finding> parameters = new ArrayList<>();
        List<Finding> bodyFindings = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            MessageContext context = message.getContext().orElse(null);
            String key = message.getKey();
            if (context != null && context.getParameter().isPresent()) {
                parameters.add(parameterFinding(key, context.getParameter().get(), operation, sentParameters));
            } else if (key.startsWith(BODY_SCHEMA)) {
                String instance = context == null ? "" : context.getPointers().map(p -> p.getInstance()).orElse("");
                String schemaPointer = context == null ? "" : context.getPointers().map(p -> p.getSchema()).orElse("");
                bodyFindings.addAll(bodyFindings(key.substring(BODY_SCHEMA.length()), instance, schemaPointer,
                        operation.requestSchema(), body));
            } else {
                bodyFindings.add(new Finding(ValidationIssue.value(BODY, "does not match the schema"), false, List.of(), ""));
            }
        }
        for (BodyTimes.Finding time : times) {
            bodyFindings.add(new Finding(time.issue(), true, position(time.pointer(), operation.requestSchema()),
                    "format.date-time"));
        }
        return new Findings(parameterIssues(parameters), bodyIssues(bodyFindings));
    }

    private static List<ValidationIssue> parameterIssues(List<Finding> findings) {
        List<Finding> shape = findings.stream().filter(Finding::shape).toList();
        if (!shape.isEmpty()) {
            return List.of(shape.stream().min(Comparator.comparing(f -> f.position().get(0))).orElseThrow().issue());
        }
        return findings.stream().map(Finding::issue).distinct().sorted(BY_FIELD).toList();
    }

    private static List<ValidationIssue> bodyIssues(List<Finding> findings) {
        // An integer too large for int32 also breaks its maximum: the range is the problem to report.
        Set<String> withOtherIssues = findings.stream().filter(f -> !isIntegerFormat(f.keyword()))
                .map(f -> f.issue().field()).collect(Collectors.toSet());
        List<Finding> relevant = findings.stream()
                .filter(f -> !isIntegerFormat(f.keyword()) || !withOtherIssues.contains(f.issue().field()))
                .toList();
        List<ValidationIssue> issues = new ArrayList<>();
        relevant.stream().filter(Finding::shape)
                .sorted(Comparator.comparing(Finding::position, ViolationMapper::compareLexicographically))
                .map(Finding::issue)
                .forEach(issue -> {
                    if (issues.stream().noneMatch(other -> other.field().equals(issue.field()))) {
                        issues.add(issue);
                    }
                });
        Set<String> shapeFields = issues.stream().map(ValidationIssue::field).collect(Collectors.toSet());
        relevant.stream().filter(f -> !f.shape())
                .map(Finding::issue)
                .filter(issue -> !shapeFields.contains(issue.field()))
                .distinct()
                .sorted(BY_FIELD)
                .forEach(issues::add);
        return List.copyOf(issues);
    }

    private static Finding parameterFinding(String key, io.swagger.v3.oas.models.parameters.Parameter parameter,
                                            ContractOperation operation, Set<String> sentParameters) {
        String name = parameter.getName();
        List<Integer> position = List.of(Math.max(0, operation.parameterNames().indexOf(name)));
        if (key.startsWith(PARAMETER_SCHEMA)) {
            String keyword = key.substring(PARAMETER_SCHEMA.length());
            return new Finding(keywordIssue(keyword, name, parameter.getSchema(), MissingNode.getInstance()),
                    isShape(keyword), position, keyword);
        }
        if (key.endsWith(".missing") && sentParameters.contains(name)) {
            // Sent with an empty value: not a value of its type at all.
            return new Finding(emptyValueIssue(name, parameter.getSchema()), true, position, "type");
        }
        if (key.endsWith(".missing")) {
            return new Finding(SchemaViolations.required(name), true, position, "required");
        }
        if (key.endsWith("enum.invalid")) {
            return new Finding(SchemaViolations.oneOfEnum(name), true, position, "enum");
        }
        return new Finding(ValidationIssue.value(name, "does not match the schema"), false, position, "");
    }

    private static List<Finding> bodyFindings(String keyword, String instancePointer, String schemaPointer,
                                              Schema<?> bodySchema, JsonNode body) {
        String field = fieldName(instancePointer, bodySchema);
        Schema<?> schema = SchemaPaths.at(bodySchema, schemaPointer).orElse(null);
        JsonNode value = body.at(pointerOrRoot(instancePointer));
        if ("required".equals(keyword)) {
            return missingProperties(field, instancePointer, schema, value, bodySchema);
        }
        ValidationIssue issue = keywordIssue(keyword, field, schema, value);
        return List.of(new Finding(issue, isShape(keyword) || value.isNull(), position(instancePointer, bodySchema), keyword));
    }

    private static List<Finding> missingProperties(String field, String instancePointer, Schema<?> schema, JsonNode node,
                                                   Schema<?> bodySchema) {
        List<Finding> findings = new ArrayList<>();
        if (schema != null && schema.getRequired() != null) {
            for (String property : schema.getRequired()) {
                if (node == null || !node.has(property)) {
                    String child = pointerOrRoot(instancePointer) + "/" + property;
                    findings.add(new Finding(SchemaViolations.required(BODY.equals(field) ? property : field + "." + property),
                            true, position(child, bodySchema), "required"));
                }
            }
        }
        if (findings.isEmpty()) {
            findings.add(new Finding(SchemaViolations.required(field), true, position(instancePointer, bodySchema), "required"));
        }
        return findings;
    }

    private static ValidationIssue keywordIssue(String keyword, String field, Schema<?> schema, JsonNode value) {
        if (value != null && value.isNull()) {
            return SchemaViolations.notNull(field);
        }
        switch (keyword) {
            case "type":
                return typeIssue(field, schema);
            case "enum":
                return SchemaViolations.oneOfEnum(field);
            case "maxLength":
                return schema != null && schema.getMaxLength() != null
                        ? SchemaViolations.maxLength(field, schema.getMaxLength())
                        : ValidationIssue.value(field, "is too long");
            case "minLength":
                return schema != null && schema.getMinLength() != null
                        ? SchemaViolations.minLength(field, schema.getMinLength())
                        : ValidationIssue.value(field, "is too short");
            case "maximum":
            case "minimum":
                return range(field, schema);
            case "pattern":
                return schema != null && schema.getPattern() != null
                        ? SchemaViolations.pattern(field, schema.getPattern())
                        : ValidationIssue.value(field, "does not match the documented pattern");
            case "format.date-time":
                return SchemaViolations.dateTime(field);
            case "format.date":
                return SchemaViolations.date(field);
            case "format.int32":
            case "format.int64":
                return range(field, schema);
            case "maxItems":
                return schema != null && schema.getMaxItems() != null
                        ? SchemaViolations.maxItems(field, schema.getMaxItems())
                        : ValidationIssue.value(field, "has too many items");
            case "minProperties":
                return SchemaViolations.notEmptyObject(field);
            default:
                return ValidationIssue.value(field, "does not match the schema");
        }
    }

    private static ValidationIssue emptyValueIssue(String name, Schema<?> schema) {
        boolean numeric = schema != null && ("integer".equals(schema.getType()) || "number".equals(schema.getType()));
        return numeric ? range(name, schema) : typeIssue(name, schema);
    }

    /** A value of the wrong JSON type, worded by what the field is: an enum, a date, or a type. */
    private static ValidationIssue typeIssue(String field, Schema<?> schema) {
        if (schema == null) {
            return SchemaViolations.type(field, "the documented type");
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return SchemaViolations.oneOfEnum(field);
        }
        if ("date-time".equals(schema.getFormat())) {
            return SchemaViolations.dateTime(field);
        }
        if ("date".equals(schema.getFormat())) {
            return SchemaViolations.date(field);
        }
        if (schema.getType() != null) {
            return SchemaViolations.type(field, schema.getType());
        }
        return SchemaViolations.type(field, schema.getTypes() != null && !schema.getTypes().isEmpty()
                ? schema.getTypes().iterator().next()
                : "the documented type");
    }

    private static ValidationIssue range(String field, Schema<?> schema) {
        BigDecimal min = schema == null ? null : schema.getMinimum();
        BigDecimal max = schema == null ? null : schema.getMaximum();
        if (min != null && max != null) {
            return SchemaViolations.between(field, min.longValue(), max.longValue());
        }
        if (max != null) {
            return SchemaViolations.atMost(field, max.longValue());
        }
        if (min != null) {
            return SchemaViolations.atLeast(field, min.longValue());
        }
        return SchemaViolations.type(field, "integer");
    }

    private static boolean isShape(String keyword) {
        return SHAPE_KEYWORDS.contains(keyword);
    }

    private static boolean isIntegerFormat(String keyword) {
        return "format.int32".equals(keyword) || "format.int64".equals(keyword);
    }

    private static String pointerOrRoot(String pointer) {
        return pointer == null || "/".equals(pointer) ? "" : pointer;
    }

    /** Where a field is in the schema: property indexes and array indexes, for the schema's order. */
    private static List<Integer> position(String instancePointer, Schema<?> rootSchema) {
        List<Integer> position = new ArrayList<>();
        Schema<?> schema = rootSchema;
        for (String segment : SchemaPaths.segments(instancePointer)) {
            if (schema != null && schema.getItems() != null && segment.matches("\\d{1,9}")) {
                position.add(Integer.parseInt(segment));
                schema = schema.getItems();
                continue;
            }
            Map<String, Schema<?>> properties = SchemaPaths.properties(schema);
            position.add(new ArrayList<>(properties.keySet()).indexOf(segment));
            schema = properties.get(segment);
        }
        return position;
    }

    private static int compareLexicographically(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int comparison = Integer.compare(a.get(i), b.get(i));
            if (comparison != 0) {
                return comparison;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * {@code /requestedPeriod/0/end} → {@code requestedPeriod[0].end}. Every name must be a
     * property the schema declares (so no submitted key can reach the error body); anything else
     * is reported against the whole body.
     */
    static String fieldName(String instancePointer, Schema<?> rootSchema) {
        String[] segments = SchemaPaths.segments(instancePointer);
        if (segments.length == 0) {
            return BODY;
        }
        StringBuilder field = new StringBuilder();
        Schema<?> schema = rootSchema;
        for (String segment : segments) {
            if (schema != null && schema.getItems() != null && segment.matches("\\d{1,9}")) {
                field.append('[').append(segment).append(']');
                schema = schema.getItems();
                continue;
            }
            Map<String, Schema<?>> properties = SchemaPaths.properties(schema);
            if (!properties.containsKey(segment)) {
                return BODY;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(segment);
            schema = properties.get(segment);
        }
        return field.toString();
    }
}
