package com.clinikapi.server.keys.cli;

import com.clinikapi.server.keys.ApiKeyRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code keys revoke <id-or-prefix>}. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke a key for good: it is answered 401 KEY_REVOKED by every instance within the key cache TTL",
                "(clinikapi.api-keys.cache-ttl, 5 s by default)."})
final class RevokeKeyCommand implements Callable<Integer> {

    @ParentCommand
    private KeysCommand keys;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<id-or-prefix>", description = "The key's id (key_…) or its prefix (clk_test_a1B2…).")
    private String key;

    @Override
    public Integer call() {
        ApiKeyRow revoked = keys.keys().revoke(key);
        spec.commandLine().getOut().printf("Revoked %s (%s…) of tenant %s at %s%n",
                revoked.id(), revoked.prefix(), revoked.tenantId(), revoked.revokedAt());
        return 0;
    }
}
