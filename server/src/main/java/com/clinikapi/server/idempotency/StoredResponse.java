package com.clinikapi.server.idempotency;

import io.micronaut.core.annotation.Nullable;

/**
 * The outcome of a successful idempotent request, as kept for replays.
 *
 * @param status     the HTTP status it was answered with
 * @param resourceId the appointment it created, changed or deleted
 * @param body       the answered resource as JSON, or null when the answer had no body (204) or was
 *                   discarded because its appointment was deleted
 */
public record StoredResponse(int status, @Nullable String resourceId, @Nullable String body) {
}
