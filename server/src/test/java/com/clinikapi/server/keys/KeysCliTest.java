package com.clinikapi.server.keys;

import com.clinikapi.server.keys.cli.KeysCli;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.Polling;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar clinikapi-server.jar keys …}, run in-process on the running test service's
 * database, exactly as an operator runs it beside a deployment; the keys it prints are then used
 * over HTTP.
 */
abstract class KeysCliTest extends ApiTest {

    private static final Duration WITHIN_CACHE_TTL = Duration.ofSeconds(10);

    KeysCliTest(Database database) {
        super(database);
    }

    static class OnH2 extends KeysCliTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends KeysCliTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    /** What one CLI run printed and answered. */
    record Run(int exitCode, String out, String err) {
    }

    private Run keys(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = KeysCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), sameDatabase());
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String createdKey(String... args) {
        Run created = keys(args);
        assertThat(created.exitCode()).as(created.err()).isZero();
        return created.out().strip();
    }

    private ApiResponse searchWith(String key) {
        return api.get("/v1/appointments").key(key).send();
    }

    @Nested
    class Create {

        @Test
        void printsOnlyTheNewKeyOnStdoutAndTheKeyWorks() {
            // when
            Run run = keys("create", "--tenant", "acme", "--mode", "test", "--scopes", "appointments:read,appointments:write");

            // then
            assertThat(run.exitCode()).as(run.err()).isZero();
            String key = run.out().strip();
            assertThat(key).matches("clk_test_[A-Za-z0-9_-]{43}");
            assertThat(run.err()).contains("key_").contains(key.substring(0, 13) + "…").contains("acme")
                    .contains("shown only now").doesNotContain(key);
            assertThat(searchWith(key).status()).isEqualTo(200);
        }

        @Test
        void aReadOnlyLiveKeyWithAnExpiry() {
            // when
            String key = createdKey("create", "--tenant", "acme", "--mode", "LIVE", "--scopes", "appointments:read", "--expires-in", "90d");

            // then
            assertThat(key).startsWith("clk_live_");
            assertThat(searchWith(key).status()).isEqualTo(200);
            assertThat(api.delete("/v1/appointments/appt_x").key(key).send().status()).isEqualTo(403);
            Instant expiresAt = context().getBean(ApiKeyAdministration.class).resolve(key.substring(0, 13)).expiresAt();
            assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));
        }

        @Test
        void refusesBadUsageWithExitCode2() {
            assertThat(keys("create", "--mode", "test", "--scopes", "appointments:read").exitCode()).isEqualTo(2);
            assertThat(keys("create", "--tenant", "acme", "--mode", "prod", "--scopes", "appointments:read").exitCode()).isEqualTo(2);
            assertThat(keys("create", "--tenant", "acme", "--mode", "test", "--scopes", "appointments:admin").exitCode()).isEqualTo(2);
            assertThat(keys("create", "--tenant", "acme", "--mode", "test", "--scopes", "appointments:read", "--expires-in", "soon").exitCode())
                    .isEqualTo(2);
            assertThat(keys().exitCode()).isEqualTo(2);
        }

        @Test
        void refusesAnUnknownPlanWithExitCode1() {
            Run run = keys("create", "--tenant", "acme", "--mode", "test", "--scopes", "appointments:read", "--plan", "platinum");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("error: no plan named platinum");
        }
    }

    @Nested
    class ListKeys {

        @Test
        void showsEveryDetailButTheKey() {
            // given
            String key = createdKey("create", "--tenant", "listing", "--mode", "test", "--scopes", "appointments:read");

            // when
            Run run = keys("list", "--tenant", "listing");

            // then
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("ID", "PREFIX", "TENANT", "MODE", "SCOPES", "PLAN", "CREATED", "LAST USED", "EXPIRES", "REVOKED");
            assertThat(run.out()).contains(key.substring(0, 13) + "…", "listing", "appointments:read", "standard");
            assertThat(run.out()).doesNotContain(key).doesNotContain("localdevkey");
        }

        @Test
        void listsEveryTenantWithoutTheFilter() {
            assertThat(keys("list").out()).contains("clk_test_loca…").contains("dev");
        }
    }

    @Nested
    class RevokeAndExpire {

        @Test
        void revokeByPrefixStopsTheKeyWithinTheCacheTtl() {
            // given
            String key = createdKey("create", "--tenant", "acme", "--mode", "test", "--scopes", "appointments:read");
            assertThat(searchWith(key).status()).isEqualTo(200);

            // when
            Run run = keys("revoke", key.substring(0, 13) + "…");

            // then
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Revoked key_");
            ApiResponse refused = Polling.until(() -> searchWith(key), r -> r.status() == 401, WITHIN_CACHE_TTL);
            assertThat(refused.text("code")).isEqualTo("KEY_REVOKED");
        }

        @Test
        void expireByIdStopsTheKeyWithinTheCacheTtl() {
            // given
            String key = createdKey("create", "--tenant", "acme", "--mode", "test", "--scopes", "appointments:read");
            String id = context().getBean(ApiKeyAdministration.class).resolve(key.substring(0, 13)).id();
            assertThat(searchWith(key).status()).isEqualTo(200);

            // when
            Run run = keys("expire", id, "--at", "2020-01-01T00:00:00Z");

            // then
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains(id).contains("2020-01-01T00:00:00Z");
            ApiResponse refused = Polling.until(() -> searchWith(key), r -> r.status() == 401, WITHIN_CACHE_TTL);
            assertThat(refused.text("code")).isEqualTo("KEY_EXPIRED");
        }

        @Test
        void anUnknownKeyIsRefusedWithExitCode1() {
            Run run = keys("revoke", "key_doesNotExist");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("error: no key with id key_doesNotExist");
        }
    }
}
