package com.clinikapi.contract.suite.target;

import com.clinikapi.mock.ClinikApiMock;
import com.clinikapi.mock.MockSettings;
import com.clinikapi.mock.auth.ReservedKeys;
import com.clinikapi.mock.scenario.PreferHeader;
import com.github.tomakehurst.wiremock.WireMockServer;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The partner mock, started in this JVM on a free port as a partner's own tests would start it. It
 * accepts any well-formed key and keeps one sandbox per key, so this run's keys are fresh ones; its
 * documented reserved keys and {@code Prefer} scenarios reach the answers the service cannot be made
 * to give on demand.
 */
final class MockTarget {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MockTarget() {
    }

    static ContractTarget start(Consumer<AutoCloseable> resources) {
        Instant begin = Instant.now();
        WireMockServer server = ClinikApiMock.start(new MockSettings(0, false, 0, false));
        resources.accept(server::stop);
        String baseUrl = "http://localhost:" + server.port();
        Health.awaitUp(baseUrl, Duration.ofSeconds(30), server::isRunning);
        System.out.printf("[contract] mock: up on port %d after %d ms%n", server.port(),
                Duration.between(begin, Instant.now()).toMillis());
        String run = Long.toString(Math.abs(RANDOM.nextLong()), 36);
        Map<KeyRole, String> keys = new EnumMap<>(KeyRole.class);
        keys.put(KeyRole.PRIMARY, "clk_test_contract_" + run);
        keys.put(KeyRole.OTHER_TENANT, "clk_test_contract_other_" + run);
        keys.put(KeyRole.OTHER_MODE, "clk_live_contract_" + run);
        keys.put(KeyRole.UNKNOWN, ReservedKeys.UNKNOWN);
        keys.put(KeyRole.REVOKED, ReservedKeys.REVOKED);
        keys.put(KeyRole.EXPIRED, ReservedKeys.EXPIRED);
        keys.put(KeyRole.READ_ONLY, ReservedKeys.READ_ONLY);
        keys.put(KeyRole.RATE_LIMITED, ReservedKeys.RATE_LIMITED);
        return new ContractTarget("mock", baseUrl, keys, Optional.of(PreferHeader.NAME));
    }
}
