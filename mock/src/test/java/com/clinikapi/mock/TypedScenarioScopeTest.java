package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.junit.ClinikScenario;
import com.clinikapi.mock.junit.MockScenario;
import com.clinikapi.mock.testing.ApiClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;

import static com.clinikapi.mock.junit.ClinikScenario.Kind.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A typed or annotated scenario ends with its test, even on a mock that is not reset between tests
 * and for a key the test did not make.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TypedScenarioScopeTest {

    private static final String KEY = "clk_test_scenario_scope_check";

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().resetBeforeEachTest(false).build();

    ApiClient api = new ApiClient(mock.baseUrl(), KEY);

    @Test
    @Order(1)
    void aTypedScenarioApplies() {
        mock.forceScenario(MockScenario.unavailable(5), KEY);

        assertThat(api.search("").status()).isEqualTo(503);
    }

    @Test
    @Order(2)
    @ClinikScenario(UNAVAILABLE)
    void anAnnotatedScenarioAppliesToEveryRequestOfTheTest() {
        assertThat(api.search("").status()).isEqualTo(503);
        assertThat(api.search("").status()).isEqualTo(503);
    }

    @Test
    @Order(3)
    void neitherOutlivesItsTest() {
        assertThat(api.search("").status()).isEqualTo(200);
        assertThat(api.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/clinikapi/scenarios")).GET())
                .body()).isEqualTo("[]");
    }
}
