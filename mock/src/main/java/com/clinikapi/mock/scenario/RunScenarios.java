package com.clinikapi.mock.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Scenarios set for a whole test run through the admin API rather than per request: for every
 * request, or only one key's, for a number of requests or until cleared. A request's own
 * {@code Prefer} header wins over them; a key's scenarios win over those for every key.
 */
public final class RunScenarios {

    /**
     * @param apiKey the key it applies to, or null for every key
     * @param times  how many more requests it applies to, or null for every request until cleared
     */
    public record Entry(String id, String prefer, String apiKey, Integer times) {
    }

    private final List<Slot> slots = new CopyOnWriteArrayList<>();

    /**
     * @throws com.clinikapi.contract.error.ApiException if {@code prefer} is not a valid scenario
     */
    public Entry add(String prefer, String apiKey, Integer times) {
        return add(prefer, apiKey, times, Set.of());
    }

    /**
     * A scenario for some operations only: a forced {@code SCHEDULING_CONFLICT} belongs to creates and
     * updates, though deletes document the same 409 answer.
     *
     * @param operationIds the operations it applies to; empty for every operation that can honour it
     * @throws com.clinikapi.contract.error.ApiException if {@code prefer} is not a valid scenario
     */
    public Entry add(String prefer, String apiKey, Integer times, Set<String> operationIds) {
        Scenario scenario = PreferHeader.parse(prefer);
        if (scenario.isEmpty()) {
            throw PreferHeader.invalid("must contain at least one of code, example, delay, fault");
        }
        if (times != null && times < 1) {
            throw PreferHeader.invalid("times must be at least 1");
        }
        Slot slot = new Slot(UUID.randomUUID().toString(), prefer, apiKey, scenario,
                new AtomicInteger(times == null ? -1 : times), Set.copyOf(operationIds));
        slots.add(slot);
        return slot.entry();
    }

    /**
     * The scenario for this request, counting one use of it; only scenarios for its operation and
     * {@code applicable} to it count.
     */
    public Optional<Scenario> next(String apiKey, String operationId, Predicate<Scenario> applicable) {
        if (slots.isEmpty()) {
            return Optional.empty();
        }
        List<Slot> candidates = new ArrayList<>(slots);
        candidates.sort(Comparator.comparing((Slot slot) -> slot.apiKey == null));
        for (Slot slot : candidates) {
            if ((slot.apiKey == null || slot.apiKey.equals(apiKey)) && slot.servesOperation(operationId)
                    && applicable.test(slot.scenario) && slot.use()) {
                if (slot.remaining.get() == 0) {
                    slots.remove(slot);
                }
                return Optional.of(slot.scenario);
            }
        }
        return Optional.empty();
    }

    public List<Entry> list() {
        return slots.stream().map(Slot::entry).toList();
    }

    public void clear() {
        slots.clear();
    }

    public void clear(String apiKey) {
        slots.removeIf(slot -> apiKey.equals(slot.apiKey));
    }

    /** Removes one scenario by its {@link Entry#id()}; nothing if it is used up or gone. */
    public void remove(String id) {
        slots.removeIf(slot -> slot.id.equals(id));
    }

    private record Slot(String id, String prefer, String apiKey, Scenario scenario, AtomicInteger remaining,
                        Set<String> operationIds) {

        boolean servesOperation(String operationId) {
            return operationIds.isEmpty() || operationIds.contains(operationId);
        }

        /** Takes one use; false when none is left. Unlimited slots hold -1. */
        boolean use() {
            while (true) {
                int left = remaining.get();
                if (left < 0) {
                    return true;
                }
                if (left == 0) {
                    return false;
                }
                if (remaining.compareAndSet(left, left - 1)) {
                    return true;
                }
            }
        }

        Entry entry() {
            int left = remaining.get();
            return new Entry(id, prefer, apiKey, left < 0 ? null : left);
        }
    }
}
