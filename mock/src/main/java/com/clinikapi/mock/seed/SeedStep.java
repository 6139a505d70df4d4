package com.clinikapi.mock.seed;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One request of a seed, made to the appointment operations as a partner would make it. */
sealed interface SeedStep {

    /** {@code POST /v1/appointments} with this body. */
    record Create(ObjectNode body) implements SeedStep {
    }

    /**
     * {@code PATCH /v1/appointments/{id}} with this body, for the appointment an earlier step made.
     *
     * @param create the index, among the plan's steps, of the {@link Create} that made it
     */
    record Update(int create, ObjectNode patch) implements SeedStep {
    }
}
