package com.clinikapi.server.appointment;

import com.clinikapi.contract.appointment.TimeWindow;
import com.clinikapi.contract.search.SearchCursor;
import com.clinikapi.contract.search.SearchFilter;
import com.clinikapi.contract.search.SearchSort;
import com.clinikapi.contract.search.SortKeys;
import com.clinikapi.server.appointment.AppointmentSearchQuery.Sql;
import com.clinikapi.server.database.Timestamps;
import com.clinikapi.server.support.QueryPlans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Right after a bulk load, before PostgreSQL has analyzed the table (it has no statistics, so every
 * column looks selective), each query the service runs on appointments reads through the index meant
 * for it and filters next to nothing: the plan must not depend on when autovacuum happens to analyze
 * (issue 11). The statements are the service's own: its repository's generated SQL, its search and
 * overlap SQL, with their parameters; {@link QueryPlans} explains each as a custom and as a generic
 * plan.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlansTest {

    /** The one large tenant of the load; the others are small. */
    private static final String TENANT = "big";
    private static final Owner OWNER = new Owner(TENANT, "live");
    private static final int APPOINTMENTS = 50_000;
    private static final int PRACTITIONERS = 100;
    private static final int PATIENTS = 5_000;
    /** The first slot; each practitioner then has one 30-minute appointment after another. */
    private static final OffsetDateTime FIRST_SLOT = OffsetDateTime.parse("2026-03-02T08:00:00Z");

    private QueryPlans plans;
    private String someId;

    @BeforeAll
    void loadAppointmentsWithoutStatistics() throws SQLException {
        plans = QueryPlans.onFreshPostgres();
        plans.load("appointment", bulkLoad());
        someId = plans.single("SELECT MAX(id) FROM appointment WHERE tenant_id = '" + TENANT + "'");
    }

    @AfterAll
    void close() throws SQLException {
        plans.close();
    }

    @Nested
    class ById {

        @Test
        void readsThroughThePrimaryKey(TestReporter reporter) {
            plans.assertUses(reporter, "read by id", "pk_appointment", repositoryQuery("findByIdAndTenantIdAndMode"), byId());
        }

        @Test
        void locksThroughThePrimaryKey(TestReporter reporter) {
            plans.assertUses(reporter, "read by id for update", "pk_appointment", repositoryQuery("findByIdAndTenantIdAndModeForUpdate"), byId());
        }

        @Test
        void updatesThroughThePrimaryKey(TestReporter reporter) {
            Instant start = FIRST_SLOT.toInstant();
            List<Object> parameters = new ArrayList<>();
            parameters.add(2L);
            parameters.add("booked");
            parameters.add(Timestamps.bind(start));
            parameters.add(Timestamps.bind(start.plusSeconds(1800)));
            parameters.add(30);
            parameters.add(Timestamps.bind(Instant.now()));
            for (int i = 0; i < 9; i++) {
                parameters.add(null);
            }
            parameters.add(SortKeys.ofStart(FIRST_SLOT));
            parameters.addAll(List.of(someId, OWNER.tenantId(), OWNER.mode(), 1L));
            plans.assertUses(reporter, "update by id and version", "pk_appointment", AppointmentRepository.UPDATE, parameters);
        }

        @Test
        void deletesThroughThePrimaryKey(TestReporter reporter) {
            plans.assertUses(reporter, "delete by id", "pk_appointment", repositoryQuery("deleteByIdAndTenantIdAndMode"), byId());
        }

        private List<Object> byId() {
            return List.of(someId, OWNER.tenantId(), OWNER.mode());
        }
    }

    @Nested
    class Search {

        @Test
        void byPatientReadsThePatientsIndex(TestReporter reporter) {
            SearchFilter filter = new SearchFilter("pat-77", null, null, null, null);
            assertSearchUses(reporter, "search by patient", "ix_appointment_patient", filter);
        }

        @Test
        void byPractitionerReadsThePractitionersIndex(TestReporter reporter) {
            SearchFilter filter = new SearchFilter(null, "pra-7", null, null, null);
            assertSearchUses(reporter, "search by practitioner", "ix_appointment_practitioner", filter);
        }

        @Test
        void byDateRangeReadsTheStartIndex(TestReporter reporter) {
            SearchFilter filter = new SearchFilter(null, null, null, LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-05"));
            assertSearchUses(reporter, "search by date range", "ix_appointment_start", filter);
        }

        @Test
        void theNextPageByDateRangeReadsTheStartIndex(TestReporter reporter) {
            SearchFilter filter = new SearchFilter(null, null, null, LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-06"));
            SearchCursor after = new SearchCursor(SortKeys.ofStart(OffsetDateTime.parse("2026-03-05T12:00:00Z")), someId);
            Sql page = AppointmentSearchQuery.page(OWNER, filter, SearchSort.DEFAULT, after, 21);
            plans.assertUses(reporter, "search by date range, next page", "ix_appointment_start", page.text(), page.parameters());
        }

        /** The count ({@code total}) and a page of 20 (21 rows read, to know whether more follow). */
        private void assertSearchUses(TestReporter reporter, String search, String index, SearchFilter filter) {
            Sql count = AppointmentSearchQuery.count(OWNER, filter);
            plans.assertUses(reporter, search + ", total", index, count.text(), count.parameters());
            Sql page = AppointmentSearchQuery.page(OWNER, filter, SearchSort.DEFAULT, null, 21);
            plans.assertUses(reporter, search + ", page", index, page.text(), page.parameters());
        }
    }

    @Nested
    class OverlapCheck {

        @Test
        void findsAConflictThroughThePractitionersEndIndex(TestReporter reporter) {
            OffsetDateTime taken = FIRST_SLOT.plusMinutes(30L * 253);
            plans.assertUses(reporter, "overlap check, time taken", "ix_appointment_practitioner_end", PractitionerSchedule.OVERLAPPING,
                    overlapping("pra-7", taken.plusMinutes(10), taken.plusMinutes(40)));
        }

        @Test
        void findsFreeTimeWithoutReadingThePractitionersPast(TestReporter reporter) {
            OffsetDateTime free = FIRST_SLOT.plusMinutes(30L * (APPOINTMENTS / PRACTITIONERS + 1));
            plans.assertUses(reporter, "overlap check, time free", "ix_appointment_practitioner_end", PractitionerSchedule.OVERLAPPING,
                    overlapping("pra-7", free, free.plusMinutes(30)));
        }

        /** The check before booking a new appointment of the practitioner for the window. */
        private List<Object> overlapping(String practitionerId, OffsetDateTime start, OffsetDateTime end) {
            return PractitionerSchedule.overlappingParameters(OWNER, practitionerId, new TimeWindow(start, end), null);
        }
    }

    /** The SQL Micronaut Data generated for a method of {@link AppointmentRepository}. */
    private String repositoryQuery(String method) {
        return plans.repositoryQuery(AppointmentRepository.class, method);
    }

    /**
     * 50,000 appointments of tenant {@link #TENANT} in live mode (100 practitioners, each booked for
     * one 30-minute slot after another, every tenth slot cancelled; 5,000 patients), 2,000 in its test
     * mode and 500 in each of four small tenants: one statement, so that it takes a second or two.
     */
    private static String bulkLoad() {
        String tenants = "('" + TENANT + "', 'live', " + APPOINTMENTS + ", " + PRACTITIONERS + ", " + PATIENTS + ")"
                + ", ('" + TENANT + "', 'test', 2000, 10, 200)"
                + ", ('small-1', 'live', 500, 5, 50), ('small-2', 'live', 500, 5, 50)"
                + ", ('small-3', 'live', 500, 5, 50), ('small-4', 'test', 500, 5, 50)";
        return """
                INSERT INTO appointment (id, tenant_id, mode, version, status, patient_id, practitioner_id,
                       start_at, end_at, minutes_duration, created, updated_at, description, reason_code,
                       start_key, created_key)
                SELECT 'appt_' || substr(md5(t.tenant || t.mode || n), 1, 20), t.tenant, t.mode, 1,
                       CASE WHEN (n / t.practitioners) %% 10 = 0 THEN 'cancelled' ELSE 'booked' END,
                       'pat-' || (n %% t.patients), 'pra-' || (n %% t.practitioners),
                       slot.start_at, slot.start_at + INTERVAL '30 minutes', 30, slot.created, slot.created,
                       'Follow-up visit after the last results', 'Routine check',
                       (EXTRACT(EPOCH FROM slot.start_at) * 1000000)::BIGINT,
                       (EXTRACT(EPOCH FROM slot.created) * 1000000)::BIGINT
                  FROM (VALUES %s) AS t (tenant, mode, appointments, practitioners, patients)
                 CROSS JOIN LATERAL generate_series(0, t.appointments - 1) AS n
                 CROSS JOIN LATERAL (SELECT TIMESTAMPTZ '%s' + (n / t.practitioners) * INTERVAL '30 minutes' AS start_at,
                                            TIMESTAMPTZ '2026-01-01T00:00:00Z' + n * INTERVAL '1 second' AS created) AS slot
                """.formatted(tenants, FIRST_SLOT);
    }
}
