package com.clinikapi.mock.appointment;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.ApiLimits;
import com.clinikapi.contract.appointment.AppointmentIds;
import com.clinikapi.contract.appointment.AppointmentRules;
import com.clinikapi.contract.appointment.AppointmentSchedule;
import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.appointment.StatusTransitions;
import com.clinikapi.contract.appointment.SupportedTimes;
import com.clinikapi.contract.appointment.VersionTags;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.auth.ApiKeyFormat;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.search.SearchContext;
import com.clinikapi.contract.search.SearchFilter;
import com.clinikapi.contract.search.SearchSort;
import com.clinikapi.mock.idempotency.IdempotentResults;
import com.clinikapi.mock.spec.ApiContract;
import com.clinikapi.mock.spec.ContractOperation;
import com.clinikapi.mock.store.AppointmentSearch;
import com.clinikapi.mock.store.AppointmentStore;
import com.clinikapi.mock.store.SearchPage;
import com.clinikapi.mock.store.StoredAppointment;
import com.clinikapi.mock.web.ApiCall;
import com.clinikapi.mock.web.ApiResult;
import com.clinikapi.mock.web.OperationHandler;
import com.clinikapi.mock.web.UtcTimes;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The five appointment operations, served statefully from the {@link AppointmentStore} with the
 * contract's own {@link AppointmentRules}, {@link StatusTransitions}, no-double-booking rule
 * ({@link PractitionerBookings}), {@link VersionTags}, ids and cursors, so that they answer what the
 * service answers. Each handler is bound to the spec by its {@code operationId}.
 */
public final class AppointmentOperations {

    public static final String CREATE = "createAppointment";
    public static final String READ = "getAppointment";
    public static final String UPDATE = "updateAppointment";
    public static final String DELETE = "deleteAppointment";
    public static final String SEARCH = "searchAppointments";

    private static final String ID = "id";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final AppointmentDocuments documents;
    private final AppointmentStore store;
    private final AppointmentSearch search;
    private final IdempotentResults idempotentResults;
    private final PractitionerBookings bookings = new PractitionerBookings();
    private final String readPathTemplate;

    public AppointmentOperations(ApiContract contract, AppointmentStore store, AppointmentSearch search,
                                 IdempotentResults idempotentResults) {
        this.documents = AppointmentDocuments.from(contract);
        this.store = store;
        this.search = search;
        this.idempotentResults = idempotentResults;
        this.readPathTemplate = contract.operation(READ).map(ContractOperation::pathTemplate).orElseThrow();
    }

    /** The handlers by the {@code operationId} they serve. */
    public Map<String, OperationHandler> handlers() {
        return Map.of(
                CREATE, this::create,
                READ, this::read,
                UPDATE, this::update,
                DELETE, this::delete,
                SEARCH, this::search);
    }

    ApiResult create(ApiCall call) {
        ObjectNode fields = documents.fromCreate(call.body());
        AppointmentSchedule schedule = AppointmentRules.checkNew(documents.schedule(fields));
        documents.applySchedule(fields, schedule);

        String id = AppointmentIds.newId();
        String now = UtcTimes.format(call.now());
        ObjectNode document = NODES.objectNode().put(AppointmentDocuments.ID, id);
        document.setAll(fields);
        if (!document.has(AppointmentDocuments.CREATED)) {
            document.put(AppointmentDocuments.CREATED, now);
        }
        document.put(AppointmentDocuments.UPDATED_AT, now);
        document.put(AppointmentDocuments.VERSION, 1L);

        store.insert(call.apiKey(), documents.toStored(document), bookings);
        return withETag(ApiResult.created(document, readPathTemplate.replace("{" + ID + "}", id)));
    }

    ApiResult read(ApiCall call) {
        return store.find(call.apiKey(), call.pathParameter(ID))
                .map(appointment -> withETag(ApiResult.ok(appointment.document())))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
    }

    /**
     * Merge semantics, refused in the service's order, each refusal changing nothing: 404; 409
     * {@code VERSION_CONFLICT} unless the version meets {@code If-Match}; 409
     * {@code INVALID_STATUS_TRANSITION}; 422 when the merged appointment breaks a rule; 409
     * {@code SCHEDULING_CONFLICT} when it would overlap a booking. Every accepted patch increases the
     * version by one, as the spec's PATCH description says.
     */
    ApiResult update(ApiCall call) {
        Set<String> patched = documents.patchedFields(call.body());
        VersionTags.Precondition precondition = VersionTags.ifMatch(call.header(ApiHeaders.IF_MATCH));
        StoredAppointment updated = store.update(call.apiKey(), call.pathParameter(ID), current -> {
            precondition.require(version(current));
            ObjectNode merged = documents.merge(current.document(), call.body(), patched);
            StatusTransitions.requireAllowed(current.status(), documents.schedule(merged).status());
            AppointmentSchedule schedule = AppointmentRules.checkUpdate(documents.schedule(merged), patched);
            documents.applySchedule(merged, schedule);
            merged.put(AppointmentDocuments.VERSION, version(current) + 1);
            merged.put(AppointmentDocuments.UPDATED_AT, UtcTimes.format(call.now()));
            return documents.toStored(merged);
        }, bookings);
        return withETag(ApiResult.ok(updated.document()));
    }

    /**
     * Deletes if {@code If-Match} allows, and discards the idempotent answers that carried the
     * appointment, keeping their keys as tombstones.
     */
    ApiResult delete(ApiCall call) {
        VersionTags.Precondition precondition = VersionTags.ifMatch(call.header(ApiHeaders.IF_MATCH));
        String id = call.pathParameter(ID);
        if (!store.delete(call.apiKey(), id, current -> precondition.require(version(current)))) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
        idempotentResults.tombstoneResource(call.apiKey(), id);
        return ApiResult.noContent();
    }

    private static long version(StoredAppointment appointment) {
        return appointment.document().path(AppointmentDocuments.VERSION).asLong();
    }

    /** Every answer carrying one appointment has its version as {@code ETag}. */
    private static ApiResult withETag(ApiResult result) {
        return result.withHeader(ApiHeaders.ETAG, VersionTags.etag(result.payload().path(AppointmentDocuments.VERSION).asLong()));
    }

    ApiResult search(ApiCall call) {
        SearchFilter filter = new SearchFilter(
                call.queryParameter("patientId"),
                call.queryParameter("practitionerId"),
                status(call.queryParameter("status")),
                SupportedTimes.queryDate("dateFrom", call.queryParameter("dateFrom")),
                SupportedTimes.queryDate("dateTo", call.queryParameter("dateTo")));
        SearchSort sort = SearchSort.fromWire(call.queryParameter("sort"))
                .orElseThrow(() -> ApiException.invalidParameter(SchemaViolations.oneOfEnum("sort")));
        // The sandbox is the key: its cursors are bound to it and to its mode.
        SearchContext context = new SearchContext(call.apiKey(), ApiKeyFormat.modeOf(call.apiKey()).orElseThrow(),
                filter, sort);
        SearchPage page = search.search(store.all(call.apiKey()), context, count(call.queryParameter("count")),
                call.queryParameter("cursor"));

        ArrayNode items = NODES.arrayNode();
        page.items().forEach(appointment -> items.add(appointment.document()));
        ObjectNode payload = NODES.objectNode();
        payload.set("data", items);
        payload.put("total", page.total());
        payload.put("cursor", page.cursor());
        payload.put("hasMore", page.hasMore());
        return ApiResult.ok(payload);
    }

    private static AppointmentStatus status(String value) {
        if (value == null) {
            return null;
        }
        return AppointmentStatus.fromWire(value)
                .orElseThrow(() -> ApiException.invalidParameter(SchemaViolations.oneOfEnum("status")));
    }

    private static int count(String value) {
        if (value == null) {
            return ApiLimits.DEFAULT_PAGE_SIZE;
        }
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= ApiLimits.MAX_PAGE_SIZE) {
                return count;
            }
        } catch (NumberFormatException e) {
            // answered below, without the value
        }
        throw new ApiException(ErrorCode.INVALID_PARAMETER,
                List.of(SchemaViolations.between("count", 1, ApiLimits.MAX_PAGE_SIZE)));
    }
}
