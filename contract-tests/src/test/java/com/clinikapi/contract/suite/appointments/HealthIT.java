package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.target.Targets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /health} answers without a key, for load balancers. */
class HealthIT {

    private final ContractClient api = Targets.client();

    @Test
    void answersUpWithoutAKey() {
        ApiResponse response = api.get("/health").withoutKey().send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void answersUpWithAKeyToo() {
        assertThat(api.get("/health").send().status()).isEqualTo(200);
    }
}
