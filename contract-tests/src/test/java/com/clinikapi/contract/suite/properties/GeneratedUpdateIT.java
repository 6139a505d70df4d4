package com.clinikapi.contract.suite.properties;

import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.suite.appointments.Appointments;
import com.clinikapi.contract.suite.appointments.Fixtures;
import com.clinikapi.contract.suite.generate.AppointmentArbitraries;
import com.clinikapi.contract.suite.generate.ConstraintBreak;
import com.clinikapi.contract.suite.generate.ConstraintBreaks;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.clinikapi.contract.suite.target.KnownDefects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PATCH /v1/appointments/{id}} with patches generated from the spec's {@code AppointmentUpdate}
 * schema: a valid patch merges into the stored appointment (absent fields kept, null cleared), a
 * patch that breaks one constraint is refused naming the field and changes nothing.
 */
class GeneratedUpdateIT {

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);
    private String id;

    private String appointment() {
        if (id == null) {
            id = appointments.create(Fixtures.booked(Fixtures.patientId())).path("id").asText();
        }
        return id;
    }

    @Property(tries = 200)
    void validPatchesMergeIntoTheStoredAppointment(@ForAll("validPatches") ObjectNode patch) {
        JsonNode before = appointments.read(appointment());
        boolean changesNothing = changesNothing(before, patch);
        Statistics.label("patch").collect(changesNothing ? "changes nothing" : "changes something");
        Assume.that(!(changesNothing && KnownDefects.SERVER_NOOP_PATCH_KEEPS_VERSION.excludeInputs()));

        ApiResponse response = api.patch(Appointments.path(appointment())).json(patch).send();

        assertThat(response.status()).as("%s for %s", response, Json.write(patch)).isEqualTo(200);
        JsonNode after = response.data();
        Stored.assertKeeps(patch, after);
        assertThat(after.path("version").asLong()).isEqualTo(before.path("version").asLong() + 1);
        ObjectNode untouched = before.deepCopy();
        ObjectNode afterUntouched = after.deepCopy();
        Set<String> changed = new HashSet<>(List.of("version", "updatedAt"));
        patch.fieldNames().forEachRemaining(changed::add);
        untouched.remove(changed);
        afterUntouched.remove(changed);
        assertThat(afterUntouched).as("fields not in the patch").isEqualTo(untouched);
    }

    @Property(tries = 300)
    void patchesBreakingOneConstraintAreRefusedAndChangeNothing(@ForAll("brokenPatches") Tuple.Tuple2<ConstraintBreak, ObjectNode> broken) {
        ConstraintBreak constraint = broken.get1();
        Statistics.label("constraint").collect(constraint.constraint());
        JsonNode before = appointments.read(appointment());

        ApiResponse response = api.patch(Appointments.path(appointment())).json(broken.get2()).send();

        assertThat(response.status()).as("%s broken: %s", response, constraint).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR.name());
        assertThat(response.issueFields()).as("%s broken: %s", response, constraint).contains(constraint.field());
        assertThat(appointments.read(appointment())).as("unchanged after %s", constraint).isEqualTo(before);
    }

    /** Whether applying the patch leaves the stored appointment as it is. */
    static boolean changesNothing(JsonNode stored, JsonNode patch) {
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            boolean same = field.getValue().isNull() ? !stored.has(field.getKey())
                    : field.getValue().equals(stored.get(field.getKey()));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** Patches of the fields the rules do not judge: any non-empty subset, values valid or null. */
    @Provide
    Arbitrary<ObjectNode> validPatches() {
        return AppointmentArbitraries.validPatches();
    }

    @Provide
    Arbitrary<Tuple.Tuple2<ConstraintBreak, ObjectNode>> brokenPatches() {
        List<ConstraintBreak> breaks = ConstraintBreaks.of(AppointmentArbitraries.updateSchema());
        JsonNode base = Json.object("comment", "Generated by the contract suite");
        return Arbitraries.of(breaks).flatMap(b -> b.value()
                .map(value -> Tuple.of(b, b.applyTo((ObjectNode) base, value, Json.object()))));
    }
}
