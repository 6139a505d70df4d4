package com.clinikapi.server.error;

import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.server.validation.RequestBodies;
import com.clinikapi.server.validation.ViolationIssues;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bean-validation failures of the generated controllers: a bad path or query parameter is 400
 * {@code INVALID_PARAMETER}; a bad body is 422 {@code VALIDATION_ERROR}, listing the body's shape
 * problems (wrong types, which validation cannot see after coercion) before its value problems,
 * one issue per field.
 */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {

    private final RequestBodies bodies;

    public ConstraintViolationHandler(RequestBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        ViolationIssues.Split issues = ViolationIssues.split(exception.getConstraintViolations());
        if (!issues.parameters().isEmpty()) {
            return ErrorResponses.of(request, ErrorCode.INVALID_PARAMETER, issues.parameters());
        }
        if (bodies.isMalformed(request)) {
            return ErrorResponses.of(request, ErrorCode.MALFORMED_JSON, List.of(SchemaViolations.malformedJson()));
        }
        return ErrorResponses.of(request, ErrorCode.VALIDATION_ERROR, bodyIssues(request, issues.body()));
    }

    private List<ValidationIssue> bodyIssues(HttpRequest<?> request, List<ValidationIssue> valueIssues) {
        List<ValidationIssue> all = new ArrayList<>(bodies.shapeIssues(request));
        Set<String> shapeFields = all.stream().map(ValidationIssue::field).collect(Collectors.toSet());
        valueIssues.stream().filter(issue -> !shapeFields.contains(issue.field())).forEach(all::add);
        return all;
    }
}
