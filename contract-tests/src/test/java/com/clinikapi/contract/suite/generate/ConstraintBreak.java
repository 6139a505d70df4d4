package com.clinikapi.contract.suite.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitrary;

import java.util.List;
import java.util.Optional;

/**
 * One way to break exactly one constraint of a request body, derived from the spec's schema.
 *
 * @param field      the field the answer's issue must name, e.g. {@code priority} or {@code requestedPeriod[0].start}
 * @param path       where in the body: property names and array indexes
 * @param constraint which constraint is broken, for reports: {@code required}, {@code maxLength}, …
 * @param value      the offending value; empty removes the field
 */
public record ConstraintBreak(String field, List<Object> path, String constraint, Arbitrary<Optional<JsonNode>> value) {

    /** The body with the break applied (a copy); {@code template} fills a missing parent, e.g. a first window. */
    public ObjectNode applyTo(ObjectNode body, Optional<JsonNode> offending, JsonNode template) {
        ObjectNode copy = body.deepCopy();
        if (path.isEmpty()) {
            return offending.map(v -> (ObjectNode) v.deepCopy()).orElse(copy);
        }
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = child(parent, path.get(i), path.get(i + 1), template);
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            if (offending.isPresent()) {
                object.set((String) last, offending.get());
            } else {
                object.remove((String) last);
            }
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, offending.orElseThrow());
        }
        return copy;
    }

    @Override
    public String toString() {
        return field + " (" + constraint + ")";
    }

    private static JsonNode child(JsonNode parent, Object key, Object nextKey, JsonNode template) {
        if (parent instanceof ObjectNode object) {
            String name = (String) key;
            if (!object.has(name) || object.get(name).isNull()) {
                if (nextKey instanceof Integer) {
                    object.putArray(name).add(template.deepCopy());
                } else {
                    object.putObject(name);
                }
            }
            JsonNode child = object.get(name);
            if (nextKey instanceof Integer index && child instanceof ArrayNode array && array.size() <= index) {
                array.add(template.deepCopy());
            }
            return child;
        }
        return parent.get((Integer) key);
    }
}
