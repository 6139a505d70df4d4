package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.target.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.clinikapi.contract.suite.appointments.SearchAppointmentsIT.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging through a search with the cursor, as a partner's sync job does: every appointment exactly
 * once, also while appointments are created and deleted between pages (keyset pagination).
 */
class PaginationIT {

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);

    @ParameterizedTest
    @ValueSource(strings = {"start", "-start", "created", "-created"})
    void pagesThroughEveryAppointmentExactlyOnce(String sort) {
        String patient = Fixtures.patientId();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            // a few share a start, so the id tie-break is exercised
            created.add(appointments.create(Fixtures.bookedAt(patient, Fixtures.DAY.plusHours(i % 9), 10)).path("id").asText());
        }
        created.add(appointments.create(Fixtures.proposed(patient)).path("id").asText());

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        JsonNode page = appointments.searchByPatient(patient, "count", 5, "sort", sort);
        collect(page, seen, pageSizes);
        while (page.path("hasMore").asBoolean()) {
            page = appointments.searchByPatient(patient, "count", 5, "sort", sort, "cursor", page.path("cursor").asText());
            collect(page, seen, pageSizes);
            assertThat(page.path("total").asLong()).isEqualTo(24);
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(pageSizes).containsExactly(5, 5, 5, 5, 4);
        assertThat(page.path("cursor").isNull() || page.path("cursor").isMissingNode()).isTrue();
    }

    @Test
    void staysExactWhenAppointmentsAreInsertedAndDeletedBetweenPages() {
        String patient = Fixtures.patientId();
        List<String> original = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            original.add(appointments.create(Fixtures.bookedAt(patient, Fixtures.DAY.plusHours(i), 10)).path("id").asText());
        }

        List<String> seen = new ArrayList<>();
        JsonNode page = appointments.searchByPatient(patient, "count", 4, "sort", "start");
        seen.addAll(ids(page));
        // before the cursor: must not appear; after it: must appear once; a deleted one: must not appear
        String insertedBefore = appointments.create(Fixtures.bookedAt(patient, Fixtures.DAY.minusHours(1), 10)).path("id").asText();
        String insertedAfter = appointments.create(Fixtures.bookedAt(patient, Fixtures.DAY.plusHours(20), 10)).path("id").asText();
        String deletedAhead = original.get(9);
        appointments.delete(deletedAhead);
        while (page.path("hasMore").asBoolean()) {
            page = appointments.searchByPatient(patient, "count", 4, "sort", "start", "cursor", page.path("cursor").asText());
            seen.addAll(ids(page));
            appointments.create(Fixtures.bookedAt(patient, Fixtures.DAY.minusHours(2), 10));
        }

        List<String> expected = new ArrayList<>(original);
        expected.remove(deletedAhead);
        expected.add(insertedAfter);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(expected).doesNotContain(insertedBefore);
    }

    @Test
    void keepsACursorValidAfterTheAppointmentItPointsAtIsDeleted() {
        String patient = Fixtures.patientId();
        for (int i = 0; i < 6; i++) {
            appointments.create(Fixtures.bookedAt(patient, Fixtures.DAY.plusHours(i), 10));
        }
        JsonNode first = appointments.searchByPatient(patient, "count", 3);
        List<String> firstIds = ids(first);
        appointments.delete(firstIds.get(2));

        JsonNode second = appointments.searchByPatient(patient, "count", 3, "cursor", first.path("cursor").asText());

        assertThat(ids(second)).hasSize(3).doesNotContainAnyElementsOf(firstIds);
    }

    @Test
    void servesAHundredPerPageAtMost() {
        String patient = Fixtures.patientId();
        for (int i = 0; i < 101; i++) {
            appointments.create(Fixtures.bookedAt(patient, Fixtures.DAY.plusMinutes(5L * i), 5));
        }

        JsonNode page = appointments.searchByPatient(patient, "count", 100);

        assertThat(ids(page)).hasSize(100);
        assertThat(page.path("hasMore").asBoolean()).isTrue();
        assertThat(ids(appointments.searchByPatient(patient, "count", 100, "cursor", page.path("cursor").asText()))).hasSize(1);
    }

    private static void collect(JsonNode page, List<String> seen, List<Integer> pageSizes) {
        List<String> ids = ids(page);
        seen.addAll(ids);
        pageSizes.add(ids.size());
    }
}
