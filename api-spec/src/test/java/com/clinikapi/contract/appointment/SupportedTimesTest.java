package com.clinikapi.contract.appointment;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.contract.search.SearchFilter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupportedTimesTest {

    /** RFC 3339 as the API answers it: four-digit year, seconds, optional fraction, UTC. */
    private static final Pattern ANSWERED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    @Test
    void theRangeIsYearOneToTheLastNanosecondOfYear9999() {
        assertThat(SupportedTimes.EARLIEST).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(SupportedTimes.LATEST).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999999Z"));
    }

    @Nested
    class QueryDates {

        @ParameterizedTest
        @ValueSource(strings = {"0001-01-01", "2026-12-01", "2028-02-29", "9999-12-31"})
        void acceptsFourDigitDaysFromYearOneTo9999(String text) {
            assertThat(SupportedTimes.queryDate("dateFrom", text)).isEqualTo(LocalDate.parse(text));
            assertThat(SupportedTimes.checkDate("dateFrom", text)).isEmpty();
        }

        @Test
        void absentIsNull() {
            assertThat(SupportedTimes.queryDate("dateFrom", null)).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"+300000-01-01", "+999999999-12-31", "-999999999-01-01", "+10000-01-01", "10000-01-01",
                "-0001-01-01", "+2026-12-01", "2026-02-30", "2027-02-29", "2026-13-01", "2026-1-1", "20261201", "",
                "2026-12-01T00:00:00Z", " 2026-12-01", "２０２６-12-01", "yesterday"})
        void refusesWhatIsNotAFourDigitCalendarDayAsAFormatError(String text) {
            assertRefused(() -> SupportedTimes.queryDate("dateTo", text), "dateTo: must be a date (YYYY-MM-DD)", text);
            assertThat(SupportedTimes.checkDate("dateTo", text).map(ValidationIssue::diagnostics))
                    .contains("dateTo: must be a date (YYYY-MM-DD)");
        }

        @Test
        void refusesYearZeroAsOutOfRange() {
            assertRefused(() -> SupportedTimes.queryDate("dateFrom", "0000-12-31"),
                    "dateFrom: must be from 0001-01-01 to 9999-12-31", "0000-12-31");
        }

        @Test
        void theSearchFilterRefusesUnsupportedDaysWhoeverParsedThem() {
            assertRefused(() -> new SearchFilter(null, null, null, LocalDate.MIN, null),
                    "dateFrom: must be from 0001-01-01 to 9999-12-31", "-999999999");
            assertRefused(() -> new SearchFilter(null, null, null, null, LocalDate.MAX),
                    "dateTo: must be from 0001-01-01 to 9999-12-31", "+999999999");
        }

        @Test
        void theWidestSupportedSearchHasInstantBounds() {
            SearchFilter widest = new SearchFilter(null, null, null, SupportedTimes.FIRST_DAY, SupportedTimes.LAST_DAY);

            assertThat(widest.startFromInclusive().toInstant()).isEqualTo(SupportedTimes.EARLIEST);
            assertThat(widest.startToExclusive().toInstant()).isEqualTo(SupportedTimes.LATEST.plusNanos(1));
        }

        private void assertRefused(Runnable parse, String diagnostics, String value) {
            assertThatThrownBy(parse::run).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                assertThat(e.issues()).extracting(ValidationIssue::diagnostics).containsExactly(diagnostics);
                if (!value.isBlank()) {
                    assertThat(e.issues().get(0).diagnostics()).doesNotContain(value);
                }
            });
        }
    }

    @Nested
    class BodyDateTimes {

        @ParameterizedTest
        @ValueSource(strings = {"0001-01-01T00:00:00Z", "0001-01-01T00:00:00-18:00", "0001-01-01T17:59:59-18:00",
                "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59+18:00",
                "9999-12-31T05:59:59-18:00", "2026-12-01T09:00:00+02:00", "2026-12-01t09:00:00.5z",
                "2028-02-29T12:00:00.123456Z", "2016-12-31T23:59:59Z"})
        void acceptsRfc3339WhoseUtcInstantIsSupported(String text) {
            assertThat(SupportedTimes.checkDateTime("start", text)).isEmpty();
            assertThat(SupportedTimes.parseDateTime(text)).isPresent();
        }

        @ParameterizedTest
        @ValueSource(strings = {"9999-12-31T23:59:59-18:00", "9999-12-31T18:00:00-06:00", "9999-12-31T23:59:59.999999999-00:01",
                "0001-01-01T00:00:00+00:01", "0001-01-01T00:00:00+18:00", "0000-12-31T23:59:59Z", "0000-01-01T00:00:00Z"})
        void refusesRfc3339WhoseUtcInstantIsOutOfRange(String text) {
            assertThat(SupportedTimes.checkDateTime("start", text)).hasValueSatisfying(issue -> {
                assertThat(issue.diagnostics())
                        .isEqualTo("start: must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z in UTC")
                        .doesNotContain(text);
            });
            assertThat(SupportedTimes.parseDateTime(text)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"+10000-01-01T17:59:59Z", "+300000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "-999999999-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "10000-01-01T00:00:00Z",
                "2016-12-31T23:59:60Z", "1990-12-31T15:59:60-08:00", "2026-12-01T09:00:00+18:01",
                "2026-12-01T09:00:00-19:00", "2026-12-01T09:00:00+24:00", "2026-12-01T24:00:00Z", "2026-02-30T09:00:00Z",
                "2026-12-01T09:00Z", "2026-12-01T09:00:00", "2026-12-01 09:00:00Z", "2026-12-01T09:00:00.Z",
                "2026-12-01T09:00:00.1234567890Z", "2026-12-01T09:00:00+0200", "2026-12-01", "", "now"})
        void refusesWhatIsNotRfc3339WithAFourDigitYearAsAFormatError(String text) {
            assertThat(SupportedTimes.checkDateTime("requestedPeriod[0].end", text).map(ValidationIssue::diagnostics))
                    .contains("requestedPeriod[0].end: must be an ISO 8601 date-time with offset");
            assertThat(SupportedTimes.parseDateTime(text)).isEmpty();
        }
    }

    @Nested
    class Answers {

        @Test
        void areUtcWithSecondsAndAFractionOnlyWhenThereIsOne() {
            assertThat(SupportedTimes.format(OffsetDateTime.parse("2026-12-01T09:00+02:00"))).isEqualTo("2026-12-01T07:00:00Z");
            assertThat(SupportedTimes.format(Instant.parse("2026-12-01T07:00:00.120Z"))).isEqualTo("2026-12-01T07:00:00.12Z");
        }

        @Test
        void theEdgesOfTheRangeHaveFourDigitYears() {
            assertThat(SupportedTimes.format(SupportedTimes.EARLIEST)).isEqualTo("0001-01-01T00:00:00Z").matches(ANSWERED);
            assertThat(SupportedTimes.format(SupportedTimes.LATEST)).isEqualTo("9999-12-31T23:59:59.999999999Z").matches(ANSWERED);
            assertThat(SupportedTimes.format(SupportedTimes.parseDateTime("9999-12-31T23:59:59+18:00").orElseThrow()))
                    .isEqualTo("9999-12-31T05:59:59Z");
        }

        @Test
        void anInstantOutsideTheRangeIsNeverWritten() {
            for (Instant outside : List.of(SupportedTimes.LATEST.plusNanos(1), SupportedTimes.EARLIEST.minusNanos(1),
                    Instant.MAX, Instant.MIN)) {
                assertThatThrownBy(() -> SupportedTimes.format(outside)).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Nested
    class DerivedEnds {

        @Test
        void anEndDerivedPastTheLastInstantIsRefusedOnMinutesDuration() {
            OffsetDateTime lateStart = OffsetDateTime.of(9999, 12, 31, 23, 30, 0, 0, ZoneOffset.UTC);
            AppointmentSchedule requested = new AppointmentSchedule(AppointmentStatus.BOOKED, lateStart, null, 45, null, List.of());

            assertThatThrownBy(() -> AppointmentRules.checkNew(requested)).isInstanceOfSatisfying(ApiException.class, e ->
                    assertThat(e.issues()).extracting(ValidationIssue::diagnostics).containsExactly(
                            "minutesDuration: must not take end (start + minutesDuration) past 9999-12-31T23:59:59.999999999Z"));
        }

        @Test
        void anEndDerivedUpToTheLastInstantIsKept() {
            OffsetDateTime lateStart = OffsetDateTime.of(9999, 12, 31, 23, 29, 59, 0, ZoneOffset.UTC);
            AppointmentSchedule requested = new AppointmentSchedule(AppointmentStatus.BOOKED, lateStart, null, 30, null, List.of());

            assertThat(AppointmentRules.checkNew(requested).end()).isEqualTo(OffsetDateTime.parse("9999-12-31T23:59:59Z"));
        }

        @Test
        void aPatchedDurationDerivingAnEndPastTheLastInstantIsRefused() {
            OffsetDateTime lateStart = OffsetDateTime.of(9999, 12, 31, 23, 0, 0, 0, ZoneOffset.UTC);
            AppointmentSchedule merged = new AppointmentSchedule(AppointmentStatus.BOOKED, lateStart,
                    lateStart.plusMinutes(30), 120, null, List.of());

            assertThatThrownBy(() -> AppointmentRules.checkUpdate(merged, java.util.Set.of("minutesDuration")))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.issues())
                            .extracting(ValidationIssue::field).containsExactly("minutesDuration"));
        }
    }

    @Test
    void anUnsupportedDayOrInstantIsNeverParsedSilently() {
        assertThat(SupportedTimes.parseDate("+10000-01-01")).isEqualTo(Optional.empty());
        assertThat(SupportedTimes.isSupported(LocalDate.MAX)).isFalse();
        assertThat(SupportedTimes.isSupported(OffsetDateTime.MAX)).isFalse();
        assertThat(SupportedTimes.isSupported(OffsetDateTime.MIN)).isFalse();
    }
}
