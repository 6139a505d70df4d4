package com.clinikapi.server.database;

import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Database;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each database runs the plain migrations and, after them, those of its own vendor folder. */
abstract class VendorMigrationsTest extends ApiTest {

    VendorMigrationsTest(Database database) {
        super(database);
    }

    static class OnH2 extends VendorMigrationsTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends VendorMigrationsTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void appliesThePlainMigrationsThenItsOwnVendors() {
        // given
        TransactionOperations<Connection> transactions = server.getApplicationContext().getBean(TransactionOperations.class);
        JdbcOperations jdbc = server.getApplicationContext().getBean(JdbcOperations.class);

        // when
        List<String> scripts = transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT \"script\" FROM \"flyway_schema_history\" WHERE \"success\" ORDER BY \"installed_rank\"", statement -> {
                    List<String> applied = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            applied.add(rs.getString(1));
                        }
                    }
                    return applied;
                }));

        // then
        String own = database == Database.POSTGRES
                ? "V3_1__practitioner_time_exclusion.sql"
                : "V3_1__practitioner_time_guard.sql";
        assertThat(scripts).contains("V1__appointments.sql", "V3__idempotency_and_practitioner_time.sql", own)
                .containsSubsequence("V3__idempotency_and_practitioner_time.sql", own)
                .containsSubsequence("V4__idempotency_tombstones.sql", "V5__no_index_led_by_tenant.sql", "V5_1__owner_keys.sql",
                        "V6__one_index_per_query.sql");
    }
}
