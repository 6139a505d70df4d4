package com.clinikapi.mock;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A seed never makes a sandbox hold more than the mock's quota; a seed too large changes nothing. */
class SeedQuotaTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true)
            .maxAppointmentsPerSandbox(90).build();

    ApiClient api;
    String mine;

    @BeforeEach
    void anAppointmentOfMyOwn() {
        api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
        mine = api.createdId(Bodies.booked());
    }

    @Test
    void aSeedOverTheQuotaIsSandboxFullAndChangesNothing() {
        Reply reply = SeedSandboxTest.seed(api, "{\"seed\": 42, \"days\": 3}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("SANDBOX_FULL");
        assertThat(reply.diagnostics()).singleElement().asString()
                .startsWith("appointments: this seed makes ").endsWith("more than the 90 this sandbox may hold; seed fewer days");
        assertThat(api.read(mine).status()).isEqualTo(200);
        assertThat(SeedSandboxTest.total(api, "")).isEqualTo(1);
    }

    @Test
    void theExtensionRefusesItTheSameWay() {
        assertThatThrownBy(() -> mock.seed(api.apiKey(), 42, 3))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SANDBOX_FULL));
        assertThat(api.read(mine).status()).isEqualTo(200);
    }

    @Test
    void aSeedWithinTheQuotaFillsTheSandbox() {
        Reply reply = SeedSandboxTest.seed(api, "{\"seed\": 42, \"days\": 1}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("appointments").asInt()).isLessThanOrEqualTo(90)
                .isEqualTo(SeedSandboxTest.total(api, ""));
    }
}
