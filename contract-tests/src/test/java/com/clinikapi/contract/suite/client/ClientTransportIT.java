package com.clinikapi.contract.suite.client;

import com.clinikapi.client.ClinikApiClient;
import com.clinikapi.client.model.Appointment;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.suite.appointments.Fixtures;
import com.clinikapi.contract.suite.target.ContractTarget;
import com.clinikapi.contract.suite.target.Targets;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client exactly as a partner builds it, on its own JDK HTTP client rather than the suite's
 * checked one: the key, the timeouts and the transport settings of {@link ClinikApiClient} work
 * against the target. (The other client tests check every answer against the contract.)
 */
class ClientTransportIT {

    @Test
    void talksToTheTargetOnItsOwnHttpClient() throws Exception {
        ContractTarget target = Targets.current();
        ClinikApiClient clinik = ClinikApiClient.builder(target.baseUrl() + "/", target.apiKey())
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(20))
                .build();

        Appointment booked = clinik.appointments().createAppointment(
                GeneratedClient.booked(Fixtures.patientId(), Fixtures.DAY.withHour(15), 30), null).getData();

        assertThat(clinik.appointments().getAppointment(booked.getId()).getData()).isEqualTo(booked);
        assertThat(GeneratedClient.rejection(() -> clinik.appointments().getAppointment(Fixtures.unknownAppointmentId()))
                .errorCode()).hasValue(ErrorCode.NOT_FOUND.name());
    }

    @Test
    void sendsItsKeyOnEveryRequest() {
        ClinikApiClient withoutAValidKey = ClinikApiClient.builder(Targets.current().baseUrl(), "not-a-clinikapi-key").build();

        assertThat(GeneratedClient.rejection(() -> withoutAValidKey.appointments().getAppointment(Fixtures.unknownAppointmentId()))
                .errorCode()).hasValue(ErrorCode.INVALID_KEY_FORMAT.name());
    }
}
