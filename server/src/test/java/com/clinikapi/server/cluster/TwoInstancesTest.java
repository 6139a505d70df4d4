package com.clinikapi.server.cluster;

import com.clinikapi.contract.auth.Mode;
import com.clinikapi.server.auth.Scope;
import com.clinikapi.server.keys.ApiKeyAdministration;
import com.clinikapi.server.support.Api;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.Polling;
import com.clinikapi.server.support.TestKeys;
import com.clinikapi.server.support.TestServers;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service behind an imaginary load balancer, on one PostgreSQL database: the
 * rate limit of a key holds for both together, not for each, and a key revoked through one is
 * refused by the other within the key cache's TTL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoInstancesTest {

    static class OnPostgres extends TwoInstancesTest {
    }

    /** A plan for this test: 20 requests per hour. */
    private static final String PLAN = "shared";
    private static final int LIMIT = 20;
    private static final Duration CACHE_TTL = Duration.ofSeconds(2);

    private EmbeddedServer first;
    private EmbeddedServer second;
    private Api firstApi;
    private Api secondApi;

    @BeforeAll
    void startTwoInstancesOnOneDatabase() {
        Map<String, Object> database = Database.freshPostgres();
        Map<String, Object> configuration = Map.of(
                "clinikapi.plans." + PLAN + ".requests-per-window", LIMIT,
                "clinikapi.plans." + PLAN + ".window-seconds", 3600,
                "clinikapi.api-keys.cache-ttl", CACHE_TTL.toMillis() + "ms");
        first = TestServers.start(database, configuration);
        second = TestServers.start(database, configuration);
        firstApi = new Api(first);
        secondApi = new Api(second);
    }

    @AfterAll
    void stop() {
        second.close();
        first.close();
    }

    private String newKey() {
        return first.getApplicationContext().getBean(ApiKeyAdministration.class)
                .create(new ApiKeyAdministration.NewKey("acme", Mode.TEST, EnumSet.allOf(Scope.class), PLAN, null))
                .secret();
    }

    @Nested
    class RateLimit {

        @Test
        void oneKeyGetsItsLimitOnceAcrossBothInstances() {
            // given
            String key = newKey();

            // when requests alternate between the instances, twice as many as the limit
            List<ApiResponse> responses = new ArrayList<>();
            for (int i = 0; i < 2 * LIMIT; i++) {
                Api instance = i % 2 == 0 ? firstApi : secondApi;
                responses.add(instance.get("/v1/appointments").key(key).send());
            }

            // then the first LIMIT pass, counted down together, and the rest are refused by both
            assertThat(responses.subList(0, LIMIT)).extracting(ApiResponse::status).containsOnly(200);
            assertThat(responses.subList(0, LIMIT)).extracting(r -> Integer.parseInt(r.header("X-RateLimit-Remaining").orElseThrow()))
                    .containsExactlyElementsOf(countdown());
            assertThat(responses.subList(LIMIT, 2 * LIMIT)).extracting(ApiResponse::status).containsOnly(429);
        }

        @Test
        void concurrentRequestsOnBothInstancesNeverExceedTheLimit() throws Exception {
            // given
            String key = newKey();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 5 * LIMIT; i++) {
                Api instance = i % 2 == 0 ? firstApi : secondApi;
                calls.add(() -> instance.get("/v1/appointments").key(key).send().status());
            }

            // when
            List<Integer> statuses = new ArrayList<>();
            try {
                for (Future<Integer> status : clients.invokeAll(calls)) {
                    statuses.add(status.get());
                }
            } finally {
                clients.shutdownNow();
            }

            // then
            assertThat(statuses).containsOnly(200, 429);
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(LIMIT);
        }

        private List<Integer> countdown() {
            List<Integer> remaining = new ArrayList<>();
            for (int left = LIMIT - 1; left >= 0; left--) {
                remaining.add(left);
            }
            return remaining;
        }
    }

    @Nested
    class Revocation {

        @Test
        void aKeyRevokedThroughOneInstanceIsRefusedByTheOtherWithinTheCacheTtl() {
            // given the second instance has the key in its cache
            String key = newKey();
            assertThat(secondApi.get("/v1/appointments").key(key).send().status()).isEqualTo(200);

            // when it is revoked (as the CLI does, in the shared database)
            long revokedAt = System.nanoTime();
            first.getApplicationContext().getBean(ApiKeyAdministration.class).revokeSecret(key).orElseThrow();

            // then the second instance refuses it within the TTL
            ApiResponse refused = Polling.until(() -> secondApi.get("/v1/appointments").key(key).send(),
                    r -> r.status() == 401, CACHE_TTL.plusSeconds(5));
            Duration took = Duration.ofNanos(System.nanoTime() - revokedAt);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.text("code")).isEqualTo("KEY_REVOKED");
            assertThat(took).isLessThan(CACHE_TTL.plusSeconds(1));
        }

        @Test
        void aKeyCreatedThroughOneInstanceWorksOnTheOtherAtOnce() {
            // when
            String key = newKey();

            // then
            assertThat(secondApi.get("/v1/appointments").key(key).send().status()).isEqualTo(200);
        }
    }
}
