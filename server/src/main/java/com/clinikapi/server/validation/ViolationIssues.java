package com.clinikapi.server.validation;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.contract.idempotency.IdempotencyKeys;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.http.annotation.Header;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns bean-validation violations of a generated controller method into the contract's issues,
 * worded by {@link SchemaViolations}. A violation path reads {@code method.argument[.property…]}:
 * two segments is a path or query parameter ({@code searchAppointmentsApi.count} → {@code count}),
 * more is a field of the body ({@code createAppointmentApi.appointmentCreate.requestedPeriod[0].start}
 * → {@code requestedPeriod[0].start}). The invalid value is only ever measured, never quoted.
 */
public final class ViolationIssues {

    /** Issues split by where they came from: parameters are 400, body fields 422. */
    public record Split(List<ValidationIssue> parameters, List<ValidationIssue> body) {
    }

    private static final Comparator<ValidationIssue> BY_FIELD =
            Comparator.comparing(ValidationIssue::field).thenComparing(ValidationIssue::constraint);

    private ViolationIssues() {
    }

    public static Split split(Set<? extends ConstraintViolation<?>> violations) {
        Map<Boolean, List<ValidationIssue>> byKind = violations.stream()
                .collect(Collectors.partitioningBy(ViolationIssues::isParameter,
                        Collectors.mapping(ViolationIssues::issue, Collectors.toList())));
        return new Split(sorted(byKind.get(true)), sorted(byKind.get(false)));
    }

    private static List<ValidationIssue> sorted(List<ValidationIssue> issues) {
        return issues.stream().distinct().sorted(BY_FIELD).toList();
    }

    private static boolean isParameter(ConstraintViolation<?> violation) {
        return segments(violation).length == 2;
    }

    private static String[] segments(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replace("<list element>", "").replace(".[", "[");
        return path.split("\\.", 3);
    }

    static ValidationIssue issue(ConstraintViolation<?> violation) {
        String[] segments = segments(violation);
        String field = segments.length == 2 ? parameterName(violation, segments) : segments[segments.length - 1];
        if (field.equals(ApiHeaders.IDEMPOTENCY_KEY)) {
            // One wording for every way a key can be malformed, the contract's (the mock's too).
            return IdempotencyKeys.malformedKey();
        }
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        if (constraint instanceof NotNull) {
            return SchemaViolations.required(field);
        }
        if (constraint instanceof Min || constraint instanceof Max) {
            Bounds bounds = segments.length == 2 ? parameterBounds(violation, segments) : propertyBounds(violation, field);
            return bounds.known() ? bounds.issue(field) : fallbackBound(field, constraint, attributes);
        }
        if (constraint instanceof Size) {
            return size(field, violation.getInvalidValue(), attributes);
        }
        if (constraint instanceof Pattern) {
            return SchemaViolations.pattern(field, String.valueOf(attributes.get("regexp")));
        }
        return ValidationIssue.value(field, "is not valid");
    }

    private static ValidationIssue size(String field, Object invalidValue, Map<String, Object> attributes) {
        int min = ((Number) attributes.getOrDefault("min", 0)).intValue();
        int max = ((Number) attributes.getOrDefault("max", Integer.MAX_VALUE)).intValue();
        if (invalidValue instanceof Collection<?> items) {
            return SchemaViolations.maxItems(field, max);
        }
        int length = invalidValue instanceof CharSequence text ? TextLength.of(text) : 0;
        return length < min ? SchemaViolations.minLength(field, min) : SchemaViolations.maxLength(field, max);
    }

    private static ValidationIssue fallbackBound(String field, Annotation constraint, Map<String, Object> attributes) {
        long limit = ((Number) attributes.get("value")).longValue();
        return constraint instanceof Min ? SchemaViolations.atLeast(field, limit) : SchemaViolations.atMost(field, limit);
    }

    /** Both bounds of a body property, from the generated model's annotations. */
    private static Bounds propertyBounds(ConstraintViolation<?> violation, String field) {
        Object leaf = violation.getLeafBean();
        String property = field.substring(field.lastIndexOf('.') + 1);
        if (leaf == null) {
            return new Bounds(null, null);
        }
        return BeanIntrospector.SHARED.findIntrospection(leaf.getClass())
                .flatMap(bean -> bean.getProperty(property))
                .map(p -> Bounds.of(p.getAnnotationMetadata()))
                .orElse(new Bounds(null, null));
    }

    /**
     * The parameter's name in the spec: a header's name (e.g. {@code If-Match}) rather than the Java
     * parameter's ({@code ifMatch}); path and query parameters have the same name in both.
     */
    private static String parameterName(ConstraintViolation<?> violation, String[] segments) {
        return annotatedParameter(violation, segments, parameter -> parameter.isAnnotationPresent(Header.class))
                .map(parameter -> parameter.getAnnotation(Header.class))
                .map(header -> header.value().isEmpty() ? header.name() : header.value())
                .filter(name -> !name.isEmpty())
                .orElse(segments[1]);
    }

    /**
     * The parameter of the generated controller method a violation is about, found by walking up
     * from the validated bean's class (which may be a generated subclass whose overrides carry no
     * annotations) to the first declaration that has the annotations asked for.
     */
    private static Optional<Parameter> annotatedParameter(ConstraintViolation<?> violation, String[] segments,
                                                          Predicate<Parameter> annotated) {
        for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (!method.getName().equals(segments[0])) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.getName().equals(segments[1]) && annotated.test(parameter)) {
                        return Optional.of(parameter);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Both bounds of a query parameter, from the annotations of the generated controller method. */
    private static Bounds parameterBounds(ConstraintViolation<?> violation, String[] segments) {
        return annotatedParameter(violation, segments,
                parameter -> parameter.isAnnotationPresent(Min.class) || parameter.isAnnotationPresent(Max.class))
                .map(parameter -> Bounds.of(parameter.getAnnotation(Min.class), parameter.getAnnotation(Max.class)))
                .orElse(new Bounds(null, null));
    }
}
