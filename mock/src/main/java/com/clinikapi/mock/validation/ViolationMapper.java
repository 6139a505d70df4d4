package com.clinikapi.mock.validation;

import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.mock.spec.SchemaPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the OpenAPI validator's findings into the contract's issues. The validator's own texts
 * quote the submitted values, so none of its text is used: each issue is built from the message
 * key (the JSON-schema keyword), the field (from the JSON pointer or the parameter name, checked
 * against the schema) and the limit written in the spec, through {@link SchemaViolations} — the
 * same wording the server uses.
 */
final class ViolationMapper {

    private static final String BODY_SCHEMA = "validation.request.body.schema.";
    private static final String PARAMETER_SCHEMA = "validation.request.parameter.schema.";
    private static final String BODY = "body";

    /** The issues of one request, split by where they are. */
    record Findings(List<ValidationIssue> parameterIssues, List<ValidationIssue> bodyIssues) {
    }

    Findings map(ValidationReport report, Schema<?> bodySchema, JsonNode body) {
        Set<ValidationIssue> parameterIssues = new LinkedHashSet<>();
        Set<ValidationIssue> bodyIssues = new LinkedHashSet<>();
        List<ValidationIssue> formatOnly = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            MessageContext context = message.getContext().orElse(null);
            String key = message.getKey();
            if (context != null && context.getParameter().isPresent()) {
                parameterIssues.add(parameterIssue(key, context.getParameter().get()));
            } else if (key.startsWith(BODY_SCHEMA)) {
                String keyword = key.substring(BODY_SCHEMA.length());
                String instance = context == null ? "" : context.getPointers().map(p -> p.getInstance()).orElse("");
                String schemaPointer = context == null ? "" : context.getPointers().map(p -> p.getSchema()).orElse("");
                List<ValidationIssue> issues = bodyIssues(keyword, instance, schemaPointer, bodySchema, body);
                if (isIntegerFormat(keyword)) {
                    formatOnly.addAll(issues);
                } else {
                    bodyIssues.addAll(issues);
                }
            } else {
                bodyIssues.add(ValidationIssue.value(BODY, "does not match the schema"));
            }
        }
        // An integer too large for int32 also breaks the maximum: report the range, not the format.
        for (ValidationIssue issue : formatOnly) {
            if (bodyIssues.stream().noneMatch(other -> other.field().equals(issue.field()))) {
                bodyIssues.add(issue);
            }
        }
        return new Findings(List.copyOf(parameterIssues), List.copyOf(bodyIssues));
    }

    private static ValidationIssue parameterIssue(String key, io.swagger.v3.oas.models.parameters.Parameter parameter) {
        String name = parameter.getName();
        if (key.startsWith(PARAMETER_SCHEMA)) {
            return keywordIssue(key.substring(PARAMETER_SCHEMA.length()), name, parameter.getSchema(), MissingNode.getInstance());
        }
        if (key.endsWith(".missing")) {
            return SchemaViolations.required(name);
        }
        if (key.endsWith("enum.invalid")) {
            return SchemaViolations.oneOfEnum(name);
        }
        return ValidationIssue.value(name, "does not match the schema");
    }

    private static List<ValidationIssue> bodyIssues(String keyword, String instancePointer, String schemaPointer,
                                                    Schema<?> bodySchema, JsonNode body) {
        String field = fieldName(instancePointer, bodySchema);
        Schema<?> schema = SchemaPaths.at(bodySchema, schemaPointer).orElse(null);
        if ("required".equals(keyword)) {
            return missingProperties(field, schema, body.at(pointerOrRoot(instancePointer)));
        }
        JsonNode value = body.at(pointerOrRoot(instancePointer));
        return List.of(keywordIssue(keyword, field, schema, value));
    }

    private static List<ValidationIssue> missingProperties(String field, Schema<?> schema, JsonNode node) {
        List<ValidationIssue> issues = new ArrayList<>();
        if (schema != null && schema.getRequired() != null) {
            for (String property : schema.getRequired()) {
                if (node == null || !node.has(property)) {
                    issues.add(SchemaViolations.required(BODY.equals(field) ? property : field + "." + property));
                }
            }
        }
        if (issues.isEmpty()) {
            issues.add(SchemaViolations.required(field));
        }
        return issues;
    }

    private static ValidationIssue keywordIssue(String keyword, String field, Schema<?> schema, JsonNode value) {
        boolean isNull = value != null && value.isNull();
        switch (keyword) {
            case "type":
                return isNull ? SchemaViolations.notNull(field) : SchemaViolations.type(field, expectedType(schema));
            case "enum":
                return isNull ? SchemaViolations.notNull(field) : SchemaViolations.oneOfEnum(field);
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
                return SchemaViolations.type(field, "integer");
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
        return ValidationIssue.value(field, "is out of range");
    }

    private static String expectedType(Schema<?> schema) {
        if (schema == null) {
            return "the documented type";
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        return schema.getTypes() != null && !schema.getTypes().isEmpty()
                ? schema.getTypes().iterator().next()
                : "the documented type";
    }

    private static boolean isIntegerFormat(String keyword) {
        return "format.int32".equals(keyword) || "format.int64".equals(keyword);
    }

    private static String pointerOrRoot(String pointer) {
        return pointer == null || "/".equals(pointer) ? "" : pointer;
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
