package com.clinikapi.mock.scenario;

import com.clinikapi.contract.error.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreferHeaderTest {

    @Test
    void readsEveryPreferenceInAnyCombination() {
        Scenario scenario = PreferHeader.parse("code=429, delay=1500; fault=reset, retry-after=\"3\", example=booked");

        assertThat(scenario).isEqualTo(new Scenario(429, "booked", 1500, ConnectionFault.RESET, 3));
    }

    @Test
    void noHeaderIsNoScenario() {
        assertThat(PreferHeader.parse(null).isEmpty()).isTrue();
        assertThat(PreferHeader.parse("  ").isEmpty()).isTrue();
    }

    @Test
    void ignoresPreferencesOfOthers() {
        assertThat(PreferHeader.parse("return=minimal, respond-async, wait=10").isEmpty()).isTrue();
    }

    @Test
    void namesAreCaseInsensitive() {
        assertThat(PreferHeader.parse("Code=500").status()).isEqualTo(500);
    }

    @Test
    void refusesBadValuesWithoutQuotingThem() {
        assertThatThrownBy(() -> PreferHeader.parse("code=PHI-value"))
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.issues().get(0).diagnostics()).isEqualTo("Prefer: code must be an HTTP status code"));
        assertThatThrownBy(() -> PreferHeader.parse("delay=60001")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PreferHeader.parse("fault=PHI")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PreferHeader.parse("example=a b")).isInstanceOf(ApiException.class);
    }
}
