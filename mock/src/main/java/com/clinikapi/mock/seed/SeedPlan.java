package com.clinikapi.mock.seed;

import java.util.List;

/**
 * The requests that seed a sandbox, in order, and what the sandbox holds once they are made.
 *
 * @param steps   creates, and updates of appointments earlier creates made
 * @param summary what the steps make
 */
record SeedPlan(List<SeedStep> steps, SeedSummary summary) {

    SeedPlan {
        steps = List.copyOf(steps);
    }
}
