package com.clinikapi.server.appointment;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.server.auth.ApiKey;
import com.clinikapi.server.generated.api.AbstractAppointmentsController;
import com.clinikapi.server.generated.model.AppointmentCreate;
import com.clinikapi.server.generated.model.AppointmentPageResponse;
import com.clinikapi.server.generated.model.AppointmentResponse;
import com.clinikapi.server.generated.model.AppointmentStatus;
import com.clinikapi.server.generated.model.AppointmentUpdate;
import com.clinikapi.server.validation.RequestBodies;
import com.clinikapi.server.web.CurrentRequest;
import com.clinikapi.server.web.ResponseMeta;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The appointments operations. Routes, media types and parameter validation come from the generated
 * {@link AbstractAppointmentsController}, so the code cannot drift from the spec without failing to
 * compile; this class only adapts them to {@link AppointmentService} and {@link AppointmentSearch}.
 * Runs on the blocking executor: JDBC must never run on Netty's event loop.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class AppointmentController extends AbstractAppointmentsController {

    private static final Set<String> UPDATE_FIELDS = BeanIntrospection.getIntrospection(AppointmentUpdate.class)
            .getBeanProperties().stream().map(BeanProperty::getName).collect(Collectors.toUnmodifiableSet());

    private final AppointmentService appointments;
    private final AppointmentSearch search;
    private final AppointmentMapper mapper;
    private final ResponseMeta meta;
    private final RequestBodies bodies;

    public AppointmentController(AppointmentService appointments, AppointmentSearch search, AppointmentMapper mapper,
                                 ResponseMeta meta, RequestBodies bodies) {
        this.appointments = appointments;
        this.search = search;
        this.mapper = mapper;
        this.meta = meta;
        this.bodies = bodies;
    }

    @Override
    public HttpResponse<AppointmentResponse> createAppointment(AppointmentCreate appointmentCreate) {
        HttpRequest<?> request = CurrentRequest.get();
        bodies.requireShape(request, AppointmentCreate.class);
        AppointmentRow created = appointments.create(owner(request), appointmentCreate);
        return HttpResponse.created(envelope(request, created, HttpStatus.CREATED),
                URI.create("/v1/appointments/" + created.id()));
    }

    @Override
    public HttpResponse<AppointmentResponse> getAppointment(String id) {
        HttpRequest<?> request = CurrentRequest.get();
        return HttpResponse.ok(envelope(request, appointments.read(owner(request), id), HttpStatus.OK));
    }

    @Override
    public HttpResponse<AppointmentResponse> updateAppointment(String id, AppointmentUpdate appointmentUpdate) {
        HttpRequest<?> request = CurrentRequest.get();
        JsonNode body = bodies.requireShape(request, AppointmentUpdate.class);
        Set<String> patched = patchedFields(body);
        AppointmentRow updated = appointments.update(owner(request), id, appointmentUpdate, patched);
        return HttpResponse.ok(envelope(request, updated, HttpStatus.OK));
    }

    @Override
    public HttpResponse<Void> deleteAppointment(String id) {
        HttpRequest<?> request = CurrentRequest.get();
        appointments.delete(owner(request), id);
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<AppointmentPageResponse> searchAppointments(String patientId, String practitionerId,
            AppointmentStatus status, LocalDate dateFrom, LocalDate dateTo, String sort, Integer count, String cursor) {
        HttpRequest<?> request = CurrentRequest.get();
        AppointmentSearch.Parameters parameters = new AppointmentSearch.Parameters(patientId, practitionerId,
                status == null ? null : AppointmentMapper.status(status), dateFrom, dateTo, sort, count, cursor);
        return HttpResponse.ok(new AppointmentPageResponse(search.search(owner(request), parameters),
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

    private AppointmentResponse envelope(HttpRequest<?> request, AppointmentRow row, HttpStatus status) {
        return new AppointmentResponse(mapper.toApi(row), meta.of(request, status));
    }

    private static Owner owner(HttpRequest<?> request) {
        return Owner.of(ApiKey.require(request));
    }
}
