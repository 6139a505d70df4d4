package com.clinikapi.server.auth;

import com.clinikapi.server.support.ApiOperation;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenants and modes are separate worlds: an appointment of tenant {@code dev} in test mode is not
 * found, changed or listed by another tenant's key, nor by {@code dev}'s own live key; and what
 * those keys create is not seen from here.
 */
abstract class IsolationTest extends ApiTest {

    IsolationTest(Database database) {
        super(database);
    }

    static class OnH2 extends IsolationTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends IsolationTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    private String patient;
    private String existing;

    @BeforeEach
    void anAppointmentOfTenantDevInTestMode() {
        patient = uniquePatient();
        existing = createId(Bodies.booked(patient));
    }

    @Nested
    class AnotherTenant {

        @ParameterizedTest
        @EnumSource(value = ApiOperation.class, names = {"READ", "UPDATE", "DELETE"})
        void findsNoSuchAppointment(ApiOperation operation) {
            assertNotFoundAndUnchanged(operation.on(api, existing, patient).key(TestKeys.OTHER_TENANT).send());
        }

        @Test
        void inLiveModeFindsNoSuchAppointmentEither() {
            assertNotFoundAndUnchanged(ApiOperation.READ.on(api, existing, patient).key(TestKeys.OTHER_TENANT_LIVE).send());
        }

        @Test
        void searchesWithoutFindingIt() {
            assertSearchFindsNothing(TestKeys.OTHER_TENANT);
        }

        @Test
        void createsWhatThisTenantDoesNotSee() {
            assertOwnCreationsStaySeparate(TestKeys.OTHER_TENANT);
        }
    }

    @Nested
    class TheSameTenantsLiveKey {

        @ParameterizedTest
        @EnumSource(value = ApiOperation.class, names = {"READ", "UPDATE", "DELETE"})
        void findsNoSuchTestAppointment(ApiOperation operation) {
            assertNotFoundAndUnchanged(operation.on(api, existing, patient).key(TestKeys.DEV_LIVE).send());
        }

        @Test
        void searchesWithoutFindingIt() {
            assertSearchFindsNothing(TestKeys.DEV_LIVE);
        }

        @Test
        void createsLiveDataThatTheTestKeyDoesNotSee() {
            assertOwnCreationsStaySeparate(TestKeys.DEV_LIVE);
        }
    }

    private void assertNotFoundAndUnchanged(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.text("code")).isEqualTo("NOT_FOUND");
        ApiResponse mine = api.get("/v1/appointments/" + existing).send();
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.number("data.version")).isEqualTo(1);
        assertThat(mine.at("data.priority")).isNull();
    }

    private void assertSearchFindsNothing(String key) {
        ApiResponse response = ApiOperation.SEARCH.on(api, existing, patient).key(key).send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.ids()).isEmpty();
        assertThat(response.number("data.total")).isZero();
    }

    private void assertOwnCreationsStaySeparate(String key) {
        // given
        ApiResponse theirs = api.post("/v1/appointments", Bodies.booked(patient)).key(key).send();
        assertThat(theirs.status()).isEqualTo(201);
        String theirId = theirs.text("data.id");

        // then each sees only its own
        assertThat(api.get("/v1/appointments/" + theirId).send().status()).isEqualTo(404);
        assertThat(api.get("/v1/appointments?patientId=" + patient).send().ids()).containsExactly(existing);
        assertThat(api.get("/v1/appointments?patientId=" + patient).key(key).send().ids()).containsExactly(theirId);
        assertThat(api.get("/v1/appointments/" + theirId).key(key).send().status()).isEqualTo(200);
    }
}
