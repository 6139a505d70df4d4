package com.clinikapi.mock.seed;

import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.mock.spec.ContractOperation;
import com.clinikapi.mock.spec.SchemaPaths;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the spec's create body schema says that synthetic appointments must respect: which fields
 * exist, the values {@code status} may take, the longest text each field holds and the bounds of
 * its integers. Read from the contract when the mock starts, so a field removed from the schema is
 * no longer seeded, a shorter {@code maxLength} shortens the seeded text and a status added to the
 * enum (and known to the contract's rules) is seeded too.
 */
final class SeedSchema {

    private final Map<String, Schema<?>> properties;

    private SeedSchema(Map<String, Schema<?>> properties) {
        this.properties = properties;
    }

    static SeedSchema of(ContractOperation create) {
        Map<String, Schema<?>> properties = SchemaPaths.properties(create.requestSchema());
        if (!properties.containsKey("status") || !properties.containsKey("patientId")) {
            throw new IllegalStateException(create.operationId() + " takes no status or patientId: nothing to seed");
        }
        return new SeedSchema(properties);
    }

    boolean has(String field) {
        return properties.containsKey(field);
    }

    /** The statuses of the schema's enum, in the spec's order, that the contract's rules know. */
    List<AppointmentStatus> statuses() {
        List<?> values = properties.get("status").getEnum();
        if (values == null) {
            return List.of(AppointmentStatus.values());
        }
        return values.stream()
                .map(value -> AppointmentStatus.fromWire(String.valueOf(value)))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The text as the field may hold it: cut to the field's {@code maxLength}. */
    String text(String field, String text) {
        Integer maxLength = properties.get(field).getMaxLength();
        return maxLength == null || text.length() <= maxLength ? text : text.substring(0, maxLength);
    }

    /** {@code value} moved into the field's {@code minimum..maximum}. */
    int bounded(String field, int value) {
        Schema<?> schema = properties.get(field);
        int low = bound(schema.getMinimum(), Integer.MIN_VALUE);
        int high = bound(schema.getMaximum(), Integer.MAX_VALUE);
        return Math.max(low, Math.min(high, value));
    }

    private static int bound(BigDecimal limit, int none) {
        return limit == null ? none : limit.intValue();
    }
}
