package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's tests running concurrently against one static mock, each with its own key: the reset
 * before one test must not wipe what the others are in the middle of.
 */
@Execution(ExecutionMode.CONCURRENT)
class ConcurrentTestsTest {

    static final int TESTS = 20;
    /** Tests whose body has begun, i.e. whose reset is done. */
    static final AtomicInteger BEGUN = new AtomicInteger();

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.create();

    @RepeatedTest(TESTS)
    void concurrentTestsWithTheirOwnKeysKeepTheirOwnData() throws InterruptedException {
        int mine = BEGUN.incrementAndGet();
        String key = ClinikMockExtension.newApiKey();
        ApiClient api = new ApiClient(mock.baseUrl(), key);
        String id = api.createdId(Bodies.booked());

        awaitALaterTestsReset(mine);

        assertThat(api.read(id).status()).isEqualTo(200);
        assertThat(api.search("").data().path("total").asInt()).isEqualTo(1);
        mock.verify(1, postRequestedFor(urlEqualTo("/v1/appointments")).withHeader("x-api-key", equalTo(ClinikMockExtension.journalKey(key))));
    }

    /** Until another test has started after this one created its data (the last one needs not wait). */
    private static void awaitALaterTestsReset(int mine) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (mine < TESTS && BEGUN.get() <= mine && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
