package com.clinikapi.server.hostile;

import com.clinikapi.server.support.ApiTest;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.TestServers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The management port (the Prometheus scrape) listens on loopback only unless configured, while the
 * API listens on every interface. 127.0.0.2 stands for "any other address of this machine": it is
 * loopback too, but not the address the management port is bound to.
 */
abstract class ManagementPortTest extends ApiTest {

    ManagementPortTest(Database database) {
        super(database);
    }

    static class OnH2 extends ManagementPortTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends ManagementPortTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    @Test
    void theScrapeAnswersOnLoopbackOnly() throws Exception {
        int management = TestServers.managementPort(server);

        assertThat(status(URI.create("http://127.0.0.1:" + management + "/prometheus"))).isEqualTo(200);
        assertThatThrownBy(() -> connect("127.0.0.2", management)).isInstanceOf(ConnectException.class);
    }

    @Test
    void theApiAnswersOnEveryInterfaceButNotOnTheManagementPort() throws Exception {
        int management = TestServers.managementPort(server);

        assertThat(status(URI.create("http://127.0.0.2:" + server.getPort() + "/health"))).isEqualTo(200);
        assertThat(status(URI.create("http://127.0.0.1:" + management + "/health"))).isEqualTo(404);
    }

    private static void connect(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
        }
    }

    private static int status(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
