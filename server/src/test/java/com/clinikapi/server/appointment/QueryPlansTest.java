package com.clinikapi.server.appointment;

import com.clinikapi.contract.appointment.TimeWindow;
import com.clinikapi.contract.search.SearchCursor;
import com.clinikapi.contract.search.SearchFilter;
import com.clinikapi.contract.search.SearchSort;
import com.clinikapi.contract.search.SortKeys;
import com.clinikapi.server.appointment.AppointmentSearchQuery.Sql;
import com.clinikapi.server.database.Timestamps;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.Figures;
import com.clinikapi.server.support.TestServers;
import io.micronaut.data.annotation.Query;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Right after a bulk load, before PostgreSQL has analyzed the table (it has no statistics, so every
 * column looks selective), each query the service runs on appointments reads through the index meant
 * for it and filters next to nothing: the plan must not depend on when autovacuum happens to analyze.
 * The statements are the service's own (its repository's generated SQL, its search and overlap SQL),
 * explained both as a custom plan (what a fresh statement gets) and as a generic plan (what a
 * statement prepared on the server may switch to after five runs).
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
    private static final int MOST_ROWS_FILTERED = 100;

    private EmbeddedServer server;
    private Connection connection;
    private String someId;

    @BeforeAll
    void loadAppointmentsWithoutStatistics() throws SQLException {
        Map<String, Object> datasource = Database.freshPostgres();
        server = TestServers.start(datasource);
        connection = DriverManager.getConnection((String) datasource.get("datasources.default.url"),
                (String) datasource.get("datasources.default.username"),
                (String) datasource.get("datasources.default.password"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE appointment SET (autovacuum_enabled = false)");
            statement.execute(bulkLoad());
        }
        someId = single("SELECT MAX(id) FROM appointment WHERE tenant_id = '" + TENANT + "'");
        assertThat(single("SELECT COUNT(*) FROM pg_stats WHERE tablename = 'appointment'"))
                .as("statistics of appointment (nothing may have analyzed it)").isEqualTo("0");
        connection.setAutoCommit(false);
    }

    @AfterAll
    void close() throws SQLException {
        connection.close();
        server.close();
    }

    @Nested
    class ById {

        @Test
        void readsThroughThePrimaryKey(TestReporter reporter) {
            assertPlanUses(reporter, "read by id", "pk_appointment", repositoryQuery("findByIdAndTenantIdAndMode"), byId());
        }

        @Test
        void locksThroughThePrimaryKey(TestReporter reporter) {
            assertPlanUses(reporter, "read by id for update", "pk_appointment", repositoryQuery("findByIdAndTenantIdAndModeForUpdate"), byId());
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
            assertPlanUses(reporter, "update by id and version", "pk_appointment", AppointmentRepository.UPDATE, parameters);
        }

        @Test
        void deletesThroughThePrimaryKey(TestReporter reporter) {
            assertPlanUses(reporter, "delete by id", "pk_appointment", repositoryQuery("deleteByIdAndTenantIdAndMode"), byId());
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
            assertPlanUses(reporter, "search by date range, next page", "ix_appointment_start", page.text(), page.parameters());
        }

        /** The count ({@code total}) and a page of 20 (21 rows read, to know whether more follow). */
        private void assertSearchUses(TestReporter reporter, String search, String index, SearchFilter filter) {
            Sql count = AppointmentSearchQuery.count(OWNER, filter);
            assertPlanUses(reporter, search + ", total", index, count.text(), count.parameters());
            Sql page = AppointmentSearchQuery.page(OWNER, filter, SearchSort.DEFAULT, null, 21);
            assertPlanUses(reporter, search + ", page", index, page.text(), page.parameters());
        }
    }

    @Nested
    class OverlapCheck {

        @Test
        void findsAConflictThroughThePractitionersEndIndex(TestReporter reporter) {
            OffsetDateTime taken = FIRST_SLOT.plusMinutes(30L * 253);
            assertPlanUses(reporter, "overlap check, time taken", "ix_appointment_practitioner_end", PractitionerSchedule.OVERLAPPING,
                    overlapping("pra-7", taken.plusMinutes(10), taken.plusMinutes(40)));
        }

        @Test
        void findsFreeTimeWithoutReadingThePractitionersPast(TestReporter reporter) {
            OffsetDateTime free = FIRST_SLOT.plusMinutes(30L * (APPOINTMENTS / PRACTITIONERS + 1));
            assertPlanUses(reporter, "overlap check, time free", "ix_appointment_practitioner_end", PractitionerSchedule.OVERLAPPING,
                    overlapping("pra-7", free, free.plusMinutes(30)));
        }

        /** The check before booking a new appointment of the practitioner for the window. */
        private List<Object> overlapping(String practitionerId, OffsetDateTime start, OffsetDateTime end) {
            return PractitionerSchedule.overlappingParameters(OWNER, practitionerId, new TimeWindow(start, end), null);
        }
    }

    /**
     * Asserts that both plans of the statement read appointments only through {@code index} (no
     * sequential scan, no other index) and remove fewer than {@link #MOST_ROWS_FILTERED} rows by
     * filtering. Each runs (EXPLAIN ANALYZE) in a transaction that is rolled back, and is published as
     * a figure (one line: each node, the rows it returned and those it filtered away).
     */
    private void assertPlanUses(TestReporter reporter, String statement, String index, String sql, List<Object> parameters) {
        Figures figures = new Figures(reporter, statement);
        for (Plan plan : List.of(customPlan(sql, parameters), genericPlan(sql, parameters))) {
            figures.record(plan.kind + " plan", plan.summary());
            assertThat(plan.indexes()).as("indexes read by the %s plan of %s%n%s", plan.kind, sql, plan).containsExactly(index);
            assertThat(plan.nodeTypes()).as("the %s plan of %s%n%s", plan.kind, sql, plan).doesNotContain("Seq Scan");
            assertThat(plan.rowsRemoved()).as("rows removed by the %s plan of %s%n%s", plan.kind, sql, plan)
                    .isLessThan(MOST_ROWS_FILTERED);
        }
    }

    /** The plan of the statement with its parameters bound as the service binds them. */
    private Plan customPlan(String sql, List<Object> parameters) {
        return inRolledBackTransaction(() -> {
            try (PreparedStatement statement = connection.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                return new Plan("custom", json(statement));
            }
        });
    }

    /** The plan the server would reuse for any parameters: the statement prepared, then executed. */
    private Plan genericPlan(String sql, List<Object> parameters) {
        return inRolledBackTransaction(() -> {
            StringBuilder numbered = new StringBuilder();
            int parameter = 0;
            for (char c : sql.toCharArray()) {
                if (c == '?') {
                    numbered.append('$').append(++parameter);
                } else {
                    numbered.append(c);
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                statement.execute("PREPARE planned AS " + numbered);
                try {
                    String arguments = parameters.stream().map(QueryPlansTest::literal).collect(Collectors.joining(", "));
                    try (PreparedStatement explain = connection.prepareStatement(
                            "EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE planned" + (arguments.isEmpty() ? "" : "(" + arguments + ")"))) {
                        return new Plan("generic", json(explain));
                    }
                } finally {
                    statement.execute("DEALLOCATE planned");
                }
            }
        });
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    private JsonNode json(PreparedStatement explain) throws SQLException, IOException {
        try (ResultSet rs = explain.executeQuery()) {
            rs.next();
            return server.getApplicationContext().getBean(JsonMapper.class).readValue(rs.getString(1), JsonNode.class);
        }
    }

    private interface SqlWork<T> {
        T run() throws SQLException, IOException;
    }

    private <T> T inRolledBackTransaction(SqlWork<T> work) {
        try {
            try {
                return work.run();
            } finally {
                connection.rollback();
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SQL Micronaut Data generated for a method of the repository. */
    private String repositoryQuery(String method) {
        return server.getApplicationContext().getBeanDefinition(AppointmentRepository.class).getExecutableMethods().stream()
                .filter(m -> m.getMethodName().equals(method))
                .map(m -> m.stringValue(Query.class).orElseThrow())
                .findFirst().orElseThrow();
    }

    private String single(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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

    /** An EXPLAIN (ANALYZE, FORMAT JSON) answer. */
    private record Plan(String kind, JsonNode json) {

        /** The indexes the plan reads, by name. */
        Set<String> indexes() {
            return nodes().stream().filter(node -> node.get("Index Name") != null)
                    .map(node -> node.get("Index Name").getStringValue()).collect(Collectors.toCollection(TreeSet::new));
        }

        List<String> nodeTypes() {
            return nodes().stream().map(node -> node.get("Node Type").getStringValue()).toList();
        }

        /** Rows read and then discarded by a filter or a recheck, over the whole plan. */
        long rowsRemoved() {
            return nodes().stream().mapToLong(node -> count(node, "Rows Removed by Filter") + count(node, "Rows Removed by Index Recheck")).sum();
        }

        private static long count(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null ? 0 : value.getNumberValue().longValue();
        }

        private List<JsonNode> nodes() {
            List<JsonNode> nodes = new ArrayList<>();
            collect(json.get(0).get("Plan"), nodes);
            return nodes;
        }

        private static void collect(JsonNode node, List<JsonNode> into) {
            into.add(node);
            JsonNode children = node.get("Plans");
            if (children != null) {
                for (JsonNode child : children.values()) {
                    collect(child, into);
                }
            }
        }

        /** The nodes from the top down: type, index, rows returned and removed by filtering. */
        String summary() {
            return nodes().stream().map(node -> node.get("Node Type").getStringValue()
                    + (node.get("Index Name") == null ? "" : " using " + node.get("Index Name").getStringValue())
                    + " (rows " + count(node, "Actual Rows")
                    + ", removed " + (count(node, "Rows Removed by Filter") + count(node, "Rows Removed by Index Recheck")) + ")")
                    .collect(Collectors.joining(" > "));
        }

        /** One line per node: type, index, conditions, rows, rows removed. */
        @Override
        public String toString() {
            return nodes().stream().map(node -> "  " + node.get("Node Type").getStringValue()
                    + (node.get("Index Name") == null ? "" : " using " + node.get("Index Name").getStringValue())
                    + (node.get("Index Cond") == null ? "" : " cond " + node.get("Index Cond").getStringValue())
                    + (node.get("Filter") == null ? "" : " filter " + node.get("Filter").getStringValue())
                    + " rows " + count(node, "Actual Rows")
                    + " removed " + (count(node, "Rows Removed by Filter") + count(node, "Rows Removed by Index Recheck")))
                    .collect(Collectors.joining("\n"));
        }
    }
}
