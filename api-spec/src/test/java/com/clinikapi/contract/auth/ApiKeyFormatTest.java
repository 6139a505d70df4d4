package com.clinikapi.contract.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyFormatTest {

    @Test
    void readsTheModeFromTheKeyPrefix() {
        assertThat(ApiKeyFormat.modeOf("clk_test_localdevkey")).contains(Mode.TEST);
        assertThat(ApiKeyFormat.modeOf("clk_live_0123456789abcdef")).contains(Mode.LIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sk_test_12345678", "clk_prod_12345678", "clk_test_", "clk_test_short", "clk_test_has space1"})
    void refusesMalformedKeys(String key) {
        assertThat(ApiKeyFormat.modeOf(key)).isEmpty();
    }

    @Test
    void displaysOnlyTheModeAndFourCharacters() {
        assertThat(ApiKeyFormat.displayPrefix("clk_test_localdevkey")).isEqualTo("clk_test_loca…");
    }

    @Test
    void prefixIsTheDisplayPrefixWithoutTheEllipsis() {
        assertThat(ApiKeyFormat.prefix("clk_live_abcdefghij")).isEqualTo("clk_live_abcd");
    }
}
