package com.clinikapi.contract.suite.properties;

import com.clinikapi.contract.ApiMediaTypes;
import com.clinikapi.contract.suite.appointments.Appointments;
import com.clinikapi.contract.suite.appointments.Fixtures;
import com.clinikapi.contract.suite.generate.AppointmentArbitraries;
import com.clinikapi.contract.suite.generate.SchemaArbitraries;
import com.clinikapi.contract.suite.http.ApiCall;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.KeyRole;
import com.clinikapi.contract.suite.target.Targets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests of every kind, well-formed or not: methods, paths, ids, query strings, keys, media types,
 * headers and bodies (valid, broken, random JSON, deeply nested, huge, not JSON at all). Whatever is
 * sent, the answer is never a 5xx and never a dropped connection, and an answer on a documented
 * operation is documented (the central client checks both).
 */
class AnyRequestIT {

    private static final List<String> METHODS = List.of("GET", "POST", "PATCH", "DELETE", "PUT", "OPTIONS", "HEAD");
    private static final List<String> CONTENT_TYPES = List.of(ApiMediaTypes.JSON, ApiMediaTypes.FHIR_JSON,
            ApiMediaTypes.MERGE_PATCH_JSON, ApiMediaTypes.JSON_PATCH_JSON, "application/json; charset=utf-8",
            "application/json; charset=iso-8859-1", "text/plain", "application/xml", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded", "*/*", "application/", "garbage", "application/json;;", "");
    private static final List<String> ACCEPTS = List.of(ApiMediaTypes.JSON, ApiMediaTypes.FHIR_JSON, "*/*",
            "application/*", "application/fhir+json, application/json;q=0.9", "text/html,application/xhtml+xml,*/*;q=0.8");



    private final ContractClient api = Targets.client();

    @Property(tries = 800)
    void noRequestGetsAServerErrorOrADroppedConnection(@ForAll("requests") Request request) {
        Statistics.label("method").collect(request.method());

        ApiCall call = api.call(request.method(), request.path());
        request.key().ifPresentOrElse(call::key, call::withoutKey);
        call.accept(request.accept());
        request.headers().forEach(h -> call.header(h.get1(), h.get2()));
        request.body().ifPresent(body -> {
            call.body(body);
            call.contentType(request.contentType().isEmpty() ? null : request.contentType());
        });

        ApiResponse response = call.send();

        Statistics.label("status").collect(response.status());
        assertThat(response.status()).as("%s", response).isLessThan(500);
    }

    /** One request: method, path with query, key, Accept, Content-Type, extra headers and body. */
    record Request(String method, String path, Optional<String> key, String accept, String contentType,
                   List<Tuple.Tuple2<String, String>> headers, Optional<byte[]> body) {

        @Override
        public String toString() {
            return method + " " + path + " key=" + key.map(k -> k.length() > 12 ? k.substring(0, 12) + "…" : k).orElse("none")
                    + " accept=" + accept + " content-type=" + contentType + " headers=" + headers
                    + " body=" + body.map(b -> new String(b, StandardCharsets.UTF_8))
                    .map(b -> b.length() > 300 ? b.substring(0, 300) + "… (" + b.length() + " chars)" : b).orElse("none");
        }
    }

    @Provide
    Arbitrary<Request> requests() {
        return Combinators.combine(Arbitraries.of(METHODS), paths(), keys(), Arbitraries.of(ACCEPTS).injectNull(0.1),
                        Arbitraries.of(CONTENT_TYPES), headers(), bodies().optional(0.7))
                .as(Request::new);
    }


    private Arbitrary<String> paths() {
        Arbitrary<String> id = Arbitraries.oneOf(
                Arbitraries.just(Fixtures.unknownAppointmentId()),
                SchemaArbitraries.fromPattern("^[A-Za-z0-9._-]{1,128}$", 1, 140),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40).map(AnyRequestIT::encode),
                Arbitraries.of("..", ".", "%2e%2e", "%00", "%2F", "appt_%ZZ", "appt_;x", "a".repeat(300)));
        Arbitrary<String> base = Arbitraries.oneOf(
                Arbitraries.just(Appointments.COLLECTION),
                id.map(Appointments::path),
                Arbitraries.of("/health", "/v1", "/", "/v1/appointments/", "/v1/appointments//x", "/v2/appointments",
                        "/v1/appointments/x/y", "/V1/APPOINTMENTS", "/favicon.ico"));
        Arbitrary<String> query = Arbitraries.oneOf(
                Arbitraries.just(""),
                Combinators.combine(
                        Arbitraries.of("patientId", "practitionerId", "status", "dateFrom", "dateTo", "sort", "count", "cursor", "x", ""),
                        Arbitraries.strings().ofMaxLength(30).map(AnyRequestIT::encode)).as((n, v) -> n + "=" + v)
                        .list().ofMinSize(1).ofMaxSize(4).map(parts -> "?" + String.join("&", parts)),
                Arbitraries.of("?", "?&&", "?count", "?count=1&count=2", "?=x", "?%ZZ=1", "?patientId=%", "?sort=-start&sort=start"));
        return Combinators.combine(base, query).as((b, q) -> b + q);
    }

    private Arbitrary<Optional<String>> keys() {
        String primary = Targets.current().apiKey();
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(Optional.of(primary))),
                Tuple.of(1, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(1, Arbitraries.of("", "clk_test_", "clk_live_abcdefghij", "x".repeat(500), "clk_test_" + "k".repeat(200),
                        Targets.current().key(KeyRole.UNKNOWN).orElse("clk_test_unknownkey1")).map(Optional::of)));
    }

    private Arbitrary<List<Tuple.Tuple2<String, String>>> headers() {
        Arbitrary<String> names = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(n -> "X-" + n)),
                Tuple.of(1, Arbitraries.of("If-Match", "If-None-Match", "X-Request-Id", "Origin",
                        "Accept-Language", "Cookie", "X-Forwarded-For", "Idempotency-Key", "Accept")));
        Arbitrary<String> values = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60).map(String::strip)
                .filter(v -> !v.isEmpty());
        // content codings a body may claim, whether or not it is so encoded
        Arbitrary<Tuple.Tuple2<String, String>> encodings = Arbitraries.of("gzip", "x-gzip", "deflate", "br", "snappy",
                "identity", "gzip, deflate").map(coding -> Tuple.of("Content-Encoding", coding));
        return Arbitraries.frequencyOf(
                        Tuple.of(6, Combinators.combine(names, values).as(Tuple::of)),
                        Tuple.of(1, encodings))
                .list().ofMaxSize(3);
    }

    private Arbitrary<byte[]> bodies() {
        Arbitrary<String> text = Arbitraries.oneOf(
                // their edge cases are the create properties' business; here they would multiply with the rest
                AppointmentArbitraries.validCreateBodies().map(Json::write).withoutEdgeCases(),
                AppointmentArbitraries.createBodiesWithAnySchedule().map(t -> Json.write(t.get1())).withoutEdgeCases(),
                anyJson(),
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of("", " ", "null", "[]", "{}", "\"x\"", "0", "1e999999", "-0", "{\"status\":\"booked\",\"status\":\"x\"}",
                        "{\"patientId\":\"\\ud800\"}", "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
                        "[".repeat(100_000), "{\"priority\":" + "9".repeat(5000) + "}",
                        "{\"comment\":\"" + "x".repeat(1024 * 1024) + "\"}", "\u0000\u0001\u0002", "{\"a\":1}garbage"));
        return text.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Random JSON values a few levels deep, with the spec's field names mixed in. Without edge cases:
     * those of a recursive arbitrary multiply level by level, and with more tries
     * ({@code -Dcontract.tries.factor}) jqwik ran out of heap building them.
     */
    private Arbitrary<String> anyJson() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("status", "patientId", "start", "end", "minutesDuration", "priority", "requestedPeriod",
                        "cancelationReason", "created", "comment"),
                Arbitraries.strings().ofMaxLength(10));
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(s -> Json.write(Json.MAPPER.valueToTree(s))),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(d -> !d.contains("N") && !d.contains("I")),
                Arbitraries.of("true", "false", "null", "9223372036854775808", "-1", "1.0E10"));
        return Arbitraries.recursive(() -> scalar, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]"),
                Combinators.combine(names, inner).as((n, v) -> Json.write(Json.MAPPER.valueToTree(n)) + ":" + v)
                        .list().ofMaxSize(5).map(fields -> "{" + String.join(",", fields) + "}")), 0, 4)
                .withoutEdgeCases();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
