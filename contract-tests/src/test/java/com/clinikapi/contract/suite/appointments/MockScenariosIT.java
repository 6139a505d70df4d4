package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.suite.http.ApiCall;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.spec.SpecModel;
import com.clinikapi.contract.suite.target.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mock's per-request scenarios (the {@code Prefer} header): every documented error of every
 * operation can be forced, in the documented shape, with no side effect; plus delays and dropped
 * connections for resilience tests. Aborted on targets without scenarios (the service).
 */
class MockScenariosIT {

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);

    /** Every (operation, documented error status) pair of the spec. */
    static Stream<Arguments> documentedErrors() {
        return Operations.all().flatMap(op -> SpecModel.get().operations().stream()
                .filter(spec -> spec.operationId().equals(operationId(op)))
                .flatMap(spec -> spec.documentedStatuses().stream().filter(s -> s >= 400).sorted()
                        .map(status -> Arguments.of(op, status))));
    }

    @ParameterizedTest(name = "{0} forced to {1}")
    @MethodSource("documentedErrors")
    void forcesEveryDocumentedErrorInTheDocumentedShape(Operations operation, int status) {
        String header = Targets.current().requireScenarios();
        String id = operation.takesId() ? appointments.create(Fixtures.booked(Fixtures.patientId())).path("id").asText()
                : Fixtures.unknownAppointmentId();

        ApiCall call = operation.request(api, id).header(header, "code=" + status);
        ApiResponse response = (status >= 500 ? call.allowingServerError() : call).send();

        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(Arrays.stream(ErrorCode.values()).filter(c -> c.httpStatus() == status).map(Enum::name))
                .contains(response.errorCode());
        if (status == 429 || status == 503) {
            assertThat(response.header(ApiHeaders.RETRY_AFTER)).as("%s", response).isPresent();
        }
    }

    @Test
    void aForcedErrorChangesNothing() {
        String header = Targets.current().requireScenarios();
        String patient = Fixtures.patientId();

        api.post(Appointments.COLLECTION).header(header, "code=500").allowingServerError().json(Fixtures.booked(patient)).send();
        api.post(Appointments.COLLECTION).header(header, "code=409").json(Fixtures.booked(patient)).send();

        assertThat(appointments.searchByPatient(patient).path("total").asLong()).isZero();
    }

    @Test
    void delaysAnAnswer() {
        String header = Targets.current().requireScenarios();
        Instant start = Instant.now();

        ApiResponse response = api.get(Appointments.COLLECTION).query("patientId", Fixtures.patientId())
                .header(header, "delay=400").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reset", "empty"})
    void dropsTheConnectionWhenAsked(String fault) {
        String header = Targets.current().requireScenarios();

        assertThat(api.get(Appointments.COLLECTION).header(header, "fault=" + fault).sendExpectingDroppedConnection())
                .isNotNull();
    }

    private static String operationId(Operations operation) {
        return switch (operation) {
            case CREATE -> "createAppointment";
            case READ -> "getAppointment";
            case UPDATE -> "updateAppointment";
            case DELETE -> "deleteAppointment";
            case SEARCH -> "searchAppointments";
        };
    }
}
