package com.clinikapi.server.appointment;

import com.clinikapi.contract.search.SortKeys;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository on each database: exact round trips, scoping by tenant and mode, conditional updates. */
abstract class AppointmentRepositoryTest extends ApiTest {

    AppointmentRepositoryTest(Database database) {
        super(database);
    }

    static class OnH2 extends AppointmentRepositoryTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends AppointmentRepositoryTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    private AppointmentRepository repository;
    private TransactionOperations<Connection> transactions;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void beans() {
        repository = server.getApplicationContext().getBean(AppointmentRepository.class);
        transactions = server.getApplicationContext().getBean(TransactionOperations.class);
    }

    private static AppointmentRow row(String tenant, String mode) {
        Instant start = Instant.parse("2026-12-01T09:00:00.123456Z");
        Instant created = Instant.parse("2026-11-20T14:03:11.000001Z");
        return new AppointmentRow("appt_" + UUID.randomUUID().toString().replace("-", ""), tenant, mode, 1L,
                "booked", "pat_1", Bodies.uniquePractitioner(), "sr_1", start, start.plusSeconds(1800), 30, created, created, 4,
                "followup", "General practice", "Primary care", "Cardiology", "Review", "Subject", "Note",
                "Fast", null, "[{\"start\":\"2026-12-02T08:00:00Z\",\"end\":\"2026-12-02T12:00:00Z\"}]",
                SortKeys.ofStart(start.atOffset(ZoneOffset.UTC)), SortKeys.of(created.atOffset(ZoneOffset.UTC)));
    }

    private boolean updateIfVersion(AppointmentRow next, long expected) {
        return transactions.executeWrite(status -> repository.updateIfVersion(next, expected));
    }

    @Test
    void readsBackExactlyWhatItSavedToTheMicrosecondWhateverTheJvmZone() {
        // given
        AppointmentRow saved = repository.save(row("dev", "test"));

        // when
        AppointmentRow read = repository.findByIdAndTenantIdAndMode(saved.id(), "dev", "test").orElseThrow();

        // then
        assertThat(read).isEqualTo(saved);
    }

    @Test
    void findsOnlyWithinTheTenantAndMode() {
        // given
        AppointmentRow saved = repository.save(row("dev", "test"));

        // then
        assertThat(repository.findByIdAndTenantIdAndMode(saved.id(), "other", "test")).isEmpty();
        assertThat(repository.findByIdAndTenantIdAndMode(saved.id(), "dev", "live")).isEmpty();
    }

    @Test
    void updatesOnlyWhileTheVersionIsTheOneRead() {
        // given
        AppointmentRow saved = repository.save(row("dev", "test"));
        AppointmentRow next = new AppointmentRow(saved.id(), "dev", "test", 2L, "arrived", saved.patientId(),
                saved.practitionerId(), saved.basedOnId(), saved.startAt(), saved.endAt(), saved.minutesDuration(),
                saved.created(), Instant.parse("2026-12-01T09:01:00Z"), saved.priority(), saved.appointmentType(),
                saved.serviceType(), saved.serviceCategory(), saved.specialty(), saved.reasonCode(), saved.description(),
                saved.comment(), saved.patientInstruction(), null, saved.requestedPeriod(), saved.startKey(),
                saved.createdKey());

        // when
        boolean first = updateIfVersion(next, 1L);
        boolean stale = updateIfVersion(next.withVersion(3L), 1L);

        // then
        assertThat(first).isTrue();
        assertThat(stale).isFalse();
        assertThat(repository.findByIdAndTenantIdAndMode(saved.id(), "dev", "test")).hasValue(next);
    }

    @Test
    void neitherUpdatesNorDeletesAnotherTenantsRow() {
        // given
        AppointmentRow saved = repository.save(row("dev", "test"));
        AppointmentRow foreign = new AppointmentRow(saved.id(), "other", "test", 2L, "noshow", "pat_x", null, null,
                null, null, null, saved.created(), saved.updatedAt(), null, null, null, null, null, null, null, null,
                null, null, null, saved.startKey(), saved.createdKey());

        // when
        boolean updated = updateIfVersion(foreign, 1L);
        long deleted = repository.deleteByIdAndTenantIdAndMode(saved.id(), "other", "test");

        // then
        assertThat(updated).isFalse();
        assertThat(deleted).isZero();
        assertThat(repository.findByIdAndTenantIdAndMode(saved.id(), "dev", "test")).hasValue(saved);
    }
}
