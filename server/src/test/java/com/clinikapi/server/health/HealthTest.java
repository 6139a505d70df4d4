package com.clinikapi.server.health;

import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

abstract class HealthTest extends ApiTest {

    HealthTest(Database database) {
        super(database);
    }

    static class OnH2 extends HealthTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends HealthTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    @Test
    void answersUpWithoutAnApiKeyWhenTheDatabaseAnswers() {
        // when
        ApiResponse response = api.get("/health").withoutKey().send();

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("status")).isEqualTo("UP");
        assertThat(response.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("req_[A-Za-z0-9_-]+"));
    }

    @Test
    void answersEvenWhenTheQueryDoesNotDecode() {
        // when
        RawHttp.Response response = RawHttp.send(server.getURI(), "GET /health?%ZZ=1 HTTP/1.1\r\n");

        // then 400 is not documented for /health, and the query means nothing to it
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void ignoresAnInvalidKeyBecauseItNeedsNone() {
        // when
        ApiResponse response = api.get("/health").key("not-a-key").send();

        // then
        assertThat(response.status()).isEqualTo(200);
    }
}
