package com.clinikapi.mock;

import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.appointment.StatusTransitions;
import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The mock follows the lifecycle of {@link StatusTransitions}: every illegal change is refused, every other made. */
class StatusLifecycleTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    private final ApiClient api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());

    static Stream<Arguments> transitions() {
        return Arrays.stream(AppointmentStatus.values()).flatMap(from -> Arrays.stream(AppointmentStatus.values())
                .filter(to -> to != from)
                .map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("transitions")
    void answersEveryStatusChangeAsTheLifecycleSays(AppointmentStatus from, AppointmentStatus to) {
        String id = api.createdId("""
                {"status":"%s","patientId":"pat_1","practitionerId":"%s","start":"2026-12-01T09:00:00Z",
                 "minutesDuration":30%s}""".formatted(from.wire(), Bodies.uniquePractitioner(),
                from == AppointmentStatus.CANCELLED ? ",\"cancelationReason\":\"Clinic closed\"" : ""));

        Reply reply = api.update(id, "{\"status\":\"%s\"%s}".formatted(to.wire(),
                to == AppointmentStatus.CANCELLED ? ",\"cancelationReason\":\"Patient called\"" : ""));

        if (StatusTransitions.isAllowed(from, to)) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        } else {
            assertThat(reply.status()).as(reply.body()).isEqualTo(409);
            assertThat(reply.code()).isEqualTo("INVALID_STATUS_TRANSITION");
            assertThat(reply.diagnostics()).singleElement()
                    .satisfies(d -> assertThat(d).startsWith("status: may not change from " + from.wire()));
            assertThat(api.read(id).data().path("status").asText()).isEqualTo(from.wire());
        }
    }
}
