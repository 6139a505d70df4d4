package com.clinikapi.server.keys.cli;

import com.clinikapi.contract.auth.Mode;
import com.clinikapi.server.auth.Scope;
import com.clinikapi.server.keys.ApiKeyAdministration;
import com.clinikapi.server.keys.ApiKeyRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code keys create --tenant acme --mode test --scopes appointments:read,appointments:write [--plan p] [--expires-in 90d]}. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a key and print its secret on stdout, once: it is stored only as a hash and cannot be shown again.",
                "Its id and prefix (which name it to revoke or expire it) go to stderr."})
final class CreateKeyCommand implements Callable<Integer> {

    @ParentCommand
    private KeysCommand keys;

    @Spec
    private CommandSpec spec;

    @Option(names = "--tenant", required = true, description = "The tenant whose appointments the key reaches.")
    private String tenant;

    @Option(names = "--mode", required = true, description = "live (production data) or test (the sandbox).")
    private Mode mode;

    @Option(names = "--scopes", required = true, split = ",", converter = ScopeConverter.class,
            description = "Comma-separated: appointments:read (search, read), appointments:write (create, update, delete).")
    private List<Scope> scopes;

    @Option(names = "--plan", description = "A plan under clinikapi.plans (default: clinikapi.default-plan).")
    private String plan;

    @Option(names = "--expires-in", converter = PeriodConverter.class,
            description = "Expire after this long: 90d, 12h, 30m or ISO-8601 (P90D). Default: never.")
    private Duration expiresIn;

    @Override
    public Integer call() {
        Instant expiresAt = expiresIn == null ? null : Instant.now().plus(expiresIn);
        ApiKeyAdministration.CreatedKey created = keys.keys().create(
                new ApiKeyAdministration.NewKey(tenant, mode, EnumSet.copyOf(scopes), plan, expiresAt));
        ApiKeyRow stored = created.stored();
        spec.commandLine().getOut().println(created.secret());
        spec.commandLine().getErr().printf("Created %s (%s…) for tenant %s, %s, %s, plan %s, %s.%n"
                        + "The key above is shown only now: store it in your secret manager.%n",
                stored.id(), stored.prefix(), stored.tenantId(), stored.mode(), stored.scopes(), stored.plan(),
                stored.expiresAt() == null ? "never expires" : "expires " + stored.expiresAt());
        return 0;
    }
}
