package com.clinikapi.contract.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec gate's lint: the rules that make the contract usable by a partner who only reads it.
 * Each test lists every offender at once, by location.
 */
class SpecLintTest {

    /** Errors every authenticated operation can meet. */
    private static final Set<String> ERRORS_OF_EVERY_OPERATION = Set.of("400", "401", "403", "429", "500");
    private static final Set<String> ERRORS_OF_AN_ID = Set.of("404");
    private static final Set<String> ERRORS_OF_A_BODY = Set.of("413", "415", "422");

    private static OpenAPI spec;

    @BeforeAll
    static void parse() {
        spec = SpecFiles.parse(SpecFiles.read(SpecFiles.CURRENT));
    }

    @Test
    void everyOperationHasAnIdSummaryDescriptionAndTag() {
        List<String> offenders = new ArrayList<>();
        forEachOperation((where, op) -> {
            if (blank(op.getOperationId())) offenders.add(where + ": operationId");
            if (blank(op.getSummary())) offenders.add(where + ": summary");
            if (blank(op.getDescription())) offenders.add(where + ": description");
            if (op.getTags() == null || op.getTags().isEmpty()) offenders.add(where + ": tags");
        });

        assertThat(offenders).as("operations missing documentation").isEmpty();
    }

    @Test
    void everyRequestAndResponseBodyHasAnExample() {
        List<String> offenders = new ArrayList<>();
        forEachOperation((where, op) -> {
            if (op.getRequestBody() != null) {
                collectMissingExamples(where + " request", op.getRequestBody().getContent(), offenders);
            }
            op.getResponses().forEach((status, response) ->
                    collectMissingExamples(where + " " + status, response.getContent(), offenders));
        });

        assertThat(offenders).as("bodies without an example").isEmpty();
    }

    @Test
    void everyApiOperationDocumentsTheErrorsItCanGive() {
        List<String> offenders = new ArrayList<>();
        forEachOperation((where, op) -> {
            if (!where.contains("/v1/")) {
                return;
            }
            Set<String> expected = new TreeSet<>(ERRORS_OF_EVERY_OPERATION);
            if (where.contains("{id}")) expected.addAll(ERRORS_OF_AN_ID);
            if (op.getRequestBody() != null) expected.addAll(ERRORS_OF_A_BODY);
            expected.removeAll(op.getResponses().keySet());
            if (!expected.isEmpty()) offenders.add(where + " lacks " + expected);
        });

        assertThat(offenders).as("operations missing error responses").isEmpty();
    }

    @Test
    void everyParameterHasADescription() {
        List<String> offenders = new ArrayList<>();
        spec.getPaths().forEach((path, item) -> {
            List<Parameter> parameters = new ArrayList<>();
            if (item.getParameters() != null) parameters.addAll(item.getParameters());
            item.readOperationsMap().values().forEach(op -> {
                if (op.getParameters() != null) parameters.addAll(op.getParameters());
            });
            parameters.stream().filter(p -> blank(p.getDescription()))
                    .forEach(p -> offenders.add(path + " parameter " + p.getName()));
        });

        assertThat(offenders).as("parameters without a description").isEmpty();
    }

    @Test
    void everySchemaAndPropertyHasADescription() {
        List<String> offenders = new ArrayList<>();
        spec.getComponents().getSchemas().forEach((name, schema) -> collectUndescribed(name, schema, offenders));

        assertThat(offenders).as("schemas or properties without a description").isEmpty();
    }

    private static void collectUndescribed(String where, Schema<?> schema, List<String> offenders) {
        if (schema.get$ref() == null && blank(schema.getDescription())) {
            offenders.add(where);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((prop, propSchema) -> collectUndescribed(where + "." + prop, propSchema, offenders));
        }
        if (schema.getItems() != null && schema.getItems().getProperties() != null) {
            schema.getItems().getProperties().forEach((prop, propSchema) ->
                    collectUndescribed(where + "[]." + prop, propSchema, offenders));
        }
    }

    private static void collectMissingExamples(String where, Content content, List<String> offenders) {
        if (content == null) {
            return;
        }
        for (Map.Entry<String, MediaType> entry : content.entrySet()) {
            MediaType media = entry.getValue();
            boolean hasExample = media.getExample() != null
                    || (media.getExamples() != null && !media.getExamples().isEmpty());
            if (!hasExample) {
                offenders.add(where + " " + entry.getKey());
            }
        }
    }

    private static void forEachOperation(OperationVisitor visitor) {
        spec.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : item.readOperationsMap().entrySet()) {
                visitor.visit(op.getKey() + " " + path, op.getValue());
            }
        });
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @FunctionalInterface
    private interface OperationVisitor {
        void visit(String where, Operation operation);
    }
}
