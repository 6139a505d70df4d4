package com.clinikapi.server.appointment;

import com.clinikapi.contract.appointment.AppointmentIds;
import com.clinikapi.contract.appointment.AppointmentRules;
import com.clinikapi.contract.appointment.AppointmentSchedule;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.IssueType;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.server.generated.model.AppointmentCreate;
import com.clinikapi.server.generated.model.AppointmentUpdate;
import com.clinikapi.server.web.Clocks;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The appointment use cases, each scoped to an {@link Owner}: the shared {@link AppointmentRules}
 * decide what is valid (this class never re-states a rule), the repository stores the result.
 */
@Singleton
public class AppointmentService {

    private static final ValidationIssue VERSION_CHANGED =
            new ValidationIssue(IssueType.CONFLICT, "version", "does not match the current version");

    private final AppointmentRepository repository;
    private final AppointmentMapper mapper;

    public AppointmentService(AppointmentRepository repository, AppointmentMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    public AppointmentRow create(Owner owner, AppointmentCreate create) {
        AppointmentSchedule schedule = AppointmentRules.checkNew(mapper.schedule(create));
        Instant now = Clocks.nowUtc().toInstant();
        return repository.save(mapper.newRow(AppointmentIds.newId(), owner, create, schedule, now));
    }

    public AppointmentRow read(Owner owner, String id) {
        return repository.findByIdAndTenantIdAndMode(id, owner.tenantId(), owner.mode())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
    }

    /**
     * Applies a merge patch: the fields in {@code patched} change (null clears), the merged
     * appointment must pass every rule, or nothing is written. Every accepted patch is a new
     * version, as the spec's PATCH description says, even one that changes no value.
     */
    @Transactional
    public AppointmentRow update(Owner owner, String id, AppointmentUpdate patch, Set<String> patched) {
        AppointmentRow stored = read(owner, id);
        AppointmentRow merged = mapper.merge(stored, patch, patched);
        AppointmentSchedule schedule = AppointmentRules.checkUpdate(mapper.schedule(merged), patched);
        AppointmentRow next = mapper.withSchedule(merged, schedule, Clocks.nowUtc().toInstant())
                .withVersion(stored.version() + 1);
        if (!repository.updateIfVersion(next, stored.version())) {
            throw new ApiException(ErrorCode.VERSION_CONFLICT, List.of(VERSION_CHANGED));
        }
        return next;
    }

    public void delete(Owner owner, String id) {
        if (repository.deleteByIdAndTenantIdAndMode(id, owner.tenantId(), owner.mode()) == 0) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
    }
}
