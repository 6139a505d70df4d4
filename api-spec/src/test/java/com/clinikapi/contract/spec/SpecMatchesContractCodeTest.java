package com.clinikapi.contract.spec;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.appointment.StatusTransitions;
import com.clinikapi.contract.appointment.SupportedTimes;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.idempotency.IdempotencyKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the spec states in prose and the contract code enforces must be one thing: the lifecycle
 * table, the error vocabulary and the header formats. A change to either side alone fails here.
 */
class SpecMatchesContractCodeTest {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z-]+)` \\| (.+) \\|$");
    private static final Pattern QUOTED = Pattern.compile("`([a-z-]+)`");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static OpenAPI spec;

    @BeforeAll
    static void parse() {
        spec = SpecFiles.parse(SpecFiles.read(SpecFiles.CURRENT));
    }

    @Test
    void theLifecycleTableIsStatusTransitions() {
        String description = spec.getComponents().getSchemas().get("AppointmentStatus").getDescription();
        Map<AppointmentStatus, Set<AppointmentStatus>> table = new EnumMap<>(AppointmentStatus.class);
        for (String line : description.split("\n")) {
            Matcher row = TABLE_ROW.matcher(line.strip());
            if (row.matches()) {
                Set<AppointmentStatus> next = EnumSet.noneOf(AppointmentStatus.class);
                Matcher quoted = QUOTED.matcher(row.group(2));
                while (quoted.find()) {
                    next.add(AppointmentStatus.fromWire(quoted.group(1)).orElseThrow());
                }
                table.put(AppointmentStatus.fromWire(row.group(1)).orElseThrow(), next);
            }
        }

        assertThat(table).hasSize(AppointmentStatus.values().length);
        table.forEach((from, next) -> assertThat(next).as(from.wire()).isEqualTo(StatusTransitions.next(from)));
    }

    @Test
    void theErrorSchemaListsEveryErrorCode() {
        Schema<?> code = (Schema<?>) spec.getComponents().getSchemas().get("Error").getProperties().get("code");
        String description = code.getDescription();

        assertThat(Arrays.stream(ErrorCode.values()).map(c -> "`" + c.name() + "`"))
                .allSatisfy(name -> assertThat(description).contains(name));
    }

    @Test
    void theGoneAnswerIsTheContractsAnswerToARepeatWhoseAppointmentWasDeleted() {
        ApiException expected = IdempotencyKeys.resourceDeleted();
        var gone = spec.getComponents().getResponses().get("Gone");

        assertThat(gone.getContent()).allSatisfy((mediaType, content) -> {
            Map<?, ?> example = JSON.convertValue(content.getExample(), Map.class);
            assertThat(example.get("code")).isEqualTo(expected.code().name());
            assertThat(example.get("error")).isEqualTo(expected.code().summary());
            assertThat((List<?>) example.get("issues")).singleElement()
                    .extracting(issue -> ((Map<?, ?>) issue).get("diagnostics"))
                    .isEqualTo(expected.issues().get(0).diagnostics());
        });
        assertThat(expected.code().httpStatus()).isEqualTo(410);
    }

    @Test
    void onlyTheChangesWhoseOutcomeCarriesAnAppointmentCanMeetItsTombstone() {
        var collection = spec.getPaths().get("/v1/appointments");
        var one = spec.getPaths().get("/v1/appointments/{id}");

        assertThat(collection.getPost().getResponses()).containsKey("410");
        assertThat(one.getPatch().getResponses()).containsKey("410");
        // A repeated DELETE replays its 204: its outcome carries no appointment, so nothing is discarded.
        assertThat(one.getDelete().getResponses()).doesNotContainKey("410");
    }

    @Test
    void theIdempotencyKeyParameterHasTheContractsFormat() {
        Parameter key = spec.getComponents().getParameters().get("IdempotencyKey");

        assertThat(key.getName()).isEqualTo(ApiHeaders.IDEMPOTENCY_KEY);
        assertThat(key.getIn()).isEqualTo("header");
        assertThat(key.getRequired()).isFalse();
        assertThat(key.getSchema().getPattern()).isEqualTo(IdempotencyKeys.PATTERN);
    }

    @Test
    void everyChangingOperationTakesAnIdempotencyKeyAndConditionalOnesIfMatch() {
        var collection = spec.getPaths().get("/v1/appointments");
        var one = spec.getPaths().get("/v1/appointments/{id}");

        assertThat(headerNames(collection.getPost().getParameters())).containsExactly(ApiHeaders.IDEMPOTENCY_KEY);
        assertThat(headerNames(one.getPatch().getParameters()))
                .containsExactlyInAnyOrder(ApiHeaders.IF_MATCH, ApiHeaders.IDEMPOTENCY_KEY);
        assertThat(headerNames(one.getDelete().getParameters()))
                .containsExactlyInAnyOrder(ApiHeaders.IF_MATCH, ApiHeaders.IDEMPOTENCY_KEY);
    }

    @Test
    void everyResponseCarryingOneAppointmentDocumentsItsETag() {
        var collection = spec.getPaths().get("/v1/appointments");
        var one = spec.getPaths().get("/v1/appointments/{id}");

        assertThat(collection.getPost().getResponses().get("201").getHeaders()).containsKey(ApiHeaders.ETAG);
        assertThat(one.getGet().getResponses().get("200").getHeaders()).containsKey(ApiHeaders.ETAG);
        assertThat(one.getPatch().getResponses().get("200").getHeaders()).containsKey(ApiHeaders.ETAG);
    }

    @Test
    void theDescriptionsStateTheSupportedTimes() {
        String conventions = spec.getInfo().getDescription();
        assertThat(conventions).contains("`" + SupportedTimes.FIRST_DAY + "`", "`" + SupportedTimes.LAST_DAY + "`",
                "`" + SupportedTimes.EARLIEST + "`", "`" + SupportedTimes.LATEST + "`", "maximum supported instant");

        for (Parameter parameter : spec.getPaths().get("/v1/appointments").getGet().getParameters()) {
            if ("date".equals(parameter.getSchema().getFormat())) {
                assertThat(parameter.getDescription()).as(parameter.getName())
                        .contains("`" + SupportedTimes.FIRST_DAY + "` to `" + SupportedTimes.LAST_DAY + "`");
            }
        }
        for (String model : new String[]{"AppointmentCreate", "AppointmentUpdate", "Period"}) {
            Map<String, Schema> properties = spec.getComponents().getSchemas().get(model).getProperties();
            properties.forEach((name, property) -> {
                if ("date-time".equals(property.getFormat())) {
                    assertThat(property.getDescription()).as(model + "." + name).contains("RFC 3339");
                }
            });
        }
    }

    private static java.util.List<String> headerNames(java.util.List<Parameter> parameters) {
        return parameters == null ? java.util.List.of()
                : parameters.stream().filter(p -> "header".equals(p.getIn())).map(Parameter::getName).toList();
    }
}
