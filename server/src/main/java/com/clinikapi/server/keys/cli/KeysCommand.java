package com.clinikapi.server.keys.cli;

import com.clinikapi.server.keys.ApiKeyAdministration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code keys create | list | revoke | expire}. */
@Command(name = KeysCli.COMMAND,
        mixinStandardHelpOptions = true,
        description = {"Manage the service's API keys in its database (the same datasource configuration as the service).",
                "A new key's secret is printed once, by create; everything else shows only its id and prefix."},
        subcommands = {CreateKeyCommand.class, ListKeysCommand.class, RevokeKeyCommand.class, ExpireKeyCommand.class})
public final class KeysCommand implements Runnable {

    private final KeysSession session;

    @Spec
    private CommandSpec spec;

    KeysCommand(KeysSession session) {
        this.session = session;
    }

    ApiKeyAdministration keys() {
        return session.keys();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: create, list, revoke or expire");
    }
}
