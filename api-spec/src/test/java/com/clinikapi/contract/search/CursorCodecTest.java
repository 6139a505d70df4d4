package com.clinikapi.contract.search;

import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.auth.Mode;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    private static final byte[] SECRET = "0123456789abcdef-test".getBytes(StandardCharsets.UTF_8);
    private static final Instant ISSUED = Instant.parse("2026-03-01T08:00:00Z");
    private static final String NOT_ISSUED = "cursor: was not issued by this server for this search";

    private final CursorCodec codec = codecAt(ISSUED);
    private final SearchFilter filter = new SearchFilter("pat_1", null, AppointmentStatus.BOOKED, null, null);
    private final SearchContext context = new SearchContext("tenant_a", Mode.TEST, filter, SearchSort.START_DESC);
    private final SearchCursor cursor = new SearchCursor(1234L, "appt_abc");

    private static CursorCodec codecAt(Instant now) {
        return new CursorCodec(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Nested
    class RoundTrip {

        @Test
        void decodesWhatItEncodedForTheSameSearch() {
            // given
            String token = codec.encode(cursor, context);

            // when
            SearchCursor decoded = codec.decode(token, context);

            // then
            assertThat(decoded).isEqualTo(cursor);
        }

        @Test
        void decodesOnAnotherInstanceWithTheSameSecret() {
            String token = codec.encode(cursor, context);

            assertThat(codecAt(ISSUED.plusSeconds(5)).decode(token, context)).isEqualTo(cursor);
        }

        @Test
        void carriesOnlyVersionIssueTimeAndPositionNeverAFilterValue() {
            // given
            String token = codec.encode(cursor, context);

            // when
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                    StandardCharsets.UTF_8);

            // then
            assertThat(payload).isEqualTo("c2|" + ISSUED.getEpochSecond() + "|1234|appt_abc");
            assertThat(token).doesNotContain("pat_1").doesNotContain("tenant_a");
        }
    }

    @Nested
    class Binding {

        private final String token = codec.encode(cursor, context);

        @Test
        void refusesACursorPresentedByAnotherTenant() {
            assertRefused(token, new SearchContext("tenant_b", Mode.TEST, filter, SearchSort.START_DESC), NOT_ISSUED);
        }

        @Test
        void refusesACursorPresentedInTheOtherMode() {
            assertRefused(token, new SearchContext("tenant_a", Mode.LIVE, filter, SearchSort.START_DESC), NOT_ISSUED);
        }

        @Test
        void refusesACursorForOtherFilters() {
            SearchFilter otherPatient = new SearchFilter("pat_2", null, AppointmentStatus.BOOKED, null, null);
            SearchFilter noStatus = new SearchFilter("pat_1", null, null, null, null);
            SearchFilter dated = new SearchFilter("pat_1", null, AppointmentStatus.BOOKED, LocalDate.of(2026, 3, 1), null);

            for (SearchFilter other : new SearchFilter[]{otherPatient, noStatus, dated}) {
                assertRefused(token, new SearchContext("tenant_a", Mode.TEST, other, SearchSort.START_DESC), NOT_ISSUED);
            }
        }

        @Test
        void refusesACursorForAnotherOrder() {
            assertRefused(token, new SearchContext("tenant_a", Mode.TEST, filter, SearchSort.START_ASC), NOT_ISSUED);
        }

        @Test
        void tellsAValueInOneFilterFromTheSameValueInAnother() {
            // given: the same text moved from patientId to practitionerId
            SearchContext asPatient = new SearchContext("t", Mode.TEST,
                    new SearchFilter("x", null, null, null, null), SearchSort.START_ASC);
            SearchContext asPractitioner = new SearchContext("t", Mode.TEST,
                    new SearchFilter(null, "x", null, null, null), SearchSort.START_ASC);

            // then
            assertRefused(codec.encode(cursor, asPatient), asPractitioner, NOT_ISSUED);
        }

        @Test
        void tellsATenantFromATenantPlusFilterText() {
            SearchContext joined = new SearchContext("ab", Mode.TEST,
                    new SearchFilter(null, null, null, null, null), SearchSort.START_ASC);
            SearchContext split = new SearchContext("a", Mode.TEST,
                    new SearchFilter("b", null, null, null, null), SearchSort.START_ASC);

            assertRefused(codec.encode(cursor, joined), split, NOT_ISSUED);
        }
    }

    @Nested
    class Tampering {

        @Test
        void refusesACursorSignedWithAnotherSecret() {
            CursorCodec other = new CursorCodec("another-secret-0123456789".getBytes(StandardCharsets.UTF_8),
                    Clock.fixed(ISSUED, ZoneOffset.UTC));

            assertRefused(other.encode(cursor, context), context, NOT_ISSUED);
        }

        @Test
        void refusesACursorWhosePositionWasChanged() {
            // given: the payload of another position, with the original MAC
            String token = codec.encode(cursor, context);
            String mac = token.substring(token.indexOf('.') + 1);
            String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("c2|" + ISSUED.getEpochSecond() + "|1|appt_abc").getBytes(StandardCharsets.UTF_8));

            assertRefused(payload + "." + mac, context, NOT_ISSUED);
        }

        @Test
        void refusesACursorWhoseIssueTimeWasMovedForward() {
            String token = codec.encode(cursor, context);
            String mac = token.substring(token.indexOf('.') + 1);
            String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("c2|" + ISSUED.plus(Duration.ofDays(30)).getEpochSecond() + "|1234|appt_abc")
                            .getBytes(StandardCharsets.UTF_8));

            assertRefused(payload + "." + mac, context, NOT_ISSUED);
        }

        @Test
        void refusesAVersionOneCursorSignedWithTheSameSecret() throws Exception {
            // given: a cursor as the previous version issued it, filters digested into the payload
            byte[] payload = "c1|-start|0123456789abcdef|1234|appt_abc".getBytes(StandardCharsets.UTF_8);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            String token = base64.encodeToString(payload) + "." + base64.encodeToString(mac.doFinal(payload));

            assertRefused(token, context, NOT_ISSUED);
        }

        @Test
        void refusesGarbage() {
            for (String token : new String[]{"not-a-cursor", "%%%.###", ".", "a.b.c", "eyJ2IjoxfQ.c2lnbmF0dXJl"}) {
                assertRefused(token, context, NOT_ISSUED);
            }
        }
    }

    @Nested
    class Expiry {

        private final String token = codec.encode(cursor, context);

        @Test
        void acceptsACursorUntilJustBeforeItsLifetimeEnds() {
            CursorCodec later = codecAt(ISSUED.plus(CursorCodec.LIFETIME).minusSeconds(1));

            assertThat(later.decode(token, context)).isEqualTo(cursor);
        }

        @Test
        void refusesACursorOnceItsLifetimeHasPassed() {
            for (Duration age : new Duration[]{CursorCodec.LIFETIME, CursorCodec.LIFETIME.plusDays(3)}) {
                CursorCodec later = new CursorCodec(SECRET, Clock.offset(Clock.fixed(ISSUED, ZoneOffset.UTC), age));

                assertThatThrownBy(() -> later.decode(token, context))
                        .isInstanceOfSatisfying(ApiException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                            assertThat(e.issues()).singleElement().satisfies(issue -> assertThat(issue.diagnostics())
                                    .isEqualTo("cursor: has expired; start the search again from the first page"));
                        });
            }
        }

        @Test
        void livesTwentyFourHours() {
            assertThat(CursorCodec.LIFETIME).isEqualTo(Duration.ofHours(24));
        }

        @Test
        void callsAnExpiredCursorOfAnotherSearchNotIssued() {
            CursorCodec later = codecAt(ISSUED.plus(Duration.ofDays(2)));

            assertThatThrownBy(() -> later.decode(token,
                    new SearchContext("tenant_b", Mode.TEST, filter, SearchSort.START_DESC)))
                    .isInstanceOfSatisfying(ApiException.class, e ->
                            assertThat(e.issues().get(0).diagnostics()).isEqualTo(NOT_ISSUED));
        }
    }

    @Test
    void refusesASecretShorterThan16Bytes() {
        assertThatThrownBy(() -> new CursorCodec(new byte[15], Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRefused(String token, SearchContext presentedIn, String diagnostics) {
        assertThatThrownBy(() -> codec.decode(token, presentedIn))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.issues()).singleElement().satisfies(issue -> {
                        assertThat(issue.field()).isEqualTo("cursor");
                        assertThat(issue.diagnostics()).isEqualTo(diagnostics).doesNotContain(token);
                    });
                });
    }
}
