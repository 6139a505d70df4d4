package com.clinikapi.mock.seed;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.ValidationIssue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a partner asks to seed: {@code {"seed": 42, "days": 3}}, both optional.
 *
 * @param seed the generator's seed: the same seed gives the same appointments
 * @param days how many working days of back-to-back slots the full-day practitioner has
 */
public record SeedRequest(long seed, int days) {

    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_DAYS = 3;
    public static final int MAX_DAYS = 30;

    static final String SEED = "seed";
    static final String DAYS = "days";
    private static final Set<String> FIELDS = Set.of(SEED, DAYS);
    private static final ObjectMapper JSON = new ObjectMapper();

    public SeedRequest {
        if (seed < 0) {
            throw ApiException.validation(List.of(seedIssue()));
        }
        if (days < 1 || days > MAX_DAYS) {
            throw ApiException.validation(List.of(daysIssue()));
        }
    }

    public static SeedRequest of(long seed) {
        return new SeedRequest(seed, DEFAULT_DAYS);
    }

    /**
     * Reads a request body; an empty one asks for the defaults.
     *
     * @throws ApiException {@code MALFORMED_JSON} for a body that is not JSON, {@code VALIDATION_ERROR}
     *                      naming each field that is wrong (never quoting what was sent)
     */
    public static SeedRequest parse(String body) {
        if (body == null || body.isBlank()) {
            return new SeedRequest(DEFAULT_SEED, DEFAULT_DAYS);
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON);
        }
        return from(json);
    }

    /** Reads the fields of an already parsed body ({@code others} are fields the caller reads itself). */
    public static SeedRequest from(JsonNode json, String... others) {
        if (json == null || !json.isObject()) {
            throw ApiException.validation(List.of(ValidationIssue.structure("body", "must be a JSON object")));
        }
        List<ValidationIssue> issues = new ArrayList<>();
        Set<String> allowed = new TreeSet<>(FIELDS);
        allowed.addAll(List.of(others));
        boolean unknownField = false;
        for (var names = json.fieldNames(); names.hasNext(); ) {
            unknownField |= !allowed.contains(names.next());
        }
        if (unknownField) {
            // Named by what is allowed: a field's name is the client's text and is never quoted back.
            issues.add(ValidationIssue.structure("body", "may contain only " + String.join(", ", allowed)));
        }
        JsonNode seed = json.get(SEED);
        boolean seedValid = seed == null || seed.isIntegralNumber() && seed.canConvertToLong() && seed.asLong() >= 0;
        if (!seedValid) {
            issues.add(seedIssue());
        }
        JsonNode days = json.get(DAYS);
        boolean daysValid = days == null || days.isIntegralNumber() && days.canConvertToInt()
                && days.asInt() >= 1 && days.asInt() <= MAX_DAYS;
        if (!daysValid) {
            issues.add(daysIssue());
        }
        if (!issues.isEmpty()) {
            throw ApiException.validation(issues);
        }
        return new SeedRequest(seed == null ? DEFAULT_SEED : seed.asLong(), days == null ? DEFAULT_DAYS : days.asInt());
    }

    private static ValidationIssue seedIssue() {
        return ValidationIssue.value(SEED, "must be an integer from 0 to " + Long.MAX_VALUE);
    }

    private static ValidationIssue daysIssue() {
        return ValidationIssue.value(DAYS, "must be an integer from 1 to " + MAX_DAYS);
    }
}
