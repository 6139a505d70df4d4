package com.clinikapi.contract.suite.client;

import com.clinikapi.client.api.AppointmentsApi;
import com.clinikapi.client.model.Appointment;
import com.clinikapi.client.model.AppointmentPage;
import com.clinikapi.contract.suite.appointments.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Paging through a search with the generated client: follow {@code cursor} until {@code hasMore} is false. */
class ClientPaginationIT {

    private static final int PAGE_SIZE = 4;

    private final AppointmentsApi appointments = GeneratedClient.forTarget().appointments();

    @Test
    void pagesThroughEveryMatchExactlyOnce() throws Exception {
        String patient = Fixtures.patientId();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 11; i++) {
            // some share a start, so the id tie-break is exercised
            created.add(appointments.createAppointment(
                    GeneratedClient.booked(patient, Fixtures.DAY.plusHours(i % 4).plusMinutes(i), 10), null).getData().getId());
        }

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        AppointmentPage page;
        do {
            page = appointments.searchAppointments(patient, null, null, null, null, "-start", PAGE_SIZE, cursor).getData();
            page.getData().stream().map(Appointment::getId).forEach(seen::add);
            pageSizes.add(page.getData().size());
            assertThat(page.getTotal()).isEqualTo(created.size());
            cursor = page.getCursor();
        } while (page.getHasMore());

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(pageSizes).containsExactly(4, 4, 3);
        assertThat(page.getCursor()).isNull();
    }
}
