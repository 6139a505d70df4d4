package com.clinikapi.contract.appointment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Bring the referral letter", "Zoë, 😀 and 中文", "tab\tand\nnewline", "\uD83D\uDE00"})
    void acceptsTextUtf8CanCarry(String text) {
        assertThat(StorableText.check("comment", text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0000", "a\uD800b", "\uD800", "b\uDC00", "\uDE00\uD83D"})
    void refusesNulAndUnpairedSurrogatesNamingTheFieldNotTheValue(String text) {
        assertThat(StorableText.check("comment", text)).hasValueSatisfying(issue -> {
            assertThat(issue.diagnostics()).isEqualTo("comment: " + StorableText.CONSTRAINT);
            assertThat(issue.diagnostics()).doesNotContain(text);
        });
    }
}
