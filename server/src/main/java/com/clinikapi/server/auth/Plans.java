package com.clinikapi.server.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured plans, by name, and the default one (new keys' plan; reported for requests without a usable key). */
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

    /** The plan of this name; a name missing from the configuration is a configuration error. */
    public RatePlan named(String name) {
        return find(name).orElseThrow(() -> new ConfigurationException("No plan named '" + name + "' under clinikapi.plans"));
    }

    public Optional<RatePlan> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public RatePlan defaultPlan() {
        return defaultPlan;
    }

    /** The longest window of any plan: how long an idle in-memory bucket must be kept. */
    public int longestWindowSeconds() {
        return byName.values().stream().mapToInt(RatePlan::windowSeconds).max().orElse(defaultPlan.windowSeconds());
    }
}
