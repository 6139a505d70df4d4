package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.junit.ClinikScenario;
import com.clinikapi.mock.junit.MockScenario;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;

import static com.clinikapi.mock.junit.ClinikScenario.Kind.RATE_LIMITED;
import static com.clinikapi.mock.junit.ClinikScenario.Kind.SCHEDULING_CONFLICT;
import static com.clinikapi.mock.junit.ClinikScenario.Kind.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scenarios a test sets without a {@code Prefer} header, typed ({@link MockScenario}) or annotated
 * ({@link ClinikScenario}), for clients that cannot send one.
 */
class TypedScenariosTest {

    private static final String SPECS_CONFLICT = "start: overlaps appointment appt_8Jq2mXkR4vTn, which holds the same practitioner's time";

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
    }

    @Nested
    class Typed {

        @Test
        void unavailableTwiceThenTheThirdCreateSucceedsAndCreatesOneAppointment() {
            mock.forceScenario(MockScenario.unavailable(2), api.apiKey());

            Reply first = api.create(Bodies.booked());
            Reply second = api.create(Bodies.booked());
            Reply third = api.create(Bodies.booked());

            assertThat(first.status()).isEqualTo(503);
            assertThat(first.code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(first.header("Retry-After")).isEqualTo("1");
            assertThat(second.status()).isEqualTo(503);
            assertThat(third.status()).isEqualTo(201);
            assertThat(total()).isEqualTo(1);
        }

        @Test
        void rateLimitedCarriesTheRetryAfterAskedFor() {
            mock.forceScenario(MockScenario.rateLimited(Duration.ofSeconds(2), 1), api.apiKey());

            Reply limited = api.search("");

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.code()).isEqualTo("RATE_LIMITED");
            assertThat(limited.header("Retry-After")).isEqualTo("2");
            assertThat(api.search("").status()).isEqualTo(200);
        }

        @Test
        void slowDelaysEveryAnswer() {
            mock.forceScenario(MockScenario.slow(Duration.ofMillis(300)), api.apiKey());

            for (int i = 0; i < 2; i++) {
                long started = System.nanoTime();
                Reply reply = api.search("");
                assertThat(reply.status()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            }
        }

        @Test
        void aSchedulingConflictIsTheSpecsConflictOnCreatesAndUpdatesOnly() {
            String id = api.createdId(Bodies.booked());
            mock.forceScenario(MockScenario.schedulingConflict(2), api.apiKey());

            assertThat(api.search("").status()).isEqualTo(200);
            assertThat(api.read(id).status()).isEqualTo(200);
            Reply patched = api.update(id, "{\"priority\": 3}");
            Reply created = api.create(Bodies.booked());

            for (Reply conflict : new Reply[] {patched, created}) {
                assertThat(conflict.status()).isEqualTo(409);
                assertThat(conflict.code()).isEqualTo("SCHEDULING_CONFLICT");
                assertThat(conflict.json().path("error").asText())
                        .isEqualTo("The practitioner is already booked for an overlapping time");
                assertThat(conflict.diagnostics()).containsExactly(SPECS_CONFLICT);
                assertThat(conflict.issueTypes()).containsExactly("conflict");
            }
            assertThat(api.read(id).data().path("version").asInt()).as("nothing changed").isEqualTo(1);
            assertThat(api.create(Bodies.booked()).status()).isEqualTo(201);
        }

        @Test
        void aSchedulingConflictLeavesDeletesAlone() {
            String id = api.createdId(Bodies.booked());
            mock.forceScenario(MockScenario.schedulingConflict(1), api.apiKey());

            assertThat(api.delete(id).status()).isEqualTo(204);
            assertThat(api.create(Bodies.booked()).code()).isEqualTo("SCHEDULING_CONFLICT");
        }

        @Test
        void aConnectionResetStoresNothing() {
            mock.forceScenario(MockScenario.connectionReset(1), api.apiKey());

            assertThatThrownBy(() -> api.sendRaw(api.request("/v1/appointments")
                    .header("Content-Type", "application/json").POST(ApiClient.body(Bodies.booked()))))
                    .isInstanceOf(IOException.class);
            assertThat(total()).isZero();
        }

        @Test
        void appliesToTheGivenKeyOnly() {
            ApiClient other = api.withKey(ClinikMockExtension.newApiKey());
            mock.forceScenario(MockScenario.unavailable(1), api.apiKey());

            assertThat(other.search("").status()).isEqualTo(200);
            assertThat(api.search("").status()).isEqualTo(503);
        }

        @Test
        void refusesWhatTheMockCannotSimulate() {
            assertThatThrownBy(() -> MockScenario.unavailable(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> MockScenario.rateLimited(Duration.ofMillis(1500), 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> MockScenario.slow(Duration.ofMinutes(2))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Annotated {

        @Test
        @ClinikScenario(value = UNAVAILABLE, times = 2)
        void twoUnavailableAnswersThenService() {
            assertThat(api.create(Bodies.booked()).status()).isEqualTo(503);
            assertThat(api.create(Bodies.booked()).status()).isEqualTo(503);
            assertThat(api.create(Bodies.booked()).status()).isEqualTo(201);
            assertThat(total()).isEqualTo(1);
        }

        @Test
        @ClinikScenario(value = RATE_LIMITED, retryAfterSeconds = 3, times = 1)
        @ClinikScenario(value = SCHEDULING_CONFLICT, times = 1)
        void severalApplyInTheOrderWritten() {
            Reply limited = api.search("");
            Reply conflict = api.create(Bodies.booked());

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isEqualTo("3");
            assertThat(conflict.code()).isEqualTo("SCHEDULING_CONFLICT");
            assertThat(api.create(Bodies.booked()).status()).isEqualTo(201);
        }
    }

    @Test
    void aPreferHeaderCanNameTheSpecsSchedulingConflictExample() {
        Reply reply = api.send(api.request("/v1/appointments").header("Content-Type", "application/json")
                .header("Prefer", "code=409, example=schedulingConflict").POST(ApiClient.body(Bodies.booked())));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("SCHEDULING_CONFLICT");
        assertThat(reply.diagnostics()).containsExactly(SPECS_CONFLICT);
        assertThat(total()).isZero();
    }

    private int total() {
        return api.search("").data().path("total").asInt();
    }
}
