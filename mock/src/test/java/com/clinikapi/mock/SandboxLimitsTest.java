package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What keeps a shared mock's memory bounded: a quota per sandbox, and idle sandboxes forgotten. */
class SandboxLimitsTest {

    @Nested
    class Quota {

        @RegisterExtension
        static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true)
                .maxAppointmentsPerSandbox(2).build();

        @Test
        void aCreateBeyondTheSandboxsQuotaIs409SandboxFull() {
            ApiClient api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
            api.createdId(Bodies.booked());
            api.createdId(Bodies.booked());

            Reply refused = api.create(Bodies.booked());

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("SANDBOX_FULL");
            assertThat(refused.diagnostics()).containsExactly("appointments: this sandbox holds at most 2; delete some or reset it");
            assertThat(api.search("").data().path("total").asInt()).isEqualTo(2);
        }

        @Test
        void theQuotaIsPerSandboxAndFreedByDeleting() {
            ApiClient api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
            String first = api.createdId(Bodies.booked());
            api.createdId(Bodies.booked());

            assertThat(api.withKey(ClinikMockExtension.newApiKey()).create(Bodies.booked()).status()).isEqualTo(201);
            api.delete(first);
            assertThat(api.create(Bodies.booked()).status()).isEqualTo(201);
        }
    }

    @Nested
    class IdleSandboxes {

        @RegisterExtension
        static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true)
                .sandboxIdleTime(Duration.ofMillis(200)).build();

        @Test
        void anIdleSandboxIsForgottenWithEverythingItHeld() {
            ApiClient api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
            api.createdId(Bodies.booked());

            // No assertion that the sandbox is still there first: a cold mock's first answer may take the idle time.
            Instant deadline = Instant.now().plusSeconds(10);
            while (sandboxes(api) > 0 && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }

            assertThat(sandboxes(api)).isZero();
            assertThat(api.search("").data().path("total").asInt()).isZero();
        }

        private static int sandboxes(ApiClient api) {
            return api.send(api.withKey(null).request("/__admin/clinikapi/sandboxes").GET()).json().path("sandboxes").asInt();
        }
    }
}
