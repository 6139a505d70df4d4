package com.clinikapi.contract.search;

import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    private final CursorCodec codec = new CursorCodec("0123456789abcdef-test".getBytes(StandardCharsets.UTF_8));
    private final SearchFilter filter = new SearchFilter("pat_1", null, AppointmentStatus.BOOKED, null, null);

    @Test
    void decodesWhatItEncoded() {
        SearchCursor cursor = new SearchCursor(SearchSort.START_DESC, filter.fingerprint(), 1234L, "appt_abc");

        assertThat(codec.decode(codec.encode(cursor), SearchSort.START_DESC, filter)).isEqualTo(cursor);
    }

    @Test
    void refusesACursorSignedWithAnotherSecret() {
        CursorCodec other = new CursorCodec("another-secret-0123456789".getBytes(StandardCharsets.UTF_8));
        String token = other.encode(new SearchCursor(SearchSort.START_ASC, filter.fingerprint(), 1L, "appt_a"));

        assertRejected(token, SearchSort.START_ASC, filter);
    }

    @Test
    void refusesACursorForAnotherOrder() {
        String token = codec.encode(new SearchCursor(SearchSort.START_ASC, filter.fingerprint(), 1L, "appt_a"));

        assertRejected(token, SearchSort.CREATED_ASC, filter);
    }

    @Test
    void refusesACursorForOtherFilters() {
        String token = codec.encode(new SearchCursor(SearchSort.START_ASC, filter.fingerprint(), 1L, "appt_a"));

        assertRejected(token, SearchSort.START_ASC, new SearchFilter("pat_2", null, null, null, null));
    }

    @Test
    void refusesGarbage() {
        assertRejected("not-a-cursor", SearchSort.START_ASC, filter);
        assertRejected("%%%.###", SearchSort.START_ASC, filter);
        assertRejected(".", SearchSort.START_ASC, filter);
    }

    private void assertRejected(String token, SearchSort sort, SearchFilter f) {
        assertThatThrownBy(() -> codec.decode(token, sort, f))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.issues().get(0).diagnostics()).startsWith("cursor: ").doesNotContain(token);
                });
    }
}
