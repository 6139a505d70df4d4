package com.clinikapi.contract.suite.generate;

import com.clinikapi.contract.suite.target.Suite;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Applies the suite's settings to every property: {@code -Dcontract.tries.factor} scales the tries
 * (1 in CI; above 1 the tries are all random, without edge cases), {@code -Dcontract.seed=…}
 * replays a seed printed by an earlier run. Registered globally
 * through {@code META-INF/services}.
 */
public final class ContractPropertyHook implements AroundPropertyHook {

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyAttributes attributes = context.attributes();
        attributes.tries().ifPresent(tries -> attributes.setTries(Suite.tries(tries)));
        if (Suite.triesFactor() > 1) {
            // jqwik builds up to one edge case per try, and those of the flat-mapped schedules and
            // combined bodies multiply: at 5x the forked JVM spent gigabytes building them. The
            // factor-1 run (CI's) mixes them in; more tries are for random exploration.
            attributes.setEdgeCases(EdgeCasesMode.NONE);
        }
        String seed = System.getProperty("contract.seed");
        if (seed != null && !seed.isBlank()) {
            attributes.setSeed(seed.trim());
        }
        return property.execute();
    }
}
