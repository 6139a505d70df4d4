package com.clinikapi.mock.store;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The mock's appointments, in memory and isolated per API key: each key is its own tenant, so two
 * partners' test runs on one mock never see each other's data. Safe for concurrent requests: the
 * changes of one tenant happen one at a time, each with its checks against the tenant's other
 * appointments ({@link Admission}), so no two requests can both take one practitioner's slot.
 */
public final class AppointmentStore {

    /**
     * A check of an appointment about to be stored against the tenant's appointments (a live view,
     * which holds the candidate's current version if it is an update); throws to refuse.
     */
    @FunctionalInterface
    public interface Admission {
        Admission ANY = (candidate, stored) -> {
        };

        void check(StoredAppointment candidate, Collection<StoredAppointment> stored);
    }

    private final Map<String, Map<String, StoredAppointment>> byKey = new ConcurrentHashMap<>();

    /** Stores a new appointment if {@code admission} lets it in. */
    public void insert(String apiKey, StoredAppointment appointment, Admission admission) {
        Map<String, StoredAppointment> tenant = tenant(apiKey);
        synchronized (tenant) {
            admission.check(appointment, tenant.values());
            tenant.put(appointment.id(), appointment);
        }
    }

    public Optional<StoredAppointment> find(String apiKey, String id) {
        Map<String, StoredAppointment> tenant = byKey.get(apiKey);
        return Optional.ofNullable(tenant == null ? null : tenant.get(id));
    }

    /**
     * Replaces the appointment with what {@code change} makes of it, if {@code admission} lets the
     * result in, atomically.
     *
     * @throws ApiException {@code NOT_FOUND} if there is none; whatever {@code change} or
     *                      {@code admission} throws, leaving the appointment as it was
     */
    public StoredAppointment update(String apiKey, String id, UnaryOperator<StoredAppointment> change,
                                    Admission admission) {
        Map<String, StoredAppointment> tenant = tenant(apiKey);
        synchronized (tenant) {
            StoredAppointment current = tenant.get(id);
            if (current == null) {
                throw new ApiException(ErrorCode.NOT_FOUND);
            }
            StoredAppointment updated = change.apply(current);
            if (updated != current) {
                admission.check(updated, tenant.values());
                tenant.put(id, updated);
            }
            return updated;
        }
    }

    /**
     * Deletes the appointment if {@code precondition} accepts it (throws to refuse).
     *
     * @return whether there was such an appointment
     */
    public boolean delete(String apiKey, String id, Consumer<StoredAppointment> precondition) {
        Map<String, StoredAppointment> tenant = byKey.get(apiKey);
        if (tenant == null) {
            return false;
        }
        synchronized (tenant) {
            StoredAppointment current = tenant.get(id);
            if (current == null) {
                return false;
            }
            precondition.accept(current);
            tenant.remove(id);
            return true;
        }
    }

    /** A snapshot of one tenant's appointments, in no particular order. */
    public Collection<StoredAppointment> all(String apiKey) {
        Map<String, StoredAppointment> tenant = byKey.get(apiKey);
        return tenant == null ? List.of() : List.copyOf(tenant.values());
    }

    public void clear() {
        byKey.clear();
    }

    public void clear(String apiKey) {
        byKey.remove(apiKey);
    }

    private Map<String, StoredAppointment> tenant(String apiKey) {
        return byKey.computeIfAbsent(apiKey, key -> new ConcurrentHashMap<>());
    }
}
