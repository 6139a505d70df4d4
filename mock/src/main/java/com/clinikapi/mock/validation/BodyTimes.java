package com.clinikapi.mock.validation;

import com.clinikapi.contract.appointment.SupportedTimes;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.mock.spec.SchemaPaths;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body's dates and date-times (every field its schema declares {@code format: date} or
 * {@code date-time}, nested in objects and arrays) that the shared {@link SupportedTimes} refuses.
 * The OpenAPI validator checks the format only: {@code 9999-12-31T23:59:59-18:00} passes it, yet in
 * UTC it is past the last supported instant, and the service refuses it.
 */
final class BodyTimes {

    /** One refused value: where it is (a JSON pointer, to order it by the schema) and its issue. */
    record Finding(String pointer, ValidationIssue issue) {
    }

    private BodyTimes() {
    }

    static List<Finding> check(Schema<?> bodySchema, JsonNode body) {
        List<Finding> findings = new ArrayList<>();
        if (body != null && body.isObject()) {
            visit("", "", bodySchema, body, findings);
        }
        return findings;
    }

    private static void visit(String pointer, String field, Schema<?> schema, JsonNode value, List<Finding> findings) {
        if (schema == null || value == null || value.isNull()) {
            return;
        }
        if (value.isTextual() && ("date-time".equals(schema.getFormat()) || "date".equals(schema.getFormat()))) {
            check(field, schema.getFormat(), value.textValue()).ifPresent(issue -> findings.add(new Finding(pointer, issue)));
        } else if (value.isArray() && schema.getItems() != null) {
            for (int i = 0; i < value.size(); i++) {
                visit(pointer + "/" + i, field + "[" + i + "]", schema.getItems(), value.get(i), findings);
            }
        } else if (value.isObject()) {
            for (Map.Entry<String, Schema<?>> property : SchemaPaths.properties(schema).entrySet()) {
                String name = property.getKey();
                visit(pointer + "/" + name.replace("~", "~0").replace("/", "~1"),
                        field.isEmpty() ? name : field + "." + name, property.getValue(), value.get(name), findings);
            }
        }
    }

    private static Optional<ValidationIssue> check(String field, String format, String text) {
        return "date".equals(format) ? SupportedTimes.checkDate(field, text) : SupportedTimes.checkDateTime(field, text);
    }
}
