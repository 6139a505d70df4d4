package com.clinikapi.mock;

import com.clinikapi.contract.auth.ApiKeyFormat;
import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

/** The JUnit 5 extension partners register in their own tests. */
class ClinikMockExtensionTest {

    /** The same key in every test, so that only the extension's reset can tell them apart. */
    static final String KEY = "clk_test_extension_test_key";

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class StaticExtension {

        @RegisterExtension
        static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

        @Test
        @Order(1)
        void exposesItsPortAndBaseUrl() {
            assertThat(mock.getPort()).isPositive();
            assertThat(mock.baseUrl()).isEqualTo("http://localhost:" + mock.getPort());
        }

        @Test
        @Order(2)
        void recordsRequestsInWireMocksJournalForVerification() {
            ApiClient api = new ApiClient(mock.baseUrl(), KEY);
            String id = api.createdId(Bodies.booked());
            api.read(id);
            api.search("practitionerId=prac_def456");

            mock.verify(1, postRequestedFor(urlEqualTo("/v1/appointments")).withHeader("x-api-key", equalTo(ClinikMockExtension.journalKey(KEY))));
            mock.verify(1, getRequestedFor(urlEqualTo("/v1/appointments/" + id)));
            mock.verify(getRequestedFor(urlPathEqualTo("/v1/appointments")).withQueryParam("practitionerId", equalTo("prac_def456")));
            assertThat(mock.getAllServeEvents()).hasSize(3);
        }

        @Test
        @Order(3)
        void startsEachTestWithAnEmptyMockAndJournal() {
            ApiClient api = new ApiClient(mock.baseUrl(), KEY);

            assertThat(api.search("").data().path("total").asInt()).isZero();
            assertThat(mock.getAllServeEvents()).hasSize(1);
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class StaticExtensionKeepingState {

        @RegisterExtension
        static ClinikMockExtension mock = ClinikMockExtension.builder().resetBeforeEachTest(false).journalSize(2).build();

        @Test
        @Order(1)
        void createsAnAppointment() {
            new ApiClient(mock.baseUrl(), KEY).createdId(Bodies.booked());
        }

        @Test
        @Order(2)
        void stillSeesItInTheNextTest() {
            ApiClient api = new ApiClient(mock.baseUrl(), KEY);

            assertThat(api.search("").data().path("total").asInt()).isEqualTo(1);
        }

        @Test
        @Order(3)
        void keepsABoundedJournal() {
            ApiClient api = new ApiClient(mock.baseUrl(), KEY);
            for (int i = 0; i < 5; i++) {
                api.search("");
            }

            assertThat(mock.getAllServeEvents()).hasSize(2);
        }
    }

    /** WireMock's static DSL ({@code import static …WireMock.*}) talks to the extension's mock, not to localhost:8080. */
    @Nested
    class StaticDsl {

        @RegisterExtension
        static ClinikMockExtension mock = ClinikMockExtension.create();

        @Test
        void staticVerifyCountsTheRequestsTheMockServed() {
            new ApiClient(mock.baseUrl(), KEY).search("");

            verify(1, getRequestedFor(urlPathEqualTo("/v1/appointments")));
            assertThat(findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        }
    }

    @Nested
    class StaticDslOfAnInstanceExtension {

        @RegisterExtension
        ClinikMockExtension mock = ClinikMockExtension.create();

        @Test
        void staticVerifyCountsTheRequestsOfThisTestsMock() {
            new ApiClient(mock.baseUrl(), KEY).createdId(Bodies.booked());

            verify(1, postRequestedFor(urlEqualTo("/v1/appointments")));
        }
    }

    @Nested
    class InstanceExtension {

        @RegisterExtension
        ClinikMockExtension mock = ClinikMockExtension.create();

        @Test
        void servesEachTestFromItsOwnMock() {
            ApiClient api = new ApiClient(mock.baseUrl(), KEY);

            assertThat(api.search("").data().path("total").asInt()).isZero();
            assertThat(api.create(Bodies.booked()).status()).isEqualTo(201);
        }
    }

    @Test
    void newApiKeysAreWellFormedAndUnique() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String key = ClinikMockExtension.newApiKey();
            assertThat(ApiKeyFormat.modeOf(key)).isPresent();
            keys.add(key);
        }
        assertThat(keys).hasSize(100);
    }
}
