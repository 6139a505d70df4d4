package com.clinikapi.server.error;

import com.clinikapi.contract.appointment.SupportedTimes;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.server.validation.Bounds;
import com.clinikapi.server.validation.RequestBodies;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a request argument that could not be bound becomes: a body is judged by its shape (422 naming
 * the fields, or 400 {@code MALFORMED_JSON} when it is not JSON at all); a parameter is 400
 * {@code INVALID_PARAMETER} naming it, worded by the type it should have had.
 */
@Singleton
class BindingFailures {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private final RequestBodies bodies;

    BindingFailures(RequestBodies bodies) {
        this.bodies = bodies;
    }

    HttpResponse<?> unconvertible(HttpRequest<?> request, Argument<?> argument, Optional<Object> rejected) {
        if (isBody(request, argument)) {
            List<ValidationIssue> issues = bodies.isMalformed(request) ? List.of() : bodies.shapeIssues(request);
            return issues.isEmpty()
                    ? ErrorResponses.of(request, ErrorCode.MALFORMED_JSON, List.of(SchemaViolations.malformedJson()))
                    : ErrorResponses.of(request, ErrorCode.VALIDATION_ERROR, issues);
        }
        return ErrorResponses.of(request, ErrorCode.INVALID_PARAMETER, List.of(parameterIssue(argument, rejected)));
    }

    /** A required argument with no value; for the body that is an empty body (or a JSON {@code null}). */
    HttpResponse<?> missing(HttpRequest<?> request, Argument<?> argument) {
        if (isBody(request, argument)) {
            ValidationIssue issue = bodies.hasContent(request) ? SchemaViolations.malformedJson() : SchemaViolations.missingBody();
            return ErrorResponses.of(request, ErrorCode.MALFORMED_JSON, List.of(issue));
        }
        return ErrorResponses.of(request, ErrorCode.INVALID_PARAMETER, List.of(SchemaViolations.required(argument.getName())));
    }

    private boolean isBody(HttpRequest<?> request, Argument<?> argument) {
        return argument.getAnnotationMetadata().hasAnnotation(Body.class)
                || bodies.modelOf(request).filter(model -> model.equals(argument.getType())).isPresent();
    }

    /** @param rejected the value that did not convert: only inspected (is it a number?), never quoted */
    private static ValidationIssue parameterIssue(Argument<?> argument, Optional<Object> rejected) {
        Class<?> type = argument.getType();
        String name = argument.getName();
        if (type == LocalDate.class) {
            // Binding reads years of the era: year 0 fails here, worded as the shared rule words it.
            return rejected.map(String::valueOf).flatMap(value -> SupportedTimes.checkDate(name, value))
                    .orElse(SchemaViolations.date(name));
        }
        if (type.isEnum()) {
            return SchemaViolations.oneOfEnum(name);
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            // An integer too large to bind is out of the documented range; anything else is not an integer.
            Bounds bounds = Bounds.of(argument.getAnnotationMetadata());
            boolean isInteger = rejected.map(String::valueOf).filter(v -> INTEGER.matcher(v).matches()).isPresent();
            return isInteger && bounds.known() ? bounds.issue(name) : SchemaViolations.type(name, "integer");
        }
        return SchemaViolations.type(name, "string");
    }
}
