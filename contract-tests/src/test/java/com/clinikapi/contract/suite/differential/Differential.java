package com.clinikapi.contract.suite.differential;

import com.clinikapi.contract.suite.appointments.Fixtures;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.ContractTarget;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/** Runs one step sequence against two targets side by side and fails at the first step whose answers differ. */
public final class Differential {

    private Differential() {
    }

    public static void compare(List<Step> steps, ContractTarget left, ContractTarget right) {
        String patient = Fixtures.patientId();
        String unknown = Fixtures.unknownAppointmentId();
        SequenceRun leftRun = new SequenceRun(left, patient, unknown);
        SequenceRun rightRun = new SequenceRun(right, patient, unknown);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            JsonNode fromLeft = leftRun.run(step);
            JsonNode fromRight = rightRun.run(step);
            if (!fromLeft.equals(fromRight)) {
                fail("step %d of %d differs between %s and %s:%n  %s%n  request: %s%n%s:%n%s%n%s:%n%s", i + 1, steps.size(),
                        left.name(), right.name(),
                        String.join("\n  ", JsonDiff.differences(fromLeft, fromRight, left.name(), right.name())),
                        step, left.name(), pretty(fromLeft), right.name(), pretty(fromRight));
            }
        }
    }

    /** The fixed sequence of a partner's day: every operation and the documented errors. */
    public static List<Step> partnersDay() {
        List<Step> day = new java.util.ArrayList<>(DifferentialSteps.partnersDay());
        day.addAll(DifferentialSteps.mediaTypeMistakesInOrder());
        return day;
    }

    private static String pretty(JsonNode node) {
        try {
            return Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (Exception e) {
            return node.toString();
        }
    }
}
