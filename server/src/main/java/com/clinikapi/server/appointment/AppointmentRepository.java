package com.clinikapi.server.appointment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Storage of appointments. Every read, change and delete names the tenant and mode. Changes are
 * conditional on the version that was read (optimistic concurrency), written by hand because
 * Micronaut Data's {@code @Version} starts at 0 and the API's version starts at 1. All SQL is plain
 * ANSI that H2 and PostgreSQL run alike; search lives in {@link AppointmentSearchQuery}.
 */
@JdbcRepository(dialect = Dialect.ANSI)
public abstract class AppointmentRepository implements GenericRepository<AppointmentRow, String> {

    static final String UPDATE = """
            UPDATE appointment SET version = ?, status = ?, start_at = ?, end_at = ?, minutes_duration = ?,
                   updated_at = ?, priority = ?, appointment_type = ?, service_type = ?, specialty = ?,
                   reason_code = ?, description = ?, comment = ?, patient_instruction = ?,
                   cancelation_reason = ?, start_key = ?
             WHERE id = ? AND tenant_id = ? AND mode = ? AND version = ?""";

    private final JdbcOperations jdbc;

    protected AppointmentRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public abstract AppointmentRow save(AppointmentRow row);

    public abstract Optional<AppointmentRow> findByIdAndTenantIdAndMode(String id, String tenantId, String mode);

    /** The same, locked ({@code SELECT … FOR UPDATE}) until the caller's transaction ends. */
    public abstract Optional<AppointmentRow> findByIdAndTenantIdAndModeForUpdate(String id, String tenantId, String mode);

    public abstract long deleteByIdAndTenantIdAndMode(String id, String tenantId, String mode);

    /**
     * Writes the changeable fields of {@code next} if the stored row (same id, tenant and mode) still
     * has {@code expectedVersion}. Must run inside a transaction.
     *
     * @return whether the row was written; false means it changed or vanished meanwhile
     */
    public boolean updateIfVersion(AppointmentRow next, long expectedVersion) {
        return jdbc.prepareStatement(UPDATE, statement -> {
            Binder b = new Binder(statement);
            b.set(next.version()).set(next.status()).set(next.startAt()).set(next.endAt()).set(next.minutesDuration())
                    .set(next.updatedAt()).set(next.priority()).set(next.appointmentType()).set(next.serviceType())
                    .set(next.specialty()).set(next.reasonCode()).set(next.description()).set(next.comment())
                    .set(next.patientInstruction()).set(next.cancelationReason()).set(next.startKey())
                    .set(next.id()).set(next.tenantId()).set(next.mode()).set(expectedVersion);
            return statement.executeUpdate() == 1;
        });
    }

    /** Binds parameters in order; instants as UTC {@code OffsetDateTime}, the JDBC 4.2 type of TIMESTAMP WITH TIME ZONE. */
    private static final class Binder {
        private final PreparedStatement statement;
        private int index = 1;

        Binder(PreparedStatement statement) {
            this.statement = statement;
        }

        Binder set(Object value) throws SQLException {
            Object bound = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
            statement.setObject(index++, bound);
            return this;
        }
    }
}
