package com.clinikapi.server.appointment;

import com.clinikapi.contract.appointment.AppointmentIds;
import com.clinikapi.contract.appointment.AppointmentRules;
import com.clinikapi.contract.appointment.AppointmentSchedule;
import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.appointment.PractitionerTime;
import com.clinikapi.contract.appointment.StatusTransitions;
import com.clinikapi.contract.appointment.TimeWindow;
import com.clinikapi.contract.appointment.VersionTags;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.server.generated.model.Appointment;
import com.clinikapi.server.generated.model.AppointmentCreate;
import com.clinikapi.server.generated.model.AppointmentUpdate;
import com.clinikapi.server.idempotency.Idempotency;
import com.clinikapi.server.idempotency.IdempotentRequest;
import com.clinikapi.server.idempotency.Replayable;
import com.clinikapi.server.web.Clocks;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The appointment use cases, each scoped to an {@link Owner}. The shared contract decides what is
 * allowed ({@link AppointmentRules}, {@link StatusTransitions}, {@link PractitionerTime},
 * {@link VersionTags}; this class never re-states a rule). Each change runs in one transaction,
 * performed at most once per {@code Idempotency-Key} ({@link Idempotency}); one that makes an
 * appointment hold its practitioner's time goes through {@link PractitionerSchedule}.
 */
@Singleton
public class AppointmentService {

    private final AppointmentRepository repository;
    private final AppointmentMapper mapper;
    private final PractitionerSchedule schedule;
    private final Idempotency idempotency;
    private final AppointmentOutcomes outcomes;

    AppointmentService(AppointmentRepository repository, AppointmentMapper mapper, PractitionerSchedule schedule,
                       Idempotency idempotency, AppointmentOutcomes outcomes) {
        this.repository = repository;
        this.mapper = mapper;
        this.schedule = schedule;
        this.idempotency = idempotency;
        this.outcomes = outcomes;
    }

    /** Books a new appointment; refused, storing nothing, when it breaks a rule or overlaps a booking. */
    public Replayable<Appointment> create(Owner owner, AppointmentCreate create, Optional<IdempotentRequest> key) {
        AppointmentSchedule checked = AppointmentRules.checkNew(mapper.schedule(create));
        AppointmentRow row = mapper.newRow(AppointmentIds.newId(), owner, create, checked, Clocks.nowUtc().toInstant());
        return answeringOverlaps(() -> idempotency.perform(key,
                () -> write(owner, row, checked, () -> repository.save(row)),
                outcomes::created, outcomes::appointment));
    }

    public Appointment read(Owner owner, String id) {
        return mapper.toApi(repository.findByIdAndTenantIdAndMode(id, owner.tenantId(), owner.mode())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND)));
    }

    /**
     * Applies a merge patch: the fields in {@code patched} change (null clears). In this order, each
     * refusal changing nothing: 404 if absent; 409 {@code VERSION_CONFLICT} unless the version meets
     * {@code precondition}; 409 {@code INVALID_STATUS_TRANSITION}; 422 if the merged appointment breaks a
     * rule; 409 {@code SCHEDULING_CONFLICT} if it would overlap a booking. A patch that changes nothing
     * is still a new version, as the spec's PATCH description says.
     */
    public Replayable<Appointment> update(Owner owner, String id, AppointmentUpdate patch, Set<String> patched,
                                          VersionTags.Precondition precondition, Optional<IdempotentRequest> key) {
        return answeringOverlaps(() -> idempotency.perform(key, () -> {
            AppointmentRow stored = lockedForChange(owner, id, precondition);
            AppointmentRow merged = mapper.merge(stored, patch, patched);
            StatusTransitions.requireAllowed(status(stored), status(merged));
            AppointmentSchedule checked = AppointmentRules.checkUpdate(mapper.schedule(merged), patched);
            AppointmentRow next = mapper.withSchedule(merged, checked, Clocks.nowUtc().toInstant())
                    .withVersion(stored.version() + 1);
            return write(owner, next, checked, () -> {
                if (!repository.updateIfVersion(next, stored.version())) {
                    throw VersionTags.versionConflict();
                }
                return next;
            });
        }, outcomes::updated, outcomes::appointment));
    }

    /**
     * Deletes for good, with every stored answer that carried the appointment; their keys stay, so
     * that a repeat of the create or update is refused rather than performed again.
     */
    public Replayable<String> delete(Owner owner, String id, VersionTags.Precondition precondition,
                                     Optional<IdempotentRequest> key) {
        return idempotency.perform(key, () -> {
            lockedForChange(owner, id, precondition);
            repository.deleteByIdAndTenantIdAndMode(id, owner.tenantId(), owner.mode());
            idempotency.tombstoneResource(owner.tenantId(), owner.mode(), id);
            return id;
        }, outcomes::deleted, outcomes::deletedId);
    }

    /** The stored appointment, locked until the transaction ends, if its version meets the precondition. */
    private AppointmentRow lockedForChange(Owner owner, String id, VersionTags.Precondition precondition) {
        AppointmentRow stored = repository.findByIdAndTenantIdAndModeForUpdate(id, owner.tenantId(), owner.mode())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
        precondition.require(stored.version());
        return stored;
    }

    /** Stores {@code row}; through the practitioner's schedule if it holds the practitioner's time. */
    private Appointment write(Owner owner, AppointmentRow row, AppointmentSchedule checked, Supplier<AppointmentRow> store) {
        Optional<TimeWindow> held = PractitionerTime.heldWindow(row.practitionerId(), checked);
        AppointmentRow stored = held.isPresent()
                ? schedule.writeHolding(owner, row.practitionerId(), held.get(), row.id(), store)
                : store.get();
        return mapper.toApi(stored);
    }

    private <T> T answeringOverlaps(Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (PractitionerSchedule.TimeTaken taken) {
            throw schedule.conflictFor(taken);
        }
    }

    private static AppointmentStatus status(AppointmentRow row) {
        return AppointmentStatus.fromWire(row.status()).orElseThrow();
    }
}
