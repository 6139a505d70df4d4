package com.clinikapi.server.appointment;

import com.clinikapi.contract.search.SearchCursor;
import com.clinikapi.contract.search.SearchFilter;
import com.clinikapi.contract.search.SearchSort;
import com.clinikapi.contract.search.SortKeys;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The search SQL: keyset pagination on {@code (sort key, id)}, never OFFSET, so rows inserted or
 * deleted between pages cannot shift a page. Each search has an index of its own that starts with
 * what the search names (the patient, the practitioner, or the owner and the status) and ends with
 * the sort key and id (V6 migration), so a page is an index range scan. The count and the page run in
 * one repeatable-read transaction, so {@code total} and the page agree. Plain SQL that H2 and
 * PostgreSQL both run.
 */
@Singleton
public class AppointmentSearchQuery {

    /** One page of rows (up to the limit asked for) and the number of all matches. */
    public record Result(List<AppointmentRow> rows, long total) {
    }

    private final JdbcOperations jdbc;

    public AppointmentSearchQuery(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public Result run(Owner owner, SearchFilter filter, SearchSort sort, @Nullable SearchCursor after, int limit) {
        Sql count = count(owner, filter);
        long total = jdbc.prepareStatement(count.text(), statement -> {
            count.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        Sql page = page(owner, filter, sort, after, limit);
        List<AppointmentRow> rows = jdbc.prepareStatement(page.text(), statement -> {
            page.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                return jdbc.entityStream(rs, AppointmentRow.class).toList();
            }
        });
        return new Result(rows, total);
    }

    /** The statement counting every match of the filter (the page's {@code total}). */
    static Sql count(Owner owner, SearchFilter filter) {
        Where where = where(owner, filter);
        return new Sql("SELECT COUNT(*) FROM appointment WHERE " + where.sql, where.values);
    }

    /** The statement reading up to {@code limit} matches after the cursor, in the order asked for. */
    static Sql page(Owner owner, SearchFilter filter, SearchSort sort, @Nullable SearchCursor after, int limit) {
        Where where = where(owner, filter);
        String key = sort.field() == SearchSort.SortField.START ? "start_key" : "created_key";
        String direction = sort.ascending() ? "ASC" : "DESC";
        StringBuilder sql = new StringBuilder("SELECT * FROM appointment WHERE ").append(where.sql);
        if (after != null) {
            sql.append(" AND (").append(key).append(", id) ").append(sort.ascending() ? ">" : "<").append(" (?, ?)");
            where.values.add(after.lastKey());
            where.values.add(after.lastId());
        }
        sql.append(" ORDER BY ");
        for (String column : indexPrefix(filter, sort)) {
            sql.append(column).append(' ').append(direction).append(", ");
        }
        sql.append(key).append(' ').append(direction).append(", id ").append(direction).append(" LIMIT ?");
        where.values.add(limit);
        return new Sql(sql.toString(), where.values);
    }

    /**
     * The equality-filtered columns that lead the index serving this search. Repeating them in
     * ORDER BY changes nothing about the order (they are constant under the WHERE), but lets H2 read
     * the page straight from the index instead of sorting every match; PostgreSQL plans the same
     * either way.
     */
    private static List<String> indexPrefix(SearchFilter filter, SearchSort sort) {
        if (filter.patientId() != null) {
            return List.of("patient_id", "tenant_id", "mode");
        }
        if (filter.practitionerId() != null) {
            return List.of("practitioner_id", "tenant_id", "mode");
        }
        if (filter.status() != null && sort.field() == SearchSort.SortField.START) {
            return List.of("owner_key", "status");
        }
        return List.of("owner_key");
    }

    /**
     * The owner's appointments that match the filter. A patient's or a practitioner's appointments
     * are named by that id, tenant_id and mode, the leading columns of their own index; the others by
     * owner_key, which leads only the indexes of searches without a patient or practitioner (V6). So
     * no index meant for another query can serve a search, whatever PostgreSQL estimates.
     */
    private static Where where(Owner owner, SearchFilter filter) {
        Where where = new Where(new StringBuilder(), new ArrayList<>());
        if (filter.patientId() != null || filter.practitionerId() != null) {
            where.and("patient_id = ?", filter.patientId());
            where.and("practitioner_id = ?", filter.practitionerId());
            where.and("tenant_id = ?", owner.tenantId());
            where.and("mode = ?", owner.mode());
        } else {
            where.and("owner_key = ?", owner.key());
        }
        where.and("status = ?", filter.status() == null ? null : filter.status().wire());
        if (filter.hasDateRange()) {
            where.and("start_key >= ?", filter.dateFrom() == null ? null : SortKeys.of(filter.startFromInclusive()));
            // Without dateTo the bound is the "no start" key, which excludes appointments without a start.
            where.and("start_key < ?", filter.dateTo() == null ? SearchSort.NO_START_KEY : SortKeys.of(filter.startToExclusive()));
        }
        return where;
    }

    /** One SQL statement and its parameters, in order. */
    record Sql(String text, List<Object> parameters) {

        Sql {
            parameters = List.copyOf(parameters);
        }

        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
        }
    }

    /** A WHERE clause and its parameters, in order. */
    private record Where(StringBuilder sql, List<Object> values) {

        void and(String condition, @Nullable Object value) {
            if (value != null) {
                sql.append(sql.isEmpty() ? "" : " AND ").append(condition);
                values.add(value);
            }
        }
    }
}
