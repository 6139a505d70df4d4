package com.clinikapi.server.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured plans, by name, and the default one (reported for requests without a usable key). */
@Singleton
public class Plans {

    private final Map<String, RatePlan> byName;
    private final RatePlan defaultPlan;

    public Plans(List<PlanProperties> plans, @Value("${clinikapi.default-plan:standard}") String defaultPlanName) {
        this.byName = plans.stream()
                .map(p -> new RatePlan(p.name(), p.requestsPerWindow(), p.windowSeconds()))
                .collect(Collectors.toUnmodifiableMap(RatePlan::name, Function.identity()));
        this.defaultPlan = named(defaultPlanName);
    }

    public RatePlan named(String name) {
        RatePlan plan = byName.get(name);
        if (plan == null) {
            throw new ConfigurationException("No plan named '" + name + "' under clinikapi.plans");
        }
        return plan;
    }

    public RatePlan defaultPlan() {
        return defaultPlan;
    }
}
