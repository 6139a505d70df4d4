package com.clinikapi.server.keys.cli;

import com.clinikapi.server.keys.ApiKeyRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code keys expire <id-or-prefix> --at <instant>}. */
@Command(name = "expire", mixinStandardHelpOptions = true,
        description = {"Set when a key expires (answered 401 KEY_EXPIRED from then on), e.g. to rotate it with a grace period.",
                "Running instances see a changed time within the key cache TTL."})
final class ExpireKeyCommand implements Callable<Integer> {

    @ParentCommand
    private KeysCommand keys;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<id-or-prefix>", description = "The key's id (key_…) or its prefix (clk_test_a1B2…).")
    private String key;

    @Option(names = "--at", required = true, converter = InstantConverter.class,
            description = "An ISO-8601 instant (2027-01-31T00:00:00Z), a date (2027-01-31, midnight UTC) or now.")
    private Instant at;

    @Override
    public Integer call() {
        ApiKeyRow expiring = keys.keys().expire(key, at);
        spec.commandLine().getOut().printf("%s (%s…) of tenant %s expires at %s%n",
                expiring.id(), expiring.prefix(), expiring.tenantId(), expiring.expiresAt());
        return 0;
    }
}
