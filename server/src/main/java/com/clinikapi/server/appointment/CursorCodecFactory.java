package com.clinikapi.server.appointment;

import com.clinikapi.contract.search.CursorCodec;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The search cursor signer, keyed by {@code clinikapi.cursor.secret} (env {@code CLINIKAPI_CURSOR_SECRET}).
 * Every instance of one deployment needs the same secret, so page two can be served by any of them.
 * Cursors expire {@link CursorCodec#LIFETIME} after they were issued, by the {@link Clock} bean: the
 * system's UTC clock unless another {@code Clock} bean is defined.
 */
@Factory
class CursorCodecFactory {

    @Singleton
    CursorCodec cursorCodec(@Value("${clinikapi.cursor.secret}") String secret, Clock clock) {
        return new CursorCodec(secret.getBytes(StandardCharsets.UTF_8), clock);
    }

    @Singleton
    @Secondary
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
