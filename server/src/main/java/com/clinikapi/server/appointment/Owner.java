package com.clinikapi.server.appointment;

import com.clinikapi.server.auth.ApiKey;

import java.util.Locale;

/**
 * Whose appointments a request may see and change: the key's tenant in the key's mode. Every read,
 * update, delete and search is scoped by both, so another tenant's (or the other mode's)
 * appointment is simply not found.
 */
public record Owner(String tenantId, String mode) {

    public static Owner of(ApiKey key) {
        return new Owner(key.tenantId(), key.mode().name().toLowerCase(Locale.ROOT));
    }

    /** The value of the appointment's {@code owner_key} column (V5_1 computes it the same way). */
    public String key() {
        return mode + ':' + tenantId;
    }

    /** The value of {@code practitioner_key} for this owner's appointments with the practitioner (V5_1). */
    public String practitionerKey(String practitionerId) {
        return key() + ':' + practitionerId;
    }
}
