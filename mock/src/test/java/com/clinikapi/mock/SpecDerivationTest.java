package com.clinikapi.mock;

import com.clinikapi.contract.ApiSpec;
import com.clinikapi.mock.appointment.AppointmentOperations;
import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.spec.ApiContract;
import com.clinikapi.mock.spec.ContractOperation;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import com.clinikapi.mock.validation.ResponseViolation;
import com.clinikapi.mock.web.ApiResult;
import com.clinikapi.mock.web.OperationHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mock is derived from the spec: what the spec defines, it serves; what the spec changes, the
 * mock follows with no code change; and what the spec does not define, it never answers.
 */
class SpecDerivationTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    class ThePackagedSpec {

        @Test
        void everyOperationIsServedStatefullyExceptHealthFromItsExample() {
            ApiContract contract = ApiContract.load();
            Set<String> specOperations = contract.operations().stream()
                    .map(ContractOperation::operationId).collect(Collectors.toSet());

            assertThat(specOperations).containsAll(statefulOperations());
            assertThat(specOperations).containsExactlyInAnyOrder(
                    AppointmentOperations.CREATE, AppointmentOperations.READ, AppointmentOperations.UPDATE,
                    AppointmentOperations.DELETE, AppointmentOperations.SEARCH, "getHealth");
        }

        @Test
        void aHandlerForAnOperationTheSpecDoesNotDefineStopsTheMock() {
            OperationHandler handler = call -> ApiResult.noContent();

            assertThatThrownBy(() -> MockRuntime.bind(ApiContract.load(), Map.of("cancelAllAppointments", handler)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cancelAllAppointments");
        }

        @Test
        void mediaTypesAreTheContractsOwn() {
            ApiContract contract = ApiContract.load();

            assertThat(contract.operation(AppointmentOperations.CREATE).orElseThrow().requestMediaTypes())
                    .containsExactlyInAnyOrderElementsOf(com.clinikapi.contract.ApiMediaTypes.CREATE_BODY);
            assertThat(contract.operation(AppointmentOperations.UPDATE).orElseThrow().requestMediaTypes())
                    .containsExactlyInAnyOrderElementsOf(com.clinikapi.contract.ApiMediaTypes.UPDATE_BODY);
        }

        /**
         * Every error status every operation documents can be forced, and is answered in a form the
         * spec allows (the extension validates each response and fails the test otherwise).
         */
        @Test
        void everyDocumentedStatusOfEveryOperationCanBeForcedAndConforms() {
            ApiClient api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
            String id = api.createdId(Bodies.booked());
            for (ContractOperation operation : ApiContract.load().operations()) {
                for (int status : operation.responses().keySet()) {
                    if (status == operation.successStatus()) {
                        continue;
                    }
                    String path = operation.pathTemplate().replace("{id}", id);
                    HttpRequest.Builder request = api.request(path).header("Prefer", "code=" + status)
                            .header("Content-Type", "application/json")
                            .method(operation.method(), operation.hasRequestBody()
                                    ? ApiClient.body("{\"priority\": 1}")
                                    : HttpRequest.BodyPublishers.noBody());

                    Reply reply = api.send(request);

                    assertThat(reply.status()).as(operation.operationId() + " " + status).isEqualTo(status);
                    assertThat(reply.header("X-Request-Id")).startsWith("req_");
                }
            }
            assertThat(mock.specViolations()).isEmpty();
        }

        private Set<String> statefulOperations() {
            return Set.of(AppointmentOperations.CREATE, AppointmentOperations.READ, AppointmentOperations.UPDATE,
                    AppointmentOperations.DELETE, AppointmentOperations.SEARCH);
        }
    }

    @Nested
    class AChangedSpec {

        private WireMockServer server;
        private ClinikMockExtensions extensions;

        @AfterEach
        void stop() {
            if (server != null) {
                server.stop();
            }
        }

        private ApiClient mockOf(Consumer<ObjectNode> change) {
            ObjectNode spec = packagedSpec();
            change.accept(spec);
            MockSettings settings = new MockSettings(0, false, 100, true);
            extensions = new ClinikMockExtensions(settings, () -> spec.toString());
            server = new WireMockServer(settings.wireMockConfiguration(extensions));
            server.start();
            return new ApiClient(server.baseUrl(), ClinikMockExtension.newApiKey());
        }

        @Test
        void aFieldAddedToTheSpecIsStoredValidatedAndAnsweredWithNoCodeChange() {
            ApiClient api = mockOf(spec -> {
                ObjectNode room = JSON.createObjectNode().put("type", "string").put("maxLength", 20)
                        .put("description", "The consulting room.");
                for (String schema : List.of("AppointmentCreate", "AppointmentUpdate", "Appointment")) {
                    ((ObjectNode) spec.at("/components/schemas/" + schema + "/properties")).set("room", room);
                }
            });

            Reply created = api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"room\": \"B12\"}");
            Reply tooLong = api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"room\": \"" + "x".repeat(21) + "\"}");
            Reply moved = api.update(created.id(), "{\"room\": \"C3\"}");

            assertThat(created.data().path("room").asText()).isEqualTo("B12");
            assertThat(tooLong.diagnostics()).containsExactly("room: must be at most 20 characters");
            assertThat(moved.data().path("room").asText()).isEqualTo("C3");
            assertThat(extensions.runtime().conformance().drain()).isEmpty();
        }

        @Test
        void anOperationAddedToTheSpecIsServedFromItsExample() {
            ApiClient api = mockOf(spec -> {
                ObjectNode operation = JSON.createObjectNode().put("operationId", "listRooms");
                ObjectNode ok = operation.putObject("responses").putObject("200");
                ok.put("description", "The rooms.");
                ObjectNode json = ok.putObject("content").putObject("application/json");
                json.putObject("schema").put("type", "object");
                json.putObject("example").putArray("rooms").add("B12").add("C3");
                operation.with("responses").putObject("401").put("$ref", "#/components/responses/Unauthorized");
                ((ObjectNode) spec.get("paths")).putObject("/v1/rooms").set("get", operation);
            });

            Reply rooms = api.send(api.request("/v1/rooms").GET());
            Reply withoutKey = api.withKey(null).send(api.withKey(null).request("/v1/rooms").GET());

            assertThat(rooms.status()).isEqualTo(200);
            assertThat(rooms.json().path("rooms").get(1).asText()).isEqualTo("C3");
            assertThat(withoutKey.code()).isEqualTo("UNAUTHORIZED");
        }

        @Test
        void anAnswerTheSpecNoLongerDocumentsIsRecordedAsAViolation() {
            ApiClient api = mockOf(spec -> ((ObjectNode) spec.at("/paths/~1v1~1appointments~1{id}/get/responses")).remove("404"));

            Reply reply = api.read("appt_doesNotExist");

            assertThat(reply.status()).isEqualTo(404);
            List<ResponseViolation> violations = extensions.runtime().conformance().drain();
            assertThat(violations).hasSize(1);
            assertThat(violations.get(0).operationId()).isEqualTo(AppointmentOperations.READ);
            assertThat(violations.get(0).findings()).containsExactly("validation.response.status.unknown");
        }

        private ObjectNode packagedSpec() {
            try {
                return (ObjectNode) new YAMLMapper().readTree(ApiSpec.text());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
