package com.clinikapi.contract.suite.differential;

import com.clinikapi.contract.suite.target.ContractTarget;
import com.clinikapi.contract.suite.target.Targets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;

/**
 * The differential check: the same request sequence against the mock and the service (H2) gives the
 * same statuses, media types, contract headers and body shapes, server-chosen values aside. A mock
 * that drifts from the service (or the reverse) fails the build with the first step that differs.
 */
class MockMatchesServiceIT {

    @Property(tries = 150)
    void theMockAnswersEverySequenceAsTheServiceDoes(@ForAll("sequences") List<Step> steps) {
        Statistics.label("steps").collect(steps.size());
        steps.forEach(s -> Statistics.label("step").collect(s.label().replaceAll(" breaking .*| \\{.*", "")));
        List<ContractTarget> pair = Targets.differentialPair();
        Differential.compare(steps, pair.get(0), pair.get(1));
    }

    /** A partner's day, step by step: every operation, the documented errors, paging. */
    @Example
    void aPartnersDayAnswersAlikeOnBoth() {
        List<ContractTarget> pair = Targets.differentialPair();
        Differential.compare(Differential.partnersDay(), pair.get(0), pair.get(1));
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        return DifferentialSteps.sequences();
    }
}
