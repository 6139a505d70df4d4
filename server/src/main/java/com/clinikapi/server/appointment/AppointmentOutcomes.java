package com.clinikapi.server.appointment;

import com.clinikapi.server.generated.model.Appointment;
import com.clinikapi.server.idempotency.StoredResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What an idempotent appointment request keeps of its outcome, and how it gets it back for a
 * replay: the answered appointment as JSON, so that a replay answers exactly what was answered
 * first (same {@code id}, same {@code version}, hence the same {@code ETag}).
 */
@Singleton
class AppointmentOutcomes {

    private final JsonMapper json;

    AppointmentOutcomes(JsonMapper json) {
        this.json = json;
    }

    StoredResponse created(Appointment appointment) {
        return new StoredResponse(201, appointment.getId(), write(appointment));
    }

    StoredResponse updated(Appointment appointment) {
        return new StoredResponse(200, appointment.getId(), write(appointment));
    }

    StoredResponse deleted(String id) {
        return new StoredResponse(204, id, null);
    }

    Appointment appointment(StoredResponse stored) {
        try {
            return json.readValue(stored.body(), Appointment.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String deletedId(StoredResponse stored) {
        return stored.resourceId();
    }

    private String write(Appointment appointment) {
        try {
            return json.writeValueAsString(appointment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
