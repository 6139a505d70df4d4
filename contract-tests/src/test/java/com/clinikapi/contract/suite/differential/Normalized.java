package com.clinikapi.contract.suite.differential;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A response reduced to what must be equal between mock and service: status, media type, which
 * contract headers are present, and the body with server-chosen values replaced by placeholders
 * (ids by their order of appearance, request ids, timestamps, cursors, rate-limit numbers) and
 * date-times compared as instants. Issues are sorted, since their order carries no meaning.
 */
final class Normalized {

    private static final Set<String> TIMESTAMPS = Set.of("created", "updatedAt", "timestamp");
    private static final Set<String> INSTANTS = Set.of("start", "end");
    private static final Set<String> COUNTERS = Set.of("rateLimitTotal", "rateLimitRemaining", "rateLimitReset");
    private static final List<String> CONTRACT_HEADERS = List.of(ApiHeaders.REQUEST_ID, ApiHeaders.TIMESTAMP,
            ApiHeaders.RATE_LIMIT_LIMIT, ApiHeaders.RATE_LIMIT_REMAINING, ApiHeaders.RATE_LIMIT_RESET,
            ApiHeaders.RETRY_AFTER, "Location");

    private Normalized() {
    }

    /**
     * @param ids this target's appointment ids in order of first appearance in the sequence; extended here
     */
    static JsonNode of(ApiResponse response, List<String> ids) {
        // A HEAD has no body, but the type its GET's body would have
        boolean typed = response.hasBody() || "HEAD".equals(response.method());
        ObjectNode node = Json.object("status", response.status(), "mediaType", typed ? response.mediaType() : "");
        ArrayNode headers = node.putArray("headers");
        CONTRACT_HEADERS.stream().filter(h -> response.header(h).isPresent()).forEach(headers::add);
        node.set("body", response.hasBody() ? body(response.json(), ids, "") : Json.object());
        return node;
    }

    /**
     * Orders the items of a normalised search page that tie on the sort key by their normalised text:
     * the spec breaks ties by id, and ids differ between the targets.
     */
    static void orderTies(JsonNode normalized, String sort) {
        JsonNode items = normalized.path("body").path("data").path("data");
        if (!items.isArray()) {
            return;
        }
        String field = sort.startsWith("-") ? sort.substring(1) : sort;
        Comparator<JsonNode> byKey = Comparator.comparing(item -> item.has(field) ? item.get(field).asText() : "\uffff");
        if (sort.startsWith("-")) {
            byKey = byKey.reversed();
        }
        List<JsonNode> sorted = new ArrayList<>();
        items.forEach(sorted::add);
        sorted.sort(byKey.thenComparing(JsonNode::toString));
        ((ArrayNode) items).removeAll();
        sorted.forEach(((ArrayNode) items)::add);
    }

    private static JsonNode body(JsonNode value, List<String> ids, String name) {
        if (value.isObject()) {
            ObjectNode copy = Json.object();
            for (Map.Entry<String, JsonNode> field : iterable(value)) {
                copy.set(field.getKey(), body(field.getValue(), ids, field.getKey()));
            }
            return copy;
        }
        if (value.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            value.forEach(item -> items.add(body(item, ids, name)));
            if (name.equals("issues")) {
                items.sort(Comparator.comparing(JsonNode::toString));
            }
            ArrayNode array = Json.array();
            items.forEach(array::add);
            return array;
        }
        if (value.isNull()) {
            return value;
        }
        return switch (name) {
            case "id" -> TextNode.valueOf("<appointment " + alias(value.asText(), ids) + ">");
            case "requestId" -> TextNode.valueOf("<requestId>");
            case "cursor" -> TextNode.valueOf("<cursor>");
            default -> TIMESTAMPS.contains(name) ? TextNode.valueOf("<timestamp>")
                    : COUNTERS.contains(name) ? TextNode.valueOf("<number>")
                    : INSTANTS.contains(name) ? instant(value)
                    : value;
        };
    }

    private static int alias(String id, List<String> ids) {
        int index = ids.indexOf(id);
        if (index < 0) {
            ids.add(id);
            index = ids.size() - 1;
        }
        return index;
    }

    private static JsonNode instant(JsonNode value) {
        try {
            return TextNode.valueOf(OffsetDateTime.parse(value.asText()).withOffsetSameInstant(ZoneOffset.UTC).toString());
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        TreeSet<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        names.forEach(n -> entries.add(Map.entry(n, object.get(n))));
        return entries;
    }
}
