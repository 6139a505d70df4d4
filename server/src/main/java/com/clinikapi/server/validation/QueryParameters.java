package com.clinikapi.server.validation;

import com.clinikapi.contract.appointment.SupportedTimes;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.error.ValidationIssue;
import io.micronaut.http.HttpParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks on the raw query string that Micronaut's binding does not make: it treats {@code count=}
 * (an empty value) as absent, resolves {@code 2031-02-30} leniently to the 28th and reads
 * {@code +300000-01-01} as a day. The spec allows none of them, so each is 400
 * {@code INVALID_PARAMETER} naming the parameter; dates are judged by the shared {@link SupportedTimes}.
 */
public final class QueryParameters {

    private final HttpParameters parameters;
    private final List<ValidationIssue> issues = new ArrayList<>();

    public QueryParameters(HttpParameters parameters) {
        this.parameters = parameters;
    }

    /** A {@code format: date} parameter: absent, or a supported day written {@code YYYY-MM-DD}. */
    public QueryParameters date(String name) {
        raw(name).flatMap(value -> SupportedTimes.checkDate(name, value)).ifPresent(issues::add);
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
}
