package com.clinikapi.mock;

import com.clinikapi.mock.testing.ApiClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

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
                new String[] {"--port", "9090", "--verbose", "--journal-size", "0", "--validate-responses",
                        "--serve-nonconforming-stubs"});

        assertThat(settings).isEqualTo(new MockSettings(9090, true, 0, true).withNonconformingStubsServed(true));
    }

    @Test
    void listensOnLoopbackOnlyByDefault() throws IOException {
        WireMockServer server = ClinikApiMock.start(MockSettings.defaults().withPort(0));
        try {
            assertThat(connects("127.0.0.1", server.port())).isTrue();
            // 127.0.0.2 is loopback too, but not the address the mock is bound to: as another machine would be
            assertThat(connects("127.0.0.2", server.port())).isFalse();
        } finally {
            server.stop();
        }
    }

    @Test
    void beyondLoopbackTheAdminApiNeedsTheToken() throws IOException {
        MockSettings shared = ClinikApiMock.parse(new String[] {"--port", "0", "--bind", "0.0.0.0", "--admin-token", "s3cret-team-token"}, null);
        WireMockServer server = ClinikApiMock.start(shared);
        try {
            ApiClient api = new ApiClient("http://127.0.0.2:" + server.port(), null);

            assertThat(api.send(api.request("/health").GET()).status()).isEqualTo(200);
            assertThat(api.send(api.request("/__admin/requests").GET()).status()).isEqualTo(401);
            assertThat(api.send(api.request("/__admin/requests").header("Authorization", "Token wrong").GET()).status())
                    .isEqualTo(401);
            assertThat(api.send(api.request("/__admin/requests").header("Authorization", "Token s3cret-team-token").GET())
                    .status()).isEqualTo(200);
        } finally {
            server.stop();
        }
    }

    @Test
    void beyondLoopbackWithoutATokenOneIsMadeUp() {
        MockSettings shared = ClinikApiMock.parse(new String[] {"--bind", "0.0.0.0"}, null);

        assertThat(shared.adminToken()).hasSizeGreaterThanOrEqualTo(32);
        assertThatThrownBy(() -> new MockSettings(0, false, 10, false, "0.0.0.0", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("admin token");
    }

    @Test
    void takesTheAdminTokenFromTheEnvironment() {
        assertThat(ClinikApiMock.parse(new String[] {"--bind", "0.0.0.0"}, "from-env-token").adminToken())
                .isEqualTo("from-env-token");
    }

    @Test
    void refusesUnknownOptionsAndBadNumbers() {
        assertThatThrownBy(() -> ClinikApiMock.parse(new String[] {"--prot", "1"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClinikApiMock.parse(new String[] {"--port"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClinikApiMock.parse(new String[] {"--port", "x"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClinikApiMock.parse(new String[] {"--port", "70000"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClinikApiMock.parse(new String[] {"--bind"})).isInstanceOf(IllegalArgumentException.class);
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

    private static boolean connects(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }
}
