package com.clinikapi.contract.suite.properties;

import com.clinikapi.contract.appointment.AppointmentRules;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.contract.suite.appointments.Appointments;
import com.clinikapi.contract.suite.generate.AppointmentArbitraries;
import com.clinikapi.contract.suite.generate.ConstraintBreak;
import com.clinikapi.contract.suite.generate.ConstraintBreaks;
import com.clinikapi.contract.suite.generate.GeneratedSchedule;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /v1/appointments} with bodies generated from the spec's {@code AppointmentCreate}
 * schema: valid ones are stored as sent, and each body that breaks exactly one schema constraint or
 * business rule is refused with an issue naming the field.
 */
class GeneratedCreateIT {

    private final ContractClient api = Targets.client();

    @Property(tries = 300)
    void validBodiesAreStoredAsSent(@ForAll("validBodies") ObjectNode body) {
        ApiResponse response = api.post(Appointments.COLLECTION).json(body).send();

        assertThat(response.status()).as("%s for %s", response, Json.write(body)).isEqualTo(201);
        Stored.assertKeeps(body, response.data());
        Stored.assertEndDerived(body, response.data());
        assertThat(response.data().path("version").asLong()).isEqualTo(1);
    }

    @Property(tries = 300)
    void schedulesAreJudgedAsTheSharedRulesJudgeThem(@ForAll("bodiesWithAnySchedule") Tuple.Tuple2<ObjectNode, GeneratedSchedule> generated) {
        ObjectNode body = generated.get1();
        List<String> expected = expectedIssues(generated.get2());
        Statistics.label("outcome").collect(expected.isEmpty() ? "valid" : "refused");

        ApiResponse response = api.post(Appointments.COLLECTION).json(body).send();

        if (expected.isEmpty()) {
            assertThat(response.status()).as("%s for %s", response, Json.write(body)).isEqualTo(201);
            Stored.assertKeeps(body, response.data());
        } else {
            assertThat(response.status()).as("%s for %s", response, Json.write(body)).isEqualTo(422);
            assertThat(response.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR.name());
            assertThat(new TreeSet<>(response.diagnostics())).as("%s for %s", response, Json.write(body))
                    .isEqualTo(new TreeSet<>(expected));
        }
    }

    @Property(tries = 600)
    void bodiesBreakingOneConstraintAreRefusedNamingTheField(@ForAll("brokenBodies") Tuple.Tuple2<ConstraintBreak, ObjectNode> broken) {
        ConstraintBreak constraint = broken.get1();
        ObjectNode body = broken.get2();
        Statistics.label("constraint").collect(constraint.constraint());

        ApiResponse response = api.post(Appointments.COLLECTION).json(body).send();

        assertThat(response.status()).as("%s broken: %s", response, constraint).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR.name());
        assertThat(response.issueFields()).as("%s broken: %s", response, constraint).contains(constraint.field());
    }

    @Provide
    Arbitrary<ObjectNode> validBodies() {
        return AppointmentArbitraries.validCreateBodies();
    }

    @Provide
    Arbitrary<Tuple.Tuple2<ObjectNode, GeneratedSchedule>> bodiesWithAnySchedule() {
        return AppointmentArbitraries.createBodiesWithAnySchedule();
    }

    @Provide
    Arbitrary<Tuple.Tuple2<ConstraintBreak, ObjectNode>> brokenBodies() {
        List<ConstraintBreak> breaks = ConstraintBreaks.of(AppointmentArbitraries.createSchema());
        JsonNode window = Json.object("start", "2031-03-11T08:00:00Z", "end", "2031-03-11T09:00:00Z");
        return Arbitraries.of(breaks).flatMap(b -> Combinators.combine(validBodies(), b.value())
                .as((body, value) -> Tuple.of(b, b.applyTo(body, value, window))));
    }

    /** The diagnostics the shared rules give for this schedule; empty when it is valid. */
    static List<String> expectedIssues(GeneratedSchedule schedule) {
        try {
            AppointmentRules.checkNew(schedule.toRules());
            return List.of();
        } catch (ApiException e) {
            return e.issues().stream().map(ValidationIssue::diagnostics).toList();
        }
    }
}
