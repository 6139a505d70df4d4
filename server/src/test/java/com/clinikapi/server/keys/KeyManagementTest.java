package com.clinikapi.server.keys;

import com.clinikapi.contract.auth.Mode;
import com.clinikapi.server.auth.Scope;
import com.clinikapi.server.keys.ApiKeyAdministration.CreatedKey;
import com.clinikapi.server.keys.ApiKeyAdministration.NewKey;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.Polling;
import com.clinikapi.server.support.TestKeys;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys as operators manage them: stored only as a hash, usable at once, revoked and expired within the cache TTL. */
abstract class KeyManagementTest extends ApiTest {

    /** The embedded default's key cache TTL, plus room for a slow machine. */
    private static final Duration WITHIN_CACHE_TTL = Duration.ofSeconds(5).plusSeconds(5);

    KeyManagementTest(Database database) {
        super(database);
    }

    static class OnH2 extends KeyManagementTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends KeyManagementTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    private ApiKeyAdministration keys;

    @BeforeEach
    void administration() {
        keys = context().getBean(ApiKeyAdministration.class);
    }

    private CreatedKey newKey(Set<Scope> scopes) {
        return keys.create(new NewKey("acme", Mode.TEST, scopes, null, null));
    }

    private ApiResponse searchWith(String key) {
        return api.get("/v1/appointments").key(key).send();
    }

    @Nested
    class Creating {

        @Test
        void aNewKeyWorksAtOnceInItsTenantAndMode() {
            // when
            CreatedKey created = newKey(EnumSet.allOf(Scope.class));

            // then
            assertThat(created.secret()).matches("clk_test_[A-Za-z0-9_-]{43}");
            assertThat(searchWith(created.secret()).status()).isEqualTo(200);
        }

        @Test
        void storesOnlyTheHashAndTheDisplayPrefix() {
            // when
            CreatedKey created = newKey(EnumSet.allOf(Scope.class));

            // then no column holds the secret or its secret part
            List<String> columns = storedColumns(created.stored().id());
            String secretPart = created.secret().substring("clk_test_".length() + 4);
            assertThat(columns).noneSatisfy(value -> assertThat(value).contains(secretPart));
            assertThat(columns).contains(ApiKeySecrets.hexDigest(created.secret()), created.secret().substring(0, 13));
        }

        @Test
        void aLiveKeyActsOnLiveData() {
            // when
            CreatedKey live = keys.create(new NewKey("acme", Mode.LIVE, EnumSet.allOf(Scope.class), null, null));

            // then
            assertThat(live.secret()).startsWith("clk_live_");
            assertThat(searchWith(live.secret()).status()).isEqualTo(200);
        }

        @Test
        void refusesAnUnknownPlanAndABadTenant() {
            assertThatThrownBy(() -> keys.create(new NewKey("acme", Mode.TEST, EnumSet.allOf(Scope.class), "platinum", null)))
                    .isInstanceOf(KeyAdministrationException.class).hasMessageContaining("platinum");
            assertThatThrownBy(() -> keys.create(new NewKey("has space", Mode.TEST, EnumSet.allOf(Scope.class), null, null)))
                    .isInstanceOf(KeyAdministrationException.class).hasMessageContaining("tenant");
            assertThatThrownBy(() -> keys.create(new NewKey("acme", Mode.TEST, Set.of(), null, null)))
                    .isInstanceOf(KeyAdministrationException.class).hasMessageContaining("scope");
        }

        @Test
        void theDevKeyIsSeededForTenantDev() {
            assertThat(keys.list("dev")).anySatisfy(key -> {
                assertThat(key.prefix()).isEqualTo("clk_test_loca");
                assertThat(key.mode()).isEqualTo("test");
                assertThat(key.revokedAt()).isNull();
            });
        }
    }

    @Nested
    class Revoking {

        @Test
        void aRevokedKeyIsRefusedWithinTheCacheTtl() {
            // given a key in use, so cached
            CreatedKey created = newKey(EnumSet.allOf(Scope.class));
            assertThat(searchWith(created.secret()).status()).isEqualTo(200);

            // when
            keys.revoke(created.stored().id());

            // then
            ApiResponse refused = Polling.until(() -> searchWith(created.secret()), r -> r.status() == 401, WITHIN_CACHE_TTL);
            assertThat(refused.text("code")).isEqualTo("KEY_REVOKED");
            assertThat(keys.resolve(created.stored().id()).revokedAt()).isNotNull();
        }

        @Test
        void aKeyIsNamedByItsPrefixWithOrWithoutTheEllipsis() {
            // given
            CreatedKey created = newKey(EnumSet.allOf(Scope.class));
            String prefix = created.stored().prefix();

            // then
            assertThat(keys.resolve(prefix + "…").id()).isEqualTo(created.stored().id());
            assertThat(keys.resolve(prefix).id()).isEqualTo(created.stored().id());
        }

        @Test
        void anAmbiguousPrefixNamesNoKey() {
            // given two keys that share a prefix
            String one = keys.register("clk_test_twinAAAAAAAAAA", new NewKey("acme", Mode.TEST, EnumSet.allOf(Scope.class), null, null)).id();
            String two = keys.register("clk_test_twinBBBBBBBBBB", new NewKey("acme", Mode.TEST, EnumSet.allOf(Scope.class), null, null)).id();

            // then
            assertThatThrownBy(() -> keys.revoke("clk_test_twin"))
                    .isInstanceOf(KeyAdministrationException.class).hasMessageContaining(one).hasMessageContaining(two);
            assertThat(searchWith("clk_test_twinAAAAAAAAAA").status()).isEqualTo(200);
            assertThat(searchWith("clk_test_twinBBBBBBBBBB").status()).isEqualTo(200);
        }
    }

    @Nested
    class Expiring {

        @Test
        void aKeyExpiredNowIsRefusedWithinTheCacheTtl() {
            // given
            CreatedKey created = newKey(EnumSet.allOf(Scope.class));
            assertThat(searchWith(created.secret()).status()).isEqualTo(200);

            // when
            keys.expire(created.stored().id(), Instant.now());

            // then
            ApiResponse refused = Polling.until(() -> searchWith(created.secret()), r -> r.status() == 401, WITHIN_CACHE_TTL);
            assertThat(refused.text("code")).isEqualTo("KEY_EXPIRED");
        }

        @Test
        void aKeyStopsWorkingAtItsExpiryEvenWhileCached() {
            // given a key that expires in a moment
            Instant expiresAt = Instant.now().plusSeconds(2);
            String key = keys.create(new NewKey("acme", Mode.TEST, EnumSet.allOf(Scope.class), null, expiresAt)).secret();
            assertThat(searchWith(key).status()).isEqualTo(200);

            // when
            ApiResponse refused = Polling.until(() -> searchWith(key), r -> r.status() == 401, Duration.ofSeconds(10));

            // then it is refused right at its expiry, not a cache TTL later
            assertThat(refused.text("code")).isEqualTo("KEY_EXPIRED");
            assertThat(Instant.now()).isBefore(expiresAt.plusSeconds(2));
        }
    }

    @Nested
    class LastUsed {

        @Test
        void isRecordedShortlyAfterUse() {
            // given
            CreatedKey created = newKey(EnumSet.allOf(Scope.class));
            assertThat(keys.resolve(created.stored().id()).lastUsedAt()).isNull();
            Instant before = Instant.now().minusSeconds(1);

            // when
            searchWith(created.secret());

            // then
            ApiKeyRow used = Polling.until(() -> keys.resolve(created.stored().id()), k -> k.lastUsedAt() != null, Duration.ofSeconds(10));
            assertThat(used.lastUsedAt()).isAfter(before);
        }
    }

    /** Every column of the key's row, as text, read straight from the database. */
    private List<String> storedColumns(String id) {
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(context().getBean(DataSource.class));
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT * FROM api_key WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        values.add(String.valueOf(rs.getObject(i)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(values).isNotEmpty();
        return values;
    }
}
