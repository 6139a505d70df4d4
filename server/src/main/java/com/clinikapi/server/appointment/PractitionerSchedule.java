package com.clinikapi.server.appointment;

import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.appointment.PractitionerTime;
import com.clinikapi.contract.appointment.TimeWindow;
import com.clinikapi.server.database.Timestamps;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.server.database.SqlFailures;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

/**
 * No double booking, decided by the database: before an appointment comes to hold a practitioner's
 * time, its transaction locks the practitioner's stripe ({@code practitioner_lock}, see V3), then
 * looks for an overlapping appointment holding the same practitioner's time. Bookings of one
 * practitioner are so serialized on every instance, and each sees the ones committed before it.
 * On PostgreSQL an exclusion constraint (V3_1) guarantees the same in the schema.
 */
@Singleton
class PractitionerSchedule {

    /** The number of rows V3 puts in {@code practitioner_lock}; never change it on a shared database. */
    static final int STRIPES = 1024;

    static final List<String> HOLDING = Arrays.stream(AppointmentStatus.values())
            .filter(AppointmentStatus::holdsPractitionerTime).map(AppointmentStatus::wire).toList();
    private static final String LOCK = "SELECT stripe FROM practitioner_lock WHERE stripe = ? FOR UPDATE";
    /**
     * The practitioner's appointments holding part of a window. They are named by practitioner_key
     * (tenant, mode and practitioner in one value), which leads the index of this query and no other
     * (V6): so neither the search's practitioner index nor the exclusion constraint's (which would read
     * all of the practitioner's past) can serve it. Parameters: {@link #overlappingParameters}.
     */
    static final String OVERLAPPING = """
            SELECT id FROM appointment
             WHERE practitioner_key = ? AND end_at > ? AND start_at < ?
               AND status IN (%s) AND id <> ?
             ORDER BY start_at, id""".formatted(HOLDING.stream().map(s -> "?").collect(Collectors.joining(", ")));

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    PractitionerSchedule(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Writes an appointment that holds {@code window} of the practitioner's time, inside the caller's
     * transaction: locks the practitioner's stripe (held until the transaction ends), refuses an
     * overlap, then runs {@code write}.
     *
     * @param appointmentId the appointment taking the time (it never conflicts with itself)
     * @throws ApiException 409 {@code SCHEDULING_CONFLICT} naming the appointment already holding
     *                      part of the window
     * @throws TimeTaken    when PostgreSQL's exclusion constraint refused the write (a writer that
     *                      bypassed the lock); answer it with {@link #conflictFor} once the transaction
     *                      has ended
     */
    <T> T writeHolding(Owner owner, String practitionerId, TimeWindow window, String appointmentId, Supplier<T> write) {
        lockStripe(stripeOf(owner, practitionerId));
        overlapping(owner, practitionerId, window, appointmentId).ifPresent(conflicting -> {
            throw PractitionerTime.conflictWith(conflicting);
        });
        try {
            return write.get();
        } catch (DataAccessException e) {
            if (SqlFailures.isExclusionViolation(e)) {
                throw new TimeTaken(owner, practitionerId, window, appointmentId);
            }
            throw e;
        }
    }

    /** The 409 for a write the database refused, naming (if it is still there) the appointment in the way. */
    ApiException conflictFor(TimeTaken taken) {
        return PractitionerTime.conflictWith(transactions.executeRead(status ->
                overlapping(taken.owner, taken.practitionerId, taken.window, taken.appointmentId)).orElse(null));
    }

    /** The first appointment (by start) holding part of the window of the practitioner's time. */
    private Optional<String> overlapping(Owner owner, String practitionerId, TimeWindow window, @Nullable String exceptId) {
        List<Object> parameters = overlappingParameters(owner, practitionerId, window, exceptId);
        return jdbc.prepareStatement(OVERLAPPING, statement -> {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            statement.setMaxRows(1);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /** The parameters of {@link #OVERLAPPING}, in order. */
    static List<Object> overlappingParameters(Owner owner, String practitionerId, TimeWindow window, @Nullable String exceptId) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(owner.practitionerKey(practitionerId));
        parameters.add(Timestamps.bind(AppointmentMapper.instant(window.start())));
        parameters.add(Timestamps.bind(AppointmentMapper.instant(window.end())));
        parameters.addAll(HOLDING);
        parameters.add(exceptId == null ? "" : exceptId);
        return parameters;
    }

    private void lockStripe(int stripe) {
        jdbc.prepareStatement(LOCK, statement -> {
            statement.setInt(1, stripe);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("practitioner_lock has no stripe " + stripe + "; is V3 applied?");
                }
                return stripe;
            }
        });
    }

    /** A stable hash of the practitioner within its tenant and mode, the same on every instance and version. */
    static int stripeOf(Owner owner, String practitionerId) {
        CRC32 crc = new CRC32();
        crc.update((owner.tenantId() + '\n' + owner.mode() + '\n' + practitionerId).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % STRIPES);
    }

    /** PostgreSQL refused a write that would overlap; thrown to end (roll back) the transaction first. */
    static final class TimeTaken extends RuntimeException {
        private final transient Owner owner;
        private final String practitionerId;
        private final transient TimeWindow window;
        private final String appointmentId;

        TimeTaken(Owner owner, String practitionerId, TimeWindow window, String appointmentId) {
            super(null, null, false, false);
            this.owner = owner;
            this.practitionerId = practitionerId;
            this.window = window;
            this.appointmentId = appointmentId;
        }
    }
}
