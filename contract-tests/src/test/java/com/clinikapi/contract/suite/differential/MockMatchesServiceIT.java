package com.clinikapi.contract.suite.differential;

import com.clinikapi.contract.suite.appointments.Fixtures;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.ContractTarget;
import com.clinikapi.contract.suite.target.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/**
 * The differential check: the same request sequence against the mock and the service (H2) gives the
 * same statuses, media types, contract headers and body shapes, server-chosen values aside. A mock
 * that drifts from the service (or the reverse) fails the build with the first step that differs.
 */
class MockMatchesServiceIT {

    @Property(tries = 150)
    void theMockAnswersEverySequenceAsTheServiceDoes(@ForAll("sequences") List<Step> steps) {
        Statistics.label("steps").collect(steps.size());
        steps.forEach(s -> Statistics.label("step").collect(s.label().replaceAll(" breaking .*| \\d+$", "")));
        compare(steps);
    }

    /** A partner's day, step by step: every operation, the documented errors, paging. */
    @Example
    void aPartnersDayAnswersAlikeOnBoth() {
        List<Step> day = new ArrayList<>(DifferentialSteps.partnersDay());
        day.addAll(List.of(mediaMistakes()));
        compare(day);
    }

    private static Step[] mediaMistakes() {
        return DifferentialSteps.mediaTypeMistakesInOrder().toArray(Step[]::new);
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        return DifferentialSteps.sequences();
    }

    private static void compare(List<Step> steps) {
        List<ContractTarget> pair = Targets.differentialPair();
        String patient = Fixtures.patientId();
        String unknown = Fixtures.unknownAppointmentId();
        SequenceRun mock = new SequenceRun(pair.get(0), patient, unknown);
        SequenceRun service = new SequenceRun(pair.get(1), patient, unknown);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            JsonNode fromMock = mock.run(step);
            JsonNode fromService = service.run(step);
            if (!fromMock.equals(fromService)) {
                fail("step %d of %d differs between %s and %s:%n  %s%n  request: %s%n%s:%n%s%n%s:%n%s", i + 1, steps.size(),
                        pair.get(0).name(), pair.get(1).name(),
                        String.join("\n  ", JsonDiff.differences(fromMock, fromService, pair.get(0).name(), pair.get(1).name())),
                        step, pair.get(0).name(), pretty(fromMock), pair.get(1).name(), pretty(fromService));
            }
        }
    }

    private static String pretty(JsonNode node) {
        try {
            return Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (Exception e) {
            return node.toString();
        }
    }
}
