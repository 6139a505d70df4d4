package com.clinikapi.server.appointment;

import io.micronaut.serde.annotation.Serdeable;

/** One {@code requestedPeriod} window inside the row's JSON text, as ISO-8601 UTC instants. */
@Serdeable
record StoredWindow(String start, String end) {
}
