package com.clinikapi.contract.suite.properties;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an accepted body must look like once stored: every field sent comes back with the same value. */
final class Stored {

    private static final java.util.Set<String> DATE_TIMES = java.util.Set.of("start", "end", "created");

    private Stored() {
    }

    /** Every field of {@code sent} is in {@code stored} with the same value (date-times as instants). */
    static void assertKeeps(JsonNode sent, JsonNode stored) {
        for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                assertThat(stored.has(name)).as("%s was cleared", name).isFalse();
            } else if (DATE_TIMES.contains(name)) {
                assertThat(instant(stored.path(name))).as("%s", name).isEqualTo(instant(value));
            } else if (name.equals("requestedPeriod")) {
                assertThat(stored.path(name)).as("%s", name).hasSize(value.size());
                for (int i = 0; i < value.size(); i++) {
                    assertThat(instant(stored.path(name).get(i).path("start"))).isEqualTo(instant(value.get(i).path("start")));
                    assertThat(instant(stored.path(name).get(i).path("end"))).isEqualTo(instant(value.get(i).path("end")));
                }
            } else {
                assertThat(stored.path(name)).as("%s", name).isEqualTo(value);
            }
        }
    }

    /** {@code end} is derived from {@code start + minutesDuration} when not sent. */
    static void assertEndDerived(JsonNode sent, JsonNode stored) {
        if (sent.has("start") && sent.has("minutesDuration") && !sent.has("end")) {
            assertThat(instant(stored.path("end")))
                    .isEqualTo(instant(sent.path("start")).plusMinutes(sent.path("minutesDuration").asLong()).toInstant()
                            .atOffset(java.time.ZoneOffset.UTC));
        }
    }

    private static OffsetDateTime instant(JsonNode value) {
        return OffsetDateTime.parse(value.asText()).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
