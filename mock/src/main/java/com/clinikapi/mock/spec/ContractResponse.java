package com.clinikapi.mock.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One response an operation documents: its status, the media types it may be sent as (in the
 * spec's order, the first being the default) and its examples per media type.
 *
 * @param examples media type → example name → example body; an unnamed {@code example} is named
 *                 {@value #UNNAMED_EXAMPLE}
 */
public record ContractResponse(
        int status,
        List<String> mediaTypes,
        Schema<?> schema,
        Map<String, Map<String, JsonNode>> examples) {

    public static final String UNNAMED_EXAMPLE = "default";

    public ContractResponse {
        mediaTypes = List.copyOf(mediaTypes);
        examples = Map.copyOf(examples);
    }

    /** The first example of the default media type, if the spec gives one. */
    public Optional<JsonNode> firstExample() {
        return mediaTypes.stream()
                .map(examples::get)
                .filter(named -> named != null && !named.isEmpty())
                .map(named -> named.values().iterator().next())
                .findFirst();
    }

    /** The example of this name, looked up in every media type. */
    public Optional<JsonNode> namedExample(String name) {
        return mediaTypes.stream()
                .map(examples::get)
                .filter(named -> named != null && named.containsKey(name))
                .map(named -> named.get(name))
                .findFirst();
    }
}
