package com.clinikapi.server.keys.cli;

import com.clinikapi.server.keys.ApiKeyRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code keys list [--tenant acme]}: one line per key, never its secret. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List keys, oldest first: id, prefix, tenant, mode, scopes, plan, created, last used, expires, revoked.")
final class ListKeysCommand implements Callable<Integer> {

    private static final String ROW = "%-26s %-15s %-16s %-4s %-37s %-10s %-27s %-27s %-27s %s%n";

    @ParentCommand
    private KeysCommand keys;

    @Spec
    private CommandSpec spec;

    @Option(names = "--tenant", description = "Only this tenant's keys.")
    private String tenant;

    @Override
    public Integer call() {
        List<ApiKeyRow> rows = keys.keys().list(tenant);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(ROW, "ID", "PREFIX", "TENANT", "MODE", "SCOPES", "PLAN", "CREATED", "LAST USED", "EXPIRES", "REVOKED");
        for (ApiKeyRow row : rows) {
            out.printf(ROW, row.id(), row.prefix() + "…", row.tenantId(), row.mode(), row.scopes(), row.plan(),
                    row.createdAt(), orDash(row.lastUsedAt()), orDash(row.expiresAt()), orDash(row.revokedAt()));
        }
        return 0;
    }

    private static String orDash(Instant instant) {
        return instant == null ? "-" : instant.toString();
    }
}
