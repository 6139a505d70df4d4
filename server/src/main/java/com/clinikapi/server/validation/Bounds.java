package com.clinikapi.server.validation;

import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.error.ValidationIssue;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.OptionalLong;

/**
 * The {@code minimum}/{@code maximum} of a numeric field, as generated into {@code @Min}/{@code @Max},
 * worded as the spec's examples do: {@code priority: must be between 0 and 9}.
 */
public record Bounds(@Nullable Long min, @Nullable Long max) {

    public static Bounds of(AnnotationMetadata metadata) {
        return new Bounds(boxed(metadata.longValue(Min.class, "value")), boxed(metadata.longValue(Max.class, "value")));
    }

    static Bounds of(@Nullable Min min, @Nullable Max max) {
        return new Bounds(min == null ? null : min.value(), max == null ? null : max.value());
    }

    public boolean known() {
        return min != null || max != null;
    }

    public ValidationIssue issue(String field) {
        if (min != null && max != null) {
            return SchemaViolations.between(field, min, max);
        }
        return min != null ? SchemaViolations.atLeast(field, min) : SchemaViolations.atMost(field, max);
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
