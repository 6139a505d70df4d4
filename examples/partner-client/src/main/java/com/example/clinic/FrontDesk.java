package com.example.clinic;

import com.clinikapi.client.ApiException;
import com.clinikapi.client.ClinikApiClient;
import com.clinikapi.client.ClinikApiException;
import com.clinikapi.client.api.AppointmentsApi;
import com.clinikapi.client.model.Appointment;
import com.clinikapi.client.model.AppointmentCreate;
import com.clinikapi.client.model.AppointmentPage;
import com.clinikapi.client.model.AppointmentStatus;
import com.clinikapi.client.model.AppointmentUpdate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A partner's own code on the generated ClinikAPI client: a clinic's front desk books, reschedules,
 * cancels and lists appointments. It does what the API asks of a careful client:
 * <ul>
 *   <li>every change carries an {@code Idempotency-Key}, the same one on each retry, so a retry
 *       after a timeout or a 503 never books twice;</li>
 *   <li>a 503 or 429 is retried after the {@code Retry-After} the answer gives, a few times;</li>
 *   <li>a reschedule or cancellation sends {@code If-Match} with the version it read, so a
 *       concurrent edit is a {@code 409 VERSION_CONFLICT} rather than silently overwritten.</li>
 * </ul>
 */
public final class FrontDesk {

    private static final int ATTEMPTS = 4;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    private static final int PAGE_SIZE = 20;

    private final AppointmentsApi appointments;

    public FrontDesk(String baseUrl, String apiKey) {
        this.appointments = ClinikApiClient.builder(baseUrl, apiKey)
                .requestTimeout(Duration.ofSeconds(10))
                .build()
                .appointments();
    }

    public Appointment book(String patientId, String practitionerId, OffsetDateTime start, int minutes) throws ApiException {
        AppointmentCreate booking = new AppointmentCreate()
                .status(AppointmentStatus.BOOKED)
                .patientId(patientId)
                .practitionerId(practitionerId)
                .start(start)
                .minutesDuration(minutes);
        String idempotencyKey = UUID.randomUUID().toString();
        return retried(() -> appointments.createAppointment(booking, idempotencyKey).getData());
    }

    public Appointment reschedule(String id, OffsetDateTime start, int minutes) throws ApiException {
        return change(id, new AppointmentUpdate().start(start).minutesDuration(minutes));
    }

    public Appointment cancel(String id, String reason) throws ApiException {
        return change(id, new AppointmentUpdate().status(AppointmentStatus.CANCELLED).cancelationReason(reason));
    }

    /** Every appointment of a practitioner on a day (UTC), page after page, in start order. */
    public List<Appointment> day(String practitionerId, LocalDate day) throws ApiException {
        List<Appointment> all = new ArrayList<>();
        String cursor = null;
        do {
            String next = cursor;
            AppointmentPage page = retried(() -> appointments
                    .searchAppointments(null, practitionerId, null, day, day, "start", PAGE_SIZE, next).getData());
            all.addAll(page.getData());
            cursor = page.getCursor();
        } while (cursor != null);
        return all;
    }

    private Appointment change(String id, AppointmentUpdate update) throws ApiException {
        Appointment current = retried(() -> appointments.getAppointment(id).getData());
        String ifMatch = "\"" + current.getVersion() + "\"";
        String idempotencyKey = UUID.randomUUID().toString();
        return retried(() -> appointments.updateAppointment(id, update, ifMatch, idempotencyKey).getData());
    }

    private <T> T retried(Call<T> call) throws ApiException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.make();
            } catch (ClinikApiException e) {
                boolean retryable = e.status() == 503 || e.status() == 429;
                if (!retryable || attempt == ATTEMPTS) {
                    throw e;
                }
                pause(e.retryAfter().filter(wait -> wait.compareTo(LONGEST_WAIT) < 0).orElse(LONGEST_WAIT));
            }
        }
    }

    private static void pause(Duration wait) throws ApiException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted while waiting to retry");
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T make() throws ApiException;
    }
}
