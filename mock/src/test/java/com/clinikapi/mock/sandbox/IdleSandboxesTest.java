package com.clinikapi.mock.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdleSandboxesTest {

    private Instant now = Instant.parse("2026-12-01T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final List<String> forgotten = new ArrayList<>();
    private final IdleSandboxes sandboxes = new IdleSandboxes(Duration.ofMinutes(30), clock, forgotten::add);

    @Test
    void forgetsOnlySandboxesIdleForLongerThanTheIdleTime() {
        sandboxes.used("clk_test_idle_key");
        now = now.plus(Duration.ofMinutes(20));
        sandboxes.used("clk_test_busy_key");
        now = now.plus(Duration.ofMinutes(11));

        assertThat(sandboxes.evictIdle()).isEqualTo(1);

        assertThat(forgotten).containsExactly("clk_test_idle_key");
        assertThat(sandboxes.count()).isEqualTo(1);
    }

    @Test
    void aSandboxUsedAgainStartsItsIdleTimeAfresh() {
        sandboxes.used("clk_test_key_one");
        now = now.plus(Duration.ofMinutes(29));
        sandboxes.used("clk_test_key_one");
        now = now.plus(Duration.ofMinutes(29));

        assertThat(sandboxes.evictIdle()).isZero();
        assertThat(forgotten).isEmpty();
    }
}
