package com.clinikapi.server.validation;

import com.clinikapi.contract.appointment.StorableText;
import com.clinikapi.contract.appointment.SupportedTimes;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.error.ValidationIssue;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import jakarta.validation.constraints.NotNull;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks the shape of a JSON body against the generated model it binds to: JSON types, date-time
 * and enum formats, required properties and explicit nulls, down to nested fields such as
 * {@code requestedPeriod[1].start}. The models come from the spec, so this follows the spec.
 *
 * <p>It exists because JSON binding either fails without saying which field is wrong (wording the
 * error would mean parsing messages that quote the value) or quietly coerces ({@code "5"} for an
 * integer, {@code 5} for a string), which the spec, and the mock that validates against it, refuse.
 * Value constraints (ranges, lengths, patterns) stay with bean validation. Text that the database
 * could not store as sent ({@link StorableText}) and date-times that are not RFC 3339 within the
 * supported instants ({@link SupportedTimes}: {@link OffsetDateTime#parse} also takes
 * {@code +999999999-12-31T23:59Z}) are refused here, where every field is visited.
 */
public final class BodyShape {

    private BodyShape() {
    }

    /** Every shape problem of {@code body} for {@code model}; empty when it binds cleanly. */
    public static List<ValidationIssue> check(JsonNode body, Class<?> model) {
        List<ValidationIssue> issues = new ArrayList<>();
        if (!body.isObject()) {
            issues.add(SchemaViolations.type("body", "object"));
        } else {
            checkObject("", body, model, issues);
        }
        return issues;
    }

    private static void checkObject(String prefix, JsonNode object, Class<?> model, List<ValidationIssue> issues) {
        BeanIntrospection<?> bean = BeanIntrospection.getIntrospection(model);
        for (BeanProperty<?, ?> property : bean.getBeanProperties()) {
            String field = prefix + property.getName();
            JsonNode value = object.get(property.getName());
            if (value == null) {
                if (property.hasAnnotation(NotNull.class)) {
                    issues.add(SchemaViolations.required(field));
                }
            } else if (value.isNull()) {
                if (!property.hasAnnotation(NullableInSpec.class)) {
                    issues.add(SchemaViolations.notNull(field));
                }
            } else {
                checkValue(field, value, property.asArgument(), property.getAnnotationMetadata(), issues);
            }
        }
    }

    private static void checkValue(String field, JsonNode value, Argument<?> type, AnnotationMetadata metadata,
                                   List<ValidationIssue> issues) {
        Class<?> javaType = type.getType();
        if (javaType == String.class) {
            expect(value.isString(), SchemaViolations.type(field, "string"), issues);
            if (value.isString()) {
                StorableText.check(field, value.getStringValue()).ifPresent(issues::add);
            }
        } else if (javaType == Integer.class || javaType == Long.class) {
            checkInteger(field, value, javaType, metadata, issues);
        } else if (javaType == Boolean.class) {
            expect(value.isBoolean(), SchemaViolations.type(field, "boolean"), issues);
        } else if (javaType == OffsetDateTime.class) {
            if (value.isString()) {
                SupportedTimes.checkDateTime(field, value.getStringValue()).ifPresent(issues::add);
            } else {
                issues.add(SchemaViolations.dateTime(field));
            }
        } else if (javaType == LocalDate.class) {
            if (value.isString()) {
                SupportedTimes.checkDate(field, value.getStringValue()).ifPresent(issues::add);
            } else {
                issues.add(SchemaViolations.date(field));
            }
        } else if (javaType.isEnum()) {
            expect(value.isString() && isEnumValue(javaType, value.getStringValue()), SchemaViolations.oneOfEnum(field), issues);
        } else if (Collection.class.isAssignableFrom(javaType)) {
            checkArray(field, value, type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT), issues);
        } else if (BeanIntrospector.SHARED.findIntrospection(javaType).isPresent() && !Map.class.isAssignableFrom(javaType)) {
            if (value.isObject()) {
                checkObject(field + ".", value, javaType, issues);
            } else {
                issues.add(SchemaViolations.type(field, "object"));
            }
        }
    }

    private static void checkArray(String field, JsonNode value, Argument<?> elementType, List<ValidationIssue> issues) {
        if (!value.isArray()) {
            issues.add(SchemaViolations.type(field, "array"));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            String element = field + "[" + i + "]";
            JsonNode item = value.get(i);
            if (item.isNull()) {
                issues.add(SchemaViolations.notNull(element));
            } else {
                checkValue(element, item, elementType, AnnotationMetadata.EMPTY_METADATA, issues);
            }
        }
    }

    private static void checkInteger(String field, JsonNode value, Class<?> javaType, AnnotationMetadata metadata,
                                     List<ValidationIssue> issues) {
        if (!value.isNumber() || !isIntegral(value.getNumberValue())) {
            issues.add(SchemaViolations.type(field, "integer"));
            return;
        }
        BigInteger number = value.getBigIntegerValue();
        BigInteger min = BigInteger.valueOf(javaType == Integer.class ? Integer.MIN_VALUE : Long.MIN_VALUE);
        BigInteger max = BigInteger.valueOf(javaType == Integer.class ? Integer.MAX_VALUE : Long.MAX_VALUE);
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            // Too big to bind at all: word it as the field's documented range when it has one.
            Bounds bounds = Bounds.of(metadata);
            issues.add(bounds.known() ? bounds.issue(field) : SchemaViolations.type(field, "integer"));
        }
    }

    private static void expect(boolean ok, ValidationIssue otherwise, List<ValidationIssue> issues) {
        if (!ok) {
            issues.add(otherwise);
        }
    }

    private static boolean isIntegral(Number number) {
        return number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger;
    }

    private static boolean isEnumValue(Class<?> enumType, String text) {
        // Generated enums print their wire value.
        return Arrays.stream(enumType.getEnumConstants()).anyMatch(constant -> constant.toString().equals(text));
    }
}
