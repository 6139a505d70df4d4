package com.example.partner;

import com.clinikapi.mock.junit.ClinikMockExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Many tests at once on one mock, a key each: none sees another's appointments, and the reset
 * before a test never wipes a test that is still running.
 */
class SandboxIsolationTest {

    private static final int APPOINTMENTS_PER_TEST = 3;

    @RegisterExtension
    static ClinikMockExtension clinikApi = ClinikMockExtension.create();

    @RepeatedTest(40)
    void eachTestSeesExactlyItsOwnAppointments() throws InterruptedException {
        var client = new AppointmentsClient(clinikApi.baseUrl(), ClinikMockExtension.newApiKey());

        for (int i = 0; i < APPOINTMENTS_PER_TEST; i++) {
            assertEquals(201, client.book("pat_shared", "prac_iso" + i, "2027-02-02T0" + (i + 1) + ":00:00Z").status());
            Thread.sleep(5);   // leave room for other tests to start (and reset) meanwhile
        }

        assertEquals(APPOINTMENTS_PER_TEST, client.searchByPatient("pat_shared").data().path("total").asInt());
    }
}
