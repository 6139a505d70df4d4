package com.clinikapi.mock;

import com.clinikapi.mock.testing.ApiClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runnable jar's command line and start. */
class ClinikApiMockTest {

    @Test
    void defaultsToPort8081QuietWithABoundedJournal() {
        MockSettings settings = ClinikApiMock.parse(new String[0]);

        assertThat(settings).isEqualTo(new MockSettings(8081, false, 1000, false));
    }

    @Test
    void readsEveryOption() {
        MockSettings settings = ClinikApiMock.parse(
                new String[] {"--port", "9090", "--verbose", "--journal-size", "0", "--validate-responses"});

        assertThat(settings).isEqualTo(new MockSettings(9090, true, 0, true));
    }

    @Test
    void refusesUnknownOptionsAndBadNumbers() {
        assertThatThrownBy(() -> ClinikApiMock.parse(new String[] {"--prot", "1"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClinikApiMock.parse(new String[] {"--port"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClinikApiMock.parse(new String[] {"--port", "x"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClinikApiMock.parse(new String[] {"--port", "70000"})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void helpIsNotASettings() {
        assertThat(ClinikApiMock.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void startsAServingMock() {
        WireMockServer server = ClinikApiMock.start(MockSettings.defaults().withPort(0));
        try {
            ApiClient api = new ApiClient("http://localhost:" + server.port(), null);

            assertThat(api.send(api.request("/health").GET()).status()).isEqualTo(200);
        } finally {
            server.stop();
        }
    }
}
