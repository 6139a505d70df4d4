package com.clinikapi.mock.sandbox;

import java.time.Duration;

/**
 * What one sandbox (the state of one API key on the mock) may hold, so that a mock that many
 * partners or CI runs share, each with fresh keys, stays within bounded memory.
 *
 * @param idleTime        a sandbox nobody used for this long is forgotten: its appointments,
 *                        idempotency results, scenarios and rate-limit window
 * @param maxAppointments more creates in one sandbox are answered {@code 409 SANDBOX_FULL}
 */
public record SandboxLimits(Duration idleTime, int maxAppointments) {

    public static final Duration DEFAULT_IDLE_TIME = Duration.ofMinutes(30);
    public static final int DEFAULT_MAX_APPOINTMENTS = 10_000;
    public static final SandboxLimits DEFAULTS = new SandboxLimits(DEFAULT_IDLE_TIME, DEFAULT_MAX_APPOINTMENTS);

    public SandboxLimits {
        if (idleTime == null || idleTime.isNegative() || idleTime.isZero()) {
            throw new IllegalArgumentException("the sandbox idle time must be positive");
        }
        if (maxAppointments < 1) {
            throw new IllegalArgumentException("a sandbox must hold at least one appointment");
        }
    }
}
