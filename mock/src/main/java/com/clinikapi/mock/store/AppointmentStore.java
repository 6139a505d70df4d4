package com.clinikapi.mock.store;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The mock's appointments, in memory and isolated per API key: each key is its own tenant, so two
 * partners' test runs on one mock never see each other's data. Safe for concurrent requests; an
 * update is applied atomically or not at all.
 */
public final class AppointmentStore {

    private final Map<String, Map<String, StoredAppointment>> byKey = new ConcurrentHashMap<>();

    public void insert(String apiKey, StoredAppointment appointment) {
        tenant(apiKey).put(appointment.id(), appointment);
    }

    public Optional<StoredAppointment> find(String apiKey, String id) {
        Map<String, StoredAppointment> tenant = byKey.get(apiKey);
        return Optional.ofNullable(tenant == null ? null : tenant.get(id));
    }

    /**
     * Replaces the appointment with what {@code change} makes of it, atomically.
     *
     * @throws ApiException {@code NOT_FOUND} if there is none; whatever {@code change} throws,
     *                      leaving the appointment as it was
     */
    public StoredAppointment update(String apiKey, String id, UnaryOperator<StoredAppointment> change) {
        StoredAppointment updated = tenant(apiKey).computeIfPresent(id, (key, current) -> change.apply(current));
        if (updated == null) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
        return updated;
    }

    /** @return whether there was such an appointment */
    public boolean delete(String apiKey, String id) {
        Map<String, StoredAppointment> tenant = byKey.get(apiKey);
        return tenant != null && tenant.remove(id) != null;
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
