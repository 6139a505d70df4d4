package com.clinikapi.server.appointment;

import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.search.SortKeys;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Concurrently;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.TestKeys;
import io.micronaut.data.exceptions.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No double booking: appointments whose status holds the practitioner's time (booked, arrived,
 * checked-in) of one practitioner never overlap, whatever the order or concurrency of requests.
 */
abstract class DoubleBookingTest extends ApiTest {

    DoubleBookingTest(Database database) {
        super(database);
    }

    static class OnH2 extends DoubleBookingTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends DoubleBookingTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    private String practitioner;
    private String booked;

    /** A booked 09:00-09:30 appointment of a practitioner of this test's own. */
    @BeforeEach
    void givenABookedSlot() {
        practitioner = Bodies.uniquePractitioner();
        booked = createId(Bodies.booked(uniquePatient(), practitioner, "2026-12-01T09:00:00Z"));
    }

    private static String appointment(String status, String practitionerId, String start, String end) {
        String reason = status.equals("cancelled") ? ",\"cancelationReason\":\"Clinic closed\"" : "";
        return """
                {"status":"%s","patientId":"%s","practitionerId":"%s","start":"%s","end":"%s"%s}"""
                .formatted(status, uniquePatient(), practitionerId, start, end, reason);
    }

    private ApiResponse post(String body) {
        return api.post("/v1/appointments", body).send();
    }

    private static void assertConflictWith(ApiResponse response, String appointmentId) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.text("code")).isEqualTo("SCHEDULING_CONFLICT");
        assertThat(response.diagnostics()).containsExactly(
                "start: overlaps appointment " + appointmentId + ", which holds the same practitioner's time");
    }

    @Nested
    class Create {

        @Test
        void refusesAnOverlappingBookingNamingTheAppointmentInTheWay() {
            // when
            ApiResponse response = post(appointment("booked", practitioner, "2026-12-01T09:15:00Z", "2026-12-01T09:45:00Z"));

            // then
            assertConflictWith(response, booked);
        }

        @Test
        void refusesABookingInsideOrAroundTheSlotWhateverTheOffset() {
            assertConflictWith(post(appointment("booked", practitioner, "2026-12-01T09:10:00Z", "2026-12-01T09:20:00Z")), booked);
            assertConflictWith(post(appointment("booked", practitioner, "2026-12-01T08:00:00Z", "2026-12-01T12:00:00Z")), booked);
            assertConflictWith(post(appointment("booked", practitioner, "2026-12-01T10:29:00+01:00", "2026-12-01T11:00:00+01:00")), booked);
        }

        @Test
        void acceptsBackToBackBookings() {
            assertThat(post(appointment("booked", practitioner, "2026-12-01T08:30:00Z", "2026-12-01T09:00:00Z")).status()).isEqualTo(201);
            assertThat(post(appointment("booked", practitioner, "2026-12-01T09:30:00Z", "2026-12-01T10:00:00Z")).status()).isEqualTo(201);
        }

        @Test
        void acceptsTheSameTimeWithAnotherPractitionerOrWithoutOne() {
            assertThat(post(Bodies.booked(uniquePatient(), "2026-12-01T09:00:00Z")).status()).isEqualTo(201);
            assertThat(post("""
                    {"status":"booked","patientId":"%s","start":"2026-12-01T09:00:00Z","minutesDuration":30}"""
                    .formatted(uniquePatient())).status()).isEqualTo(201);
        }

        @Test
        void acceptsTheSameTimeInAnotherTenantOrMode() {
            String body = appointment("booked", practitioner, "2026-12-01T09:00:00Z", "2026-12-01T09:30:00Z");

            assertThat(api.post("/v1/appointments", body).key(TestKeys.OTHER_TENANT).send().status()).isEqualTo(201);
            assertThat(api.post("/v1/appointments", body).key(TestKeys.DEV_LIVE).send().status()).isEqualTo(201);
        }

        @ParameterizedTest
        @EnumSource(value = AppointmentStatus.class, names = {"BOOKED", "ARRIVED", "CHECKED_IN"})
        void refusesEveryStatusThatHoldsThePractitionersTime(AppointmentStatus status) {
            // when
            ApiResponse response = post(appointment(status.wire(), practitioner, "2026-12-01T09:00:00Z", "2026-12-01T09:30:00Z"));

            // then
            assertConflictWith(response, booked);
        }

        @ParameterizedTest
        @EnumSource(value = AppointmentStatus.class, names = {"BOOKED", "ARRIVED", "CHECKED_IN"}, mode = EnumSource.Mode.EXCLUDE)
        void acceptsOverlapsOfStatusesThatDoNotHoldIt(AppointmentStatus status) {
            // when
            ApiResponse response = post(appointment(status.wire(), practitioner, "2026-12-01T09:00:00Z", "2026-12-01T09:30:00Z"));

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(201);
        }

        @Test
        void booksExactlyOneOfFiftyConcurrentRequestsForOneSlot() {
            // given
            String contested = Bodies.uniquePractitioner();

            // when
            List<ApiResponse> responses = Concurrently.run(50,
                    i -> post(appointment("booked", contested, "2026-12-02T14:00:00Z", "2026-12-02T14:30:00Z")));

            // then
            List<ApiResponse> won = responses.stream().filter(r -> r.status() == 201).toList();
            assertThat(won).hasSize(1);
            String winner = won.get(0).text("data.id");
            assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(49)
                    .allSatisfy(r -> assertConflictWith(r, winner));
            assertThat(api.get("/v1/appointments?practitionerId=" + contested).send().number("data.total")).isEqualTo(1);
        }
    }

    @Nested
    class Update {

        @Test
        void refusesMovingABookingOntoAnotherAndChangesNothing() {
            // given
            String path = "/v1/appointments/" + createId(
                    appointment("booked", practitioner, "2026-12-01T11:00:00Z", "2026-12-01T11:30:00Z"));

            // when
            ApiResponse response = api.patch(path, "{\"start\":\"2026-12-01T09:20:00Z\"}").send();

            // then
            assertConflictWith(response, booked);
            assertThat(api.get(path).send().text("data.start")).isEqualTo("2026-12-01T11:00:00Z");
        }

        @Test
        void refusesBookingAPendingAppointmentThatOverlaps() {
            // given
            String path = "/v1/appointments/" + createId(
                    appointment("pending", practitioner, "2026-12-01T09:00:00Z", "2026-12-01T09:30:00Z"));

            // when
            ApiResponse response = api.patch(path, "{\"status\":\"booked\"}").send();

            // then
            assertConflictWith(response, booked);
            assertThat(api.get(path).send().text("data.status")).isEqualTo("pending");
        }

        @Test
        void letsABookingMoveWithinItsOwnSlot() {
            // when
            ApiResponse response = api.patch("/v1/appointments/" + booked, "{\"start\":\"2026-12-01T09:10:00Z\"}").send();

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.text("data.end")).isEqualTo("2026-12-01T09:40:00Z");
        }

        @Test
        void freesTheSlotWhenTheBookingIsCancelled() {
            // given
            api.patch("/v1/appointments/" + booked, "{\"status\":\"cancelled\",\"cancelationReason\":\"Patient ill\"}").send();

            // when
            ApiResponse response = post(appointment("booked", practitioner, "2026-12-01T09:00:00Z", "2026-12-01T09:30:00Z"));

            // then
            assertThat(response.status()).isEqualTo(201);
        }
    }

    @Nested
    class InTheDatabase {

        @Test
        void postgresRefusesAnOverlapEvenFromAWriterThatSkipsTheLock() {
            assumeTrue(database == Database.POSTGRES, "the exclusion constraint is PostgreSQL's");
            // given
            AppointmentRepository repository = server.getApplicationContext().getBean(AppointmentRepository.class);
            AppointmentRow row = row(practitioner, "2026-12-01T09:29:00Z");

            // then
            assertThatThrownBy(() -> repository.save(row)).isInstanceOf(DataAccessException.class)
                    .satisfies(e -> assertThat(com.clinikapi.server.database.SqlFailures.isExclusionViolation(e)).isTrue());
        }

        @Test
        void postgresStillAcceptsABackToBackRowFromSuchAWriter() {
            assumeTrue(database == Database.POSTGRES, "the exclusion constraint is PostgreSQL's");
            // given
            AppointmentRepository repository = server.getApplicationContext().getBean(AppointmentRepository.class);

            // then
            assertThat(repository.save(row(practitioner, "2026-12-01T09:30:00Z")).id()).startsWith("appt_");
        }

        private static AppointmentRow row(String practitionerId, String start) {
            Instant from = Instant.parse(start);
            Instant now = Instant.now();
            return new AppointmentRow("appt_" + UUID.randomUUID().toString().replace("-", ""), "dev", "test", 1L,
                    "arrived", "pat_1", practitionerId, null, from, from.plusSeconds(1800), 30, now, now, null, null,
                    null, null, null, null, null, null, null, null, null,
                    SortKeys.ofStart(from.atOffset(ZoneOffset.UTC)), SortKeys.of(now.atOffset(ZoneOffset.UTC)));
        }
    }
}
