package com.clinikapi.mock.conformance;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.contract.search.CursorCodec;
import com.clinikapi.mock.auth.ApiKeyCheck;
import com.clinikapi.mock.sandbox.IdleSandboxes;
import com.clinikapi.mock.spec.ApiContract;
import com.clinikapi.mock.spec.ContractOperation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The recorder's bound and what it counts as a break, without HTTP. */
class ConformanceRecorderTest {

    static final String KEY = "clk_test_recorder_test";
    static ApiContract contract;
    static ContractOperation create;
    static ContractOperation search;

    @BeforeAll
    static void contract() {
        contract = ApiContract.load();
        create = contract.operation("createAppointment").orElseThrow();
        search = contract.operation("searchAppointments").orElseThrow();
    }

    static ConformanceRecorder recorder(int maxFindings) {
        return new ConformanceRecorder(contract, new ApiKeyCheck(),
                new IdleSandboxes(Duration.ofMinutes(30), Clock.systemUTC(), key -> { }), maxFindings);
    }

    static Verdict invalid(String field, String constraint) {
        return Verdict.refused(ApiException.validation(List.of(ValidationIssue.value(field, constraint))), false, true);
    }

    static void record(ConformanceRecorder recorder, ContractOperation operation, Verdict verdict) {
        recorder.record(KEY, operation.method(), operation.pathTemplate(), operation, "req_1",
                OffsetDateTime.now(ZoneOffset.UTC), verdict);
    }

    @Nested
    class Bound {

        @Test
        void keepsAtMostTheBoundOfKindsAndCountsTheRest() {
            ConformanceRecorder recorder = recorder(10);

            for (int i = 0; i < 25; i++) {
                record(recorder, create, invalid("field" + i, "must be between 0 and 9"));
                record(recorder, create, invalid("field" + i, "must be between 0 and 9"));
            }

            ConformanceReport report = recorder.report(KEY);
            assertThat(report.findings()).hasSize(10);
            assertThat(report.contractBreaks()).isEqualTo(50);
            assertThat(report.findingsNotKept()).isEqualTo(30);
            assertThat(report.findings()).allSatisfy(count -> assertThat(count.count()).isEqualTo(2));
        }

        @Test
        void theDefaultBoundIsAHundredKindsPerKey() {
            ConformanceRecorder recorder = new ConformanceRecorder(contract, new ApiKeyCheck(),
                    new IdleSandboxes(Duration.ofMinutes(30), Clock.systemUTC(), key -> { }));

            for (int i = 0; i < 150; i++) {
                record(recorder, create, invalid("field" + i, "is required"));
            }

            assertThat(recorder.report(KEY).findings()).hasSize(ConformanceRecorder.MAX_FINDINGS_PER_KEY);
        }

        @Test
        void tellsTheLastReportOfAForgottenKey() {
            ConformanceRecorder recorder = recorder(10);
            Map<String, ConformanceReport> forgotten = new java.util.HashMap<>();
            recorder.onForget(forgotten::put);
            record(recorder, create, invalid("priority", "must be between 0 and 9"));

            recorder.clear(KEY);

            assertThat(recorder.report(KEY).requests()).isZero();
            assertThat(forgotten.get(KEY).contractBreaks()).isEqualTo(1);
        }
    }

    @Nested
    class Definition {

        @Test
        void clientBuiltRefusalsAreBreaks() {
            List<ErrorCode> codes = List.of(ErrorCode.MALFORMED_JSON, ErrorCode.INVALID_PARAMETER, ErrorCode.UNAUTHORIZED,
                    ErrorCode.INVALID_KEY_FORMAT, ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    ErrorCode.VALIDATION_ERROR, ErrorCode.IDEMPOTENCY_KEY_REUSED);

            assertThat(codes).allSatisfy(code -> assertThat(
                    ContractBreaks.isBreak(create, Verdict.refused(new ApiException(code), false, true))).as(code.name()).isTrue());
            assertThat(ContractBreaks.isBreak(null, Verdict.unrouted(ErrorCode.NOT_FOUND, true))).isTrue();
            assertThat(ContractBreaks.isBreak(null, Verdict.unrouted(ErrorCode.METHOD_NOT_ALLOWED, true))).isTrue();
        }

        @Test
        void outcomesOfNormalOperationAreNot() {
            List<Verdict> normal = new ArrayList<>();
            for (ErrorCode code : List.of(ErrorCode.NOT_FOUND, ErrorCode.VERSION_CONFLICT, ErrorCode.SCHEDULING_CONFLICT,
                    ErrorCode.INVALID_STATUS_TRANSITION, ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                    ErrorCode.IDEMPOTENT_RESOURCE_DELETED, ErrorCode.RATE_LIMITED, ErrorCode.INTERNAL_ERROR,
                    ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.SANDBOX_FULL, ErrorCode.INVALID_KEY, ErrorCode.KEY_REVOKED,
                    ErrorCode.KEY_EXPIRED, ErrorCode.INSUFFICIENT_SCOPE)) {
                normal.add(Verdict.refused(new ApiException(code), false, true));
            }
            normal.add(Verdict.refused(ApiException.validation(List.of(ValidationIssue.value("priority", "x"))), true, true));
            normal.add(Verdict.refused(ApiException.invalidParameter(ValidationIssue.value("Prefer", "code must be …")), false, true));
            normal.add(Verdict.refused(ApiException.invalidParameter(ValidationIssue.value("cursor", CursorCodec.EXPIRED)), false, true));
            normal.add(Verdict.fault(true));
            normal.add(Verdict.served(201, false, true));

            assertThat(normal).allSatisfy(verdict -> assertThat(ContractBreaks.isBreak(search, verdict)).as(verdict.toString()).isFalse());
        }
    }
}
