package com.clinikapi.contract.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec gate's breaking-change check: the spec may only change compatibly against the last
 * released baseline, unless its major version is bumped. The change log is printed on every build.
 */
class SpecCompatibilityTest {

    @Test
    void specChangesCompatiblyAgainstTheReleasedBaselineOrBumpsTheMajorVersion() {
        String baseline = SpecFiles.read(SpecFiles.BASELINE);
        String current = SpecFiles.read(SpecFiles.CURRENT);

        ChangedOpenApi diff = OpenApiCompare.fromContents(baseline, current);
        System.out.println("Spec change log against baseline/openapi.yaml:\n" + changeLog(diff));

        boolean majorBumped = SpecFiles.majorVersion(diff.getNewSpecOpenApi())
                > SpecFiles.majorVersion(diff.getOldSpecOpenApi());
        assertThat(diff.isIncompatible() && !majorBumped)
                .as("api-spec/openapi.yaml breaks clients of the released baseline; bump info.version's major "
                        + "or make the change compatible. Change log:%n%s", changeLog(diff))
                .isFalse();
    }

    /** The gate must be able to fail: each of these mutations breaks existing clients. */
    @Nested
    class CatchesBreakingChanges {

        private final String current = SpecFiles.read(SpecFiles.CURRENT);

        @Test
        void aRemovedOperation() {
            OpenAPI mutated = SpecFiles.parse(current);
            mutated.getPaths().get("/v1/appointments/{id}").setDelete(null);

            assertThat(compare(mutated).isIncompatible()).isTrue();
        }

        @Test
        void aNewRequiredRequestField() {
            OpenAPI mutated = SpecFiles.parse(current);
            Schema<?> create = mutated.getComponents().getSchemas().get("AppointmentCreate");
            List<String> required = new ArrayList<>(create.getRequired());
            required.add("practitionerId");
            create.setRequired(required);

            assertThat(compare(mutated).isIncompatible()).isTrue();
        }

        @Test
        void aTighterLimit() {
            OpenAPI mutated = SpecFiles.parse(current);
            Schema<?> create = mutated.getComponents().getSchemas().get("AppointmentCreate");
            create.getProperties().get("comment").setMaxLength(100);

            assertThat(compare(mutated).isIncompatible()).isTrue();
        }

        @Test
        void aRemovedResponseField() {
            OpenAPI mutated = SpecFiles.parse(current);
            mutated.getComponents().getSchemas().get("Appointment").getProperties().remove("updatedAt");

            assertThat(compare(mutated).isIncompatible()).isTrue();
        }

        @Test
        void butNotANewOptionalRequestField() {
            OpenAPI mutated = SpecFiles.parse(current);
            Schema<?> note = new Schema<>().type("string").description("A new optional field.");
            mutated.getComponents().getSchemas().get("AppointmentCreate").addProperty("note", note);

            assertThat(compare(mutated).isIncompatible()).isFalse();
        }

        private ChangedOpenApi compare(OpenAPI mutated) {
            return OpenApiCompare.fromSpecifications(SpecFiles.parse(current), mutated);
        }
    }

    private static String changeLog(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String text = out.toString(StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "(no changes)" : text;
    }
}
