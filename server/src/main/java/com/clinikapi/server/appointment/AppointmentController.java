package com.clinikapi.server.appointment;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.appointment.VersionTags;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.server.auth.ApiKey;
import com.clinikapi.server.generated.api.AbstractAppointmentsController;
import com.clinikapi.server.generated.model.Appointment;
import com.clinikapi.server.generated.model.AppointmentCreate;
import com.clinikapi.server.generated.model.AppointmentPageResponse;
import com.clinikapi.server.generated.model.AppointmentResponse;
import com.clinikapi.server.generated.model.AppointmentStatus;
import com.clinikapi.server.generated.model.AppointmentUpdate;
import com.clinikapi.server.idempotency.IdempotentRequest;
import com.clinikapi.server.idempotency.Replayable;
import com.clinikapi.server.validation.QueryParameters;
import com.clinikapi.server.validation.RequestBodies;
import com.clinikapi.server.web.CurrentRequest;
import com.clinikapi.server.web.ResponseMeta;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The appointments operations. Routes, media types and parameter validation come from the generated
 * {@link AbstractAppointmentsController}, so the code cannot drift from the spec without failing to
 * compile; this class only adapts them to {@link AppointmentService} and {@link AppointmentSearch}:
 * reads the {@code If-Match} and {@code Idempotency-Key} headers, and answers every appointment with
 * its {@code ETag} (and {@code Idempotent-Replayed} on a replay).
 * Runs on the blocking executor: JDBC must never run on Netty's event loop.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class AppointmentController extends AbstractAppointmentsController {

    private static final Set<String> UPDATE_FIELDS = BeanIntrospection.getIntrospection(AppointmentUpdate.class)
            .getBeanProperties().stream().map(BeanProperty::getName).collect(Collectors.toUnmodifiableSet());

    private final AppointmentService appointments;
    private final AppointmentSearch search;
    private final ResponseMeta meta;
    private final RequestBodies bodies;

    public AppointmentController(AppointmentService appointments, AppointmentSearch search, ResponseMeta meta,
                                 RequestBodies bodies) {
        this.appointments = appointments;
        this.search = search;
        this.meta = meta;
        this.bodies = bodies;
    }

    @Override
    public HttpResponse<AppointmentResponse> createAppointment(AppointmentCreate appointmentCreate,
                                                               String idempotencyKey) {
        HttpRequest<?> request = CurrentRequest.get();
        bodies.requireShape(request, AppointmentCreate.class);
        Owner owner = owner(request);
        Replayable<Appointment> created = appointments.create(owner, appointmentCreate,
                idempotent(owner, request, idempotencyKey));
        return answer(request, created, HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/v1/appointments/" + created.value().getId());
    }

    @Override
    public HttpResponse<AppointmentResponse> getAppointment(String id) {
        HttpRequest<?> request = CurrentRequest.get();
        return answer(request, Replayable.performed(appointments.read(owner(request), id)), HttpStatus.OK);
    }

    @Override
    public HttpResponse<AppointmentResponse> updateAppointment(String id, AppointmentUpdate appointmentUpdate,
                                                               String ifMatch, String idempotencyKey) {
        HttpRequest<?> request = CurrentRequest.get();
        JsonNode body = bodies.requireShape(request, AppointmentUpdate.class);
        Set<String> patched = patchedFields(body);
        VersionTags.Precondition precondition = VersionTags.ifMatch(ifMatch);
        Owner owner = owner(request);
        Replayable<Appointment> updated = appointments.update(owner, id, appointmentUpdate, patched, precondition,
                idempotent(owner, request, idempotencyKey));
        return answer(request, updated, HttpStatus.OK);
    }

    @Override
    public HttpResponse<Void> deleteAppointment(String id, String ifMatch, String idempotencyKey) {
        HttpRequest<?> request = CurrentRequest.get();
        VersionTags.Precondition precondition = VersionTags.ifMatch(ifMatch);
        Owner owner = owner(request);
        Replayable<String> deleted = appointments.delete(owner, id, precondition,
                idempotent(owner, request, idempotencyKey));
        return replayMarked(HttpResponse.noContent(), deleted);
    }

    @Override
    public HttpResponse<AppointmentPageResponse> searchAppointments(String patientId, String practitionerId,
            AppointmentStatus status, LocalDate dateFrom, LocalDate dateTo, String sort, Integer count, String cursor) {
        HttpRequest<?> request = CurrentRequest.get();
        new QueryParameters(request.getParameters())
                .date("dateFrom").date("dateTo").integer("count").oneOf("status")
                .requireValid();
        AppointmentSearch.Parameters parameters = new AppointmentSearch.Parameters(patientId, practitionerId,
                status == null ? null : AppointmentMapper.status(status), dateFrom, dateTo, sort, count, cursor);
        return HttpResponse.ok(new AppointmentPageResponse(search.search(ApiKey.require(request), parameters),
                meta.of(request, HttpStatus.OK)));
    }

    /** The fields a merge patch names (set or nulled); unknown fields are ignored, as the spec says. */
    private static Set<String> patchedFields(JsonNode body) {
        Set<String> named = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : body.entries()) {
            named.add(entry.getKey());
        }
        if (named.isEmpty()) {
            throw ApiException.validation(List.of(SchemaViolations.notEmptyObject("body")));
        }
        named.retainAll(UPDATE_FIELDS);
        return Set.copyOf(named);
    }

    /** One appointment in its envelope, with its {@code ETag} and, for a replay, {@code Idempotent-Replayed}. */
    private MutableHttpResponse<AppointmentResponse> answer(HttpRequest<?> request, Replayable<Appointment> result,
                                                            HttpStatus status) {
        MutableHttpResponse<AppointmentResponse> response = HttpResponse.<AppointmentResponse>status(status)
                .body(new AppointmentResponse(result.value(), meta.of(request, status)))
                .header(ApiHeaders.ETAG, VersionTags.etag(result.value().getVersion()));
        return replayMarked(response, result);
    }

    private static <T> MutableHttpResponse<T> replayMarked(MutableHttpResponse<T> response, Replayable<?> result) {
        return result.replayed() ? response.header(ApiHeaders.IDEMPOTENT_REPLAYED, "true") : response;
    }

    private Optional<IdempotentRequest> idempotent(Owner owner, HttpRequest<?> request, String idempotencyKey) {
        return IdempotentRequest.of(owner.tenantId(), owner.mode(), request, idempotencyKey,
                bodies.rawBytes(request).orElse(null));
    }

    private static Owner owner(HttpRequest<?> request) {
        return Owner.of(ApiKey.require(request));
    }
}
