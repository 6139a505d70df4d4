package com.clinikapi.contract.suite.differential;

import com.clinikapi.contract.suite.target.KeyRole;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request of a differential sequence, independent of the target: ids, cursors and keys are
 * symbolic and resolved per target when the step runs.
 *
 * @param path        may contain {@code {ref}} (an appointment this sequence created, by {@code ref}
 *                    index modulo how many exist) or {@code {unknown}} (an id never issued)
 * @param query       may contain the value {@code {cursor}}: the cursor of the last search page
 * @param key         which key to send; empty sends none
 * @param contentType null sends none
 */
public record Step(String label, String method, String path, int ref, Map<String, String> query, Optional<KeyRole> key,
                   Optional<String> rawKey, String contentType, String accept, byte[] body) {

    public static final String REF = "{ref}";
    public static final String UNKNOWN = "{unknown}";
    public static final String CURSOR = "{cursor}";

    public Step {
        query = Map.copyOf(query);
    }

    @Override
    public String toString() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return label + ": " + method + " " + path.replace(REF, "{ref#" + ref + "}") + (query.isEmpty() ? "" : " " + query)
                + " key=" + key.map(Enum::name).orElse(rawKey.map(k -> "'" + k + "'").orElse("none"))
                + (contentType == null ? "" : " content-type=" + contentType)
                + (accept == null ? "" : " accept=" + accept)
                + (text.isEmpty() ? "" : " body=" + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
    }

    /** The steps' labels, for statistics. */
    static List<String> labels(List<Step> steps) {
        return steps.stream().map(Step::label).toList();
    }
}
