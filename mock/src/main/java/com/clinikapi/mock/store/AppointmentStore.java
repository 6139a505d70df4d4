package com.clinikapi.mock.store;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.ValidationIssue;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * appointments of the same practitioner ({@link Admission}), so no two requests can both take one
 * practitioner's slot. Those are kept indexed by practitioner, so a check costs the practitioner's
 * appointments, not the whole sandbox's.
 */
public final class AppointmentStore {

    /**
     * A check of an appointment about to be stored against the tenant's appointments with the same
     * practitioner (a live view, which holds the candidate's current version if it is an update; empty
     * when the candidate has no practitioner); throws to refuse.
     */
    @FunctionalInterface
    public interface Admission {
        Admission ANY = (candidate, samePractitioner) -> {
        };

        void check(StoredAppointment candidate, Collection<StoredAppointment> samePractitioner);
    }

    private final Map<String, Tenant> byKey = new ConcurrentHashMap<>();
    private final int maxPerTenant;

    /** @param maxPerTenant how many appointments one key's sandbox may hold */
    public AppointmentStore(int maxPerTenant) {
        this.maxPerTenant = maxPerTenant;
    }

    /**
     * Stores a new appointment if the tenant has room for it and {@code admission} lets it in.
     *
     * @throws ApiException {@code SANDBOX_FULL} if the tenant already holds its maximum
     */
    public void insert(String apiKey, StoredAppointment appointment, Admission admission) {
        Tenant tenant = tenant(apiKey);
        synchronized (tenant) {
            if (tenant.byId.size() >= maxPerTenant) {
                throw new ApiException(ErrorCode.SANDBOX_FULL, List.of(ValidationIssue.businessRule("appointments",
                        "this sandbox holds at most " + maxPerTenant + "; delete some or reset it")));
            }
            admission.check(appointment, tenant.samePractitioner(appointment));
            tenant.put(appointment);
        }
    }

    public Optional<StoredAppointment> find(String apiKey, String id) {
        Tenant tenant = byKey.get(apiKey);
        return Optional.ofNullable(tenant == null ? null : tenant.byId.get(id));
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
        Tenant tenant = tenant(apiKey);
        synchronized (tenant) {
            StoredAppointment current = tenant.byId.get(id);
            if (current == null) {
                throw new ApiException(ErrorCode.NOT_FOUND);
            }
            StoredAppointment updated = change.apply(current);
            if (updated != current) {
                admission.check(updated, tenant.samePractitioner(updated));
                tenant.remove(current);
                tenant.put(updated);
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
        Tenant tenant = byKey.get(apiKey);
        if (tenant == null) {
            return false;
        }
        synchronized (tenant) {
            StoredAppointment current = tenant.byId.get(id);
            if (current == null) {
                return false;
            }
            precondition.accept(current);
            tenant.remove(current);
            return true;
        }
    }

    /** A snapshot of one tenant's appointments, in no particular order. */
    public Collection<StoredAppointment> all(String apiKey) {
        Tenant tenant = byKey.get(apiKey);
        return tenant == null ? List.of() : List.copyOf(tenant.byId.values());
    }

    public void clear() {
        byKey.clear();
    }

    public void clear(String apiKey) {
        byKey.remove(apiKey);
    }

    private Tenant tenant(String apiKey) {
        return byKey.computeIfAbsent(apiKey, key -> new Tenant());
    }

    /** One key's appointments; reads go to {@code byId} freely, changes hold the tenant's lock. */
    private static final class Tenant {
        private final Map<String, StoredAppointment> byId = new ConcurrentHashMap<>();
        private final Map<String, Map<String, StoredAppointment>> byPractitioner = new HashMap<>();

        Collection<StoredAppointment> samePractitioner(StoredAppointment appointment) {
            Map<String, StoredAppointment> appointments = appointment.practitionerId() == null
                    ? null : byPractitioner.get(appointment.practitionerId());
            return appointments == null ? List.of() : appointments.values();
        }

        void put(StoredAppointment appointment) {
            byId.put(appointment.id(), appointment);
            if (appointment.practitionerId() != null) {
                byPractitioner.computeIfAbsent(appointment.practitionerId(), key -> new LinkedHashMap<>())
                        .put(appointment.id(), appointment);
            }
        }

        void remove(StoredAppointment appointment) {
            byId.remove(appointment.id());
            Map<String, StoredAppointment> appointments = appointment.practitionerId() == null
                    ? null : byPractitioner.get(appointment.practitionerId());
            if (appointments != null) {
                appointments.remove(appointment.id());
                if (appointments.isEmpty()) {
                    byPractitioner.remove(appointment.practitionerId());
                }
            }
        }
    }
}
