package com.clinikapi.server.support;

import io.micronaut.data.annotation.Query;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.TestReporter;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL database of its own, migrated by a service of its own, that a test fills in bulk and
 * nothing analyzes; and how PostgreSQL plans the service's statements on it. Before any ANALYZE the
 * planner has no statistics (every equality looks as if it kept one row in 200), which is when a
 * query can drift to an index not meant for it: these plans show whether one can.
 *
 * <p>A statement is explained (EXPLAIN ANALYZE, in a transaction rolled back) twice: as a custom
 * plan, its parameters bound as the service binds them, and as a generic plan, which is what a
 * statement prepared on the server may switch to after five runs.
 */
public final class QueryPlans implements AutoCloseable {

    /** What a plan may read and throw away by filtering, over all its nodes. */
    public static final int MOST_ROWS_FILTERED = 100;

    private final EmbeddedServer server;
    private final Connection connection;

    private QueryPlans(EmbeddedServer server, Connection connection) {
        this.server = server;
        this.connection = connection;
    }

    /** A new database, migrated by a service started on it (closed with this). */
    public static QueryPlans onFreshPostgres() throws SQLException {
        Map<String, Object> datasource = Database.freshPostgres();
        EmbeddedServer server = TestServers.start(datasource);
        Connection connection = DriverManager.getConnection((String) datasource.get("datasources.default.url"),
                (String) datasource.get("datasources.default.username"),
                (String) datasource.get("datasources.default.password"));
        return new QueryPlans(server, connection);
    }

    /**
     * Fills {@code table} with {@code statements} after turning its autovacuum off, so nothing
     * analyzes it; asserts that it has no statistics afterwards.
     */
    public void load(String table, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        assertThat(single("SELECT COUNT(*) FROM pg_stats WHERE tablename = '" + table + "'"))
                .as("statistics of %s (nothing may have analyzed it)", table).isEqualTo("0");
    }

    /** The first column of the first row of a query of the test's own. */
    public String single(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SQL Micronaut Data generated for a method of a repository of the service. */
    public String repositoryQuery(Class<?> repository, String method) {
        return server.getApplicationContext().getBeanDefinition(repository).getExecutableMethods().stream()
                .filter(m -> m.getMethodName().equals(method))
                .map(m -> m.stringValue(Query.class).orElseThrow())
                .findFirst().orElseThrow();
    }

    /**
     * Asserts that both plans of the statement read the table only through {@code index} (no
     * sequential scan, no other index) and remove fewer than {@link #MOST_ROWS_FILTERED} rows by
     * filtering; publishes each as a figure of {@code name} (its nodes, the rows each returned and
     * filtered away).
     */
    public void assertUses(TestReporter reporter, String name, String index, String sql, List<Object> parameters) {
        Figures figures = new Figures(reporter, name);
        for (Plan plan : List.of(customPlan(sql, parameters), genericPlan(sql, parameters))) {
            figures.record(plan.kind + " plan", plan.summary());
            assertThat(plan.indexes()).as("indexes read by the %s plan of %s%n%s", plan.kind, sql, plan).containsExactly(index);
            assertThat(plan.nodeTypes()).as("the %s plan of %s%n%s", plan.kind, sql, plan).doesNotContain("Seq Scan");
            assertThat(plan.rowsRemoved()).as("rows removed by the %s plan of %s%n%s", plan.kind, sql, plan)
                    .isLessThan(MOST_ROWS_FILTERED);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            server.close();
        }
    }

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

    /** The statement prepared on the server ({@code ?} become {@code $n}), then executed with a generic plan. */
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
                    String arguments = parameters.stream().map(QueryPlans::literal).collect(Collectors.joining(", "));
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
            connection.setAutoCommit(false);
            try {
                return work.run();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
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
            return nodes().stream().mapToLong(Plan::removed).sum();
        }

        /** The nodes from the top down: type, index, rows returned and removed by filtering. */
        String summary() {
            return nodes().stream().map(node -> node.get("Node Type").getStringValue()
                            + (node.get("Index Name") == null ? "" : " using " + node.get("Index Name").getStringValue())
                            + " (rows " + count(node, "Actual Rows") + ", removed " + removed(node) + ")")
                    .collect(Collectors.joining(" > "));
        }

        /** One line per node: type, index, conditions, rows returned and removed. */
        @Override
        public String toString() {
            return nodes().stream().map(node -> "  " + node.get("Node Type").getStringValue()
                            + (node.get("Index Name") == null ? "" : " using " + node.get("Index Name").getStringValue())
                            + (node.get("Index Cond") == null ? "" : " cond " + node.get("Index Cond").getStringValue())
                            + (node.get("Filter") == null ? "" : " filter " + node.get("Filter").getStringValue())
                            + " rows " + count(node, "Actual Rows") + " removed " + removed(node))
                    .collect(Collectors.joining("\n"));
        }

        private static long removed(JsonNode node) {
            return count(node, "Rows Removed by Filter") + count(node, "Rows Removed by Index Recheck");
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
    }
}
