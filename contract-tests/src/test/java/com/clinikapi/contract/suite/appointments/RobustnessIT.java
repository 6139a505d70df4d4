package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.ApiLimits;
import com.clinikapi.contract.ApiMediaTypes;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static com.clinikapi.contract.suite.appointments.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/** Requests real clients and proxies send that are unusual but legal, or broken in ways servers must survive. */
class RobustnessIT {

    private final ContractClient api = Targets.client();

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/json, text/plain, */*", "application/fhir+json;q=1.0, application/json;q=0.5"})
    void answersCommonAcceptHeaders(String accept) {
        ApiResponse response = api.get(Appointments.COLLECTION).query("patientId", Fixtures.patientId()).accept(accept).send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "application/json;q=0.5, application/fhir+json | application/fhir+json",
            "application/fhir+json;q=0.1, application/json | application/json",
            "application/fhir+json;q=abc, application/json;q=0.5 | application/json",
            ";;;,,q=x | application/json"})
    void answersTheMediaTypeTheClientPrefersByQualityAndIgnoresAMalformedAccept(String accept, String expected) {
        ApiResponse response = api.get(Appointments.COLLECTION).query("patientId", Fixtures.patientId()).accept(accept).send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.mediaType()).isEqualTo(expected);
    }

    @Test
    void answersAWildcardSubtypeAccept() {
        ApiResponse response = api.get(Appointments.COLLECTION).query("patientId", Fixtures.patientId())
                .accept("application/*").send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.mediaType()).isIn(ApiMediaTypes.JSON, ApiMediaTypes.FHIR_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?%ZZ=1", "?patientId=%", "?patientId=%G1"})
    void refusesABrokenPercentEscapeAsABadParameter(String query) {
        ApiResponse response = api.get(Appointments.COLLECTION + query).send();

        assertThat(response.status()).as("%s", response).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%ZZ", "%00", "a%"})
    void refusesABrokenPercentEscapeInTheIdAsABadParameter(String id) {
        ApiResponse response = api.get(Appointments.path(id)).send();

        assertThat(response.status()).as("%s", response).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/appointments?%ZZ=1", "/v1/appointments/%00", "/v1/appointments/%ZZ"})
    void answersAnUndecodableUriInTheRequestedMediaType(String pathAndQuery) {

        ApiResponse response = api.get(pathAndQuery).accept(ApiMediaTypes.FHIR_JSON).send();

        assertRejected(response, ErrorCode.INVALID_PARAMETER);
        assertThat(response.mediaType()).isEqualTo(ApiMediaTypes.FHIR_JSON);
    }

    @Test
    void answersHealthWhateverTheQuery() {
        ApiResponse response = api.get("/health?%ZZ=1").withoutKey().send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    @Test
    void refusesAFormBodyWithABrokenEscapeAsUnsupported() {
        ApiResponse response = api.post(Appointments.COLLECTION).contentType("application/x-www-form-urlencoded")
                .body("a=%ZZ").send();

        assertRejected(response, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void refusesADeeplyNestedBodyWithoutFalling() {
        String nested = "{\"status\":\"booked\",\"patientId\":\"p1\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        ApiResponse response = api.post(Appointments.COLLECTION).body(nested).send();

        assertThat(response.status()).as("%s", response).isIn(400, 422);
    }

    @Test
    void refusesAnEmptyBodyOnCreate() {
        ApiResponse response = api.post(Appointments.COLLECTION).body("").send();

        assertThat(response.status()).as("%s", response).isIn(400, 422);
        assertThat(response.issueFields()).contains("body");
    }

    @Test
    void refusesARequestLineOverTheLimitNamingIt() {
        ApiResponse response = api.get(Appointments.COLLECTION).query("patientId", Fixtures.patientId())
                .query("padding", "p".repeat(ApiLimits.MAX_REQUEST_LINE_BYTES)).send();

        assertRejected(response, ErrorCode.INVALID_PARAMETER, SchemaViolations.requestLineTooLong());
    }

    @ParameterizedTest
    @ValueSource(ints = {ApiLimits.MAX_HEADER_BYTES, 8 * ApiLimits.MAX_HEADER_BYTES})
    void refusesHeadersOverTheLimitNamingThem(int padding) {
        ApiResponse response = api.get(Appointments.COLLECTION).query("patientId", Fixtures.patientId())
                .header("X-Padding", "p".repeat(padding)).send();

        assertRejected(response, ErrorCode.INVALID_PARAMETER, SchemaViolations.headersTooLarge());
    }

    @Test
    void readsAGzipBody() {
        ApiResponse response = api.post(Appointments.COLLECTION).header("Content-Encoding", "gzip")
                .body(gzip(Json.write(Fixtures.booked(Fixtures.patientId())))).send();

        assertThat(response.status()).as("%s", response).isEqualTo(201);
    }

    @Test
    void refusesABodyThatIsNotEncodedAsItSays() {
        ApiResponse response = api.post(Appointments.COLLECTION).header("Content-Encoding", "gzip")
                .json(Fixtures.booked(Fixtures.patientId())).send();

        assertRejected(response, ErrorCode.MALFORMED_JSON);
        assertThat(response.issueFields()).containsExactly("body");
    }

    @Test
    void refusesABodyWhoseChunkedEncodingIsBroken() {
        ApiResponse response = api.post(Appointments.COLLECTION).chunkedBodyVerbatim("ZZ\r\n{}\r\n0\r\n\r\n").send();

        assertRejected(response, ErrorCode.MALFORMED_JSON);
    }

    @Test
    void checksTheKeyBeforeReadingABrokenBody() {
        ApiResponse response = api.post(Appointments.COLLECTION).withoutKey().chunkedBodyVerbatim("ZZ\r\n{}\r\n0\r\n\r\n").send();

        assertRejected(response, ErrorCode.UNAUTHORIZED);
    }

    @Test
    void refusesANumberTooBigForItsField() {
        ApiResponse response = api.post(Appointments.COLLECTION)
                .body("{\"status\":\"booked\",\"patientId\":\"p1\",\"start\":\"2031-03-10T09:00:00Z\",\"minutesDuration\":99999999999999999999}")
                .send();

        assertRejected(response, ErrorCode.VALIDATION_ERROR);
        assertThat(response.issueFields()).contains("minutesDuration");
    }

    @Test
    void answersARequestFromABrowserThatSendsAnOrigin() {
        ApiResponse response = api.get(Appointments.COLLECTION).query("patientId", Fixtures.patientId())
                .header("Origin", "https://app.example").send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    /** The API uses no cookies, but browsers and proxies send them, some malformed. */
    @ParameterizedTest
    @ValueSource(strings = {"session=abc", "a ,", "b=2; a ,", "a ;b", "a=1; a=2", "=x", "a=\"x", ";;;"})
    void servesARequestWhateverItsCookies(String cookie) {
        ApiResponse response = api.get(Appointments.COLLECTION).query("patientId", Fixtures.patientId())
                .header("Cookie", cookie).send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    @Test
    void answersUnsupportedMediaTypeInADeclaredMediaTypeToTheTypeScriptClient() {
        ApiResponse response = api.post(Appointments.COLLECTION).accept(ApiMediaTypes.FHIR_JSON).contentType("text/plain")
                .body("{}").send();

        assertRejected(response, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void ignoresAClientSuppliedRequestId() {
        ApiResponse response = api.get(Appointments.COLLECTION).query("patientId", Fixtures.patientId())
                .header("X-Request-Id", "client-chosen-id").send();

        // the central check holds the answer's id to req_… and to meta.requestId
        assertThat(response.status()).isEqualTo(200);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
