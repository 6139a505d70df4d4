package com.clinikapi.server.appointment;

import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Concurrently;
import com.clinikapi.server.support.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Optimistic concurrency: {@code ETag} from the version, {@code If-Match} on PATCH and DELETE. */
abstract class ConditionalRequestsTest extends ApiTest {

    ConditionalRequestsTest(Database database) {
        super(database);
    }

    static class OnH2 extends ConditionalRequestsTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends ConditionalRequestsTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    private ApiResponse created;
    private String path;

    @BeforeEach
    void givenAnAppointment() {
        created = create(Bodies.booked(uniquePatient()));
        path = "/v1/appointments/" + created.text("data.id");
    }

    private ApiResponse patchIfMatch(String ifMatch, String body) {
        return api.patch(path, body).header("If-Match", ifMatch).send();
    }

    @Nested
    class ETags {

        @Test
        void everyResponseCarryingTheAppointmentHasItsVersionAsETag() {
            // when
            ApiResponse read = api.get(path).send();
            ApiResponse updated = api.patch(path, "{\"comment\":\"x\"}").send();

            // then
            assertThat(created.header("ETag")).contains("\"1\"");
            assertThat(read.header("ETag")).contains("\"1\"");
            assertThat(updated.header("ETag")).contains("\"2\"");
        }

        @Test
        void aPatchThatChangesNoValueIsStillANewVersion() {
            // when
            ApiResponse response = patchIfMatch("\"1\"", "{\"status\":\"booked\"}");

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("ETag")).contains("\"2\"");
        }
    }

    @Nested
    class Patch {

        @Test
        void appliesTheChangeWhenIfMatchNamesTheCurrentVersion() {
            // when
            ApiResponse response = patchIfMatch(created.header("ETag").orElseThrow(), "{\"comment\":\"x\"}");

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("ETag")).contains("\"2\"");
        }

        @Test
        void refusesAStaleVersionAndChangesNothing() {
            // given
            api.patch(path, "{\"comment\":\"first\"}").send();

            // when
            ApiResponse response = patchIfMatch("\"1\"", "{\"comment\":\"second\"}");

            // then
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.text("code")).isEqualTo("VERSION_CONFLICT");
            assertThat(response.diagnostics()).containsExactly("version: does not match the current version");
            ApiResponse current = api.get(path).send();
            assertThat(current.text("data.comment")).isEqualTo("first");
            assertThat(current.number("data.version")).isEqualTo(2);
        }

        @ParameterizedTest
        @ValueSource(strings = {"*", "W/\"1\"", "\"7\", \"1\""})
        void acceptsAnyVersionAWeakTagAndAList(String ifMatch) {
            // when
            ApiResponse response = patchIfMatch(ifMatch, "{\"comment\":\"x\"}");

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }

        @Test
        void refusesAMalformedIfMatchAsAnInvalidParameter() {
            // when
            ApiResponse response = patchIfMatch("1", "{\"comment\":\"x\"}");

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text("code")).isEqualTo("INVALID_PARAMETER");
            assertThat(response.diagnostics()).containsExactly("If-Match: must be * or a list of entity tags such as \"3\"");
        }

        @Test
        void answers404BeforeLookingAtTheVersion() {
            // when
            ApiResponse response = api.patch("/v1/appointments/appt_nothere", "{\"comment\":\"x\"}")
                    .header("If-Match", "\"1\"").send();

            // then
            assertThat(response.status()).isEqualTo(404);
        }

        @Test
        void letsExactlyOneOfTwentyConcurrentUpdatesOfOneVersionWin() {
            // when
            List<ApiResponse> responses = Concurrently.run(20,
                    i -> patchIfMatch("\"1\"", "{\"comment\":\"writer %d\"}".formatted(i)));

            // then
            List<ApiResponse> won = responses.stream().filter(r -> r.status() == 200).toList();
            assertThat(won).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() != 200)
                    .hasSize(19)
                    .allSatisfy(r -> assertThat(r.text("code")).as(r.body()).isEqualTo("VERSION_CONFLICT"));
            ApiResponse current = api.get(path).send();
            assertThat(current.number("data.version")).isEqualTo(2);
            assertThat(current.text("data.comment")).isEqualTo(won.get(0).text("data.comment"));
        }
    }

    @Nested
    class Delete {

        @Test
        void refusesAStaleVersionAndKeepsTheAppointment() {
            // given
            api.patch(path, "{\"comment\":\"changed\"}").send();

            // when
            ApiResponse response = api.delete(path).header("If-Match", "\"1\"").send();

            // then
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.text("code")).isEqualTo("VERSION_CONFLICT");
            assertThat(api.get(path).send().status()).isEqualTo(200);
        }

        @Test
        void deletesTheCurrentVersion() {
            // when
            ApiResponse response = api.delete(path).header("If-Match", "\"1\"").send();

            // then
            assertThat(response.status()).isEqualTo(204);
            assertThat(api.get(path).send().status()).isEqualTo(404);
        }
    }
}
