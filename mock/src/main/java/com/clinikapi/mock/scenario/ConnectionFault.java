package com.clinikapi.mock.scenario;

import java.util.Arrays;
import java.util.Optional;

/** Network failures a scenario can inject instead of an answer. */
public enum ConnectionFault {
    /** The connection is reset (TCP RST): the client sees "connection reset by peer". */
    RESET("reset"),
    /** The connection is closed without any response. */
    EMPTY("empty"),
    /** Random bytes, then the connection is closed. */
    GARBAGE("garbage");

    private final String wire;

    ConnectionFault(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ConnectionFault> fromWire(String value) {
        return Arrays.stream(values()).filter(f -> f.wire.equalsIgnoreCase(value)).findFirst();
    }
}
