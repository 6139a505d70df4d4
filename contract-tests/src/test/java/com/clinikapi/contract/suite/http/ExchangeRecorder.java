package com.clinikapi.contract.suite.http;

/** Receives every exchange the central client makes, e.g. to record coverage. */
@FunctionalInterface
public interface ExchangeRecorder {

    ExchangeRecorder NONE = exchange -> { };

    void record(Exchange exchange);
}
