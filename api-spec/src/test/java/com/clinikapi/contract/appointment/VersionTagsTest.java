package com.clinikapi.contract.appointment;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class VersionTagsTest {

    @Test
    void theEntityTagIsTheQuotedVersion() {
        assertThat(VersionTags.etag(3)).isEqualTo("\"3\"");
    }

    @Test
    void noHeaderSetsNoCondition() {
        assertThat(VersionTags.ifMatch(null).isMetBy(7)).isTrue();
    }

    @Test
    void aStarMatchesAnyVersion() {
        assertThat(VersionTags.ifMatch("*").isMetBy(42)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "W/\"3\"", " \"3\" ", "\"1\", \"3\"", "\"2\",W/\"3\""})
    void aListedVersionMatches(String header) {
        VersionTags.Precondition precondition = VersionTags.ifMatch(header);

        assertThat(precondition.isMetBy(3)).isTrue();
        assertThat(precondition.isMetBy(4)).isFalse();
    }

    @Test
    void anUnmetConditionIsAVersionConflict() {
        ApiException conflict = catchThrowableOfType(ApiException.class, () -> VersionTags.ifMatch("\"2\"").require(3));

        assertThat(conflict.code()).isEqualTo(ErrorCode.VERSION_CONFLICT);
        assertThat(conflict.issues()).singleElement()
                .satisfies(issue -> assertThat(issue.diagnostics()).isEqualTo("version: does not match the current version"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "", "\"3", "W/3", "\"3\" \"4\"", "**", "\"a b\""})
    void aMalformedHeaderIsAnInvalidParameterNamingIt(String header) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> VersionTags.ifMatch(header));

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(refused.issues()).singleElement()
                .satisfies(issue -> assertThat(issue.field()).isEqualTo("If-Match"));
    }
}
