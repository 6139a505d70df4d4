package com.clinikapi.server.appointment;

import com.clinikapi.contract.ApiLimits;
import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.search.CursorCodec;
import com.clinikapi.contract.search.SearchContext;
import com.clinikapi.contract.search.SearchCursor;
import com.clinikapi.contract.search.SearchFilter;
import com.clinikapi.contract.search.SearchSort;
import com.clinikapi.server.auth.ApiKey;
import com.clinikapi.server.generated.model.AppointmentPage;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;

/**
 * Search with an opaque cursor: parameters become a {@link SearchFilter} and {@link SearchSort}, and
 * with the caller key's tenant and mode a {@link SearchContext}; the cursor is checked by
 * {@link CursorCodec} against that context (400 {@code INVALID_PARAMETER} if it was not issued for
 * this search by this caller, or has expired); one row more than the page is read to know whether
 * another follows.
 */
@Singleton
public class AppointmentSearch {

    private final AppointmentSearchQuery query;
    private final CursorCodec cursors;
    private final AppointmentMapper mapper;

    public AppointmentSearch(AppointmentSearchQuery query, CursorCodec cursors, AppointmentMapper mapper) {
        this.query = query;
        this.cursors = cursors;
        this.mapper = mapper;
    }

    /** The search parameters as the API received them; {@code null} means absent. */
    public record Parameters(@Nullable String patientId, @Nullable String practitionerId,
                             @Nullable AppointmentStatus status, @Nullable LocalDate dateFrom,
                             @Nullable LocalDate dateTo, @Nullable String sort, @Nullable Integer count,
                             @Nullable String cursor) {
    }

    /** One page of the caller key's tenant and mode. */
    public AppointmentPage search(ApiKey caller, Parameters parameters) {
        SearchSort sort = SearchSort.fromWire(parameters.sort())
                .orElseThrow(() -> ApiException.invalidParameter(SchemaViolations.oneOfEnum("sort")));
        SearchFilter filter = new SearchFilter(parameters.patientId(), parameters.practitionerId(),
                parameters.status(), parameters.dateFrom(), parameters.dateTo());
        SearchContext context = new SearchContext(caller.tenantId(), caller.mode(), filter, sort);
        SearchCursor after = parameters.cursor() == null ? null : cursors.decode(parameters.cursor(), context);
        int size = parameters.count() == null ? ApiLimits.DEFAULT_PAGE_SIZE : parameters.count();

        AppointmentSearchQuery.Result result = query.run(Owner.of(caller), filter, sort, after, size + 1);
        boolean hasMore = result.rows().size() > size;
        List<AppointmentRow> rows = hasMore ? result.rows().subList(0, size) : result.rows();

        AppointmentPage page = new AppointmentPage(rows.stream().map(mapper::toApi).toList(), result.total(), hasMore);
        page.setCursor(hasMore ? cursors.encode(next(sort, rows.get(rows.size() - 1)), context) : null);
        return page;
    }

    private static SearchCursor next(SearchSort sort, AppointmentRow last) {
        long key = sort.field() == SearchSort.SortField.START ? last.startKey() : last.createdKey();
        return new SearchCursor(key, last.id());
    }
}
