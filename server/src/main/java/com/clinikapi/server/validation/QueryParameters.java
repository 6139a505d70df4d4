package com.clinikapi.server.validation;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.error.ValidationIssue;
import io.micronaut.http.HttpParameters;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks on the raw query string that Micronaut's binding does not make: it treats {@code count=}
 * (an empty value) as absent, and resolves {@code 2031-02-30} leniently to the 28th. The spec
 * allows neither, so both are 400 {@code INVALID_PARAMETER} naming the parameter.
 */
public final class QueryParameters {

    private final HttpParameters parameters;
    private final List<ValidationIssue> issues = new ArrayList<>();

    public QueryParameters(HttpParameters parameters) {
        this.parameters = parameters;
    }

    /** A {@code format: date} parameter: absent, or a real calendar day written {@code YYYY-MM-DD}. */
    public QueryParameters date(String name) {
        raw(name).ifPresent(value -> {
            if (!isCalendarDate(value)) {
                issues.add(SchemaViolations.date(name));
            }
        });
        return this;
    }

    /** An integer parameter: absent, or not empty. */
    public QueryParameters integer(String name) {
        raw(name).filter(String::isEmpty).ifPresent(value -> issues.add(SchemaViolations.type(name, "integer")));
        return this;
    }

    /** An enum parameter: absent, or not empty. */
    public QueryParameters oneOf(String name) {
        raw(name).filter(String::isEmpty).ifPresent(value -> issues.add(SchemaViolations.oneOfEnum(name)));
        return this;
    }

    /** Throws 400 {@code INVALID_PARAMETER} with every issue found. */
    public void requireValid() {
        if (!issues.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, issues);
        }
    }

    private Optional<String> raw(String name) {
        return parameters.getFirst(name);
    }

    private static boolean isCalendarDate(String value) {
        try {
            LocalDate.parse(value); // ISO_LOCAL_DATE resolves strictly: no February 30th
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
