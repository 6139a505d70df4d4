package com.clinikapi.server;

import com.clinikapi.server.keys.cli.KeysCli;
import io.micronaut.runtime.Micronaut;

import java.util.Arrays;

/**
 * Starts the appointments service ({@code java -jar server/target/clinikapi-server.jar}), or, with
 * {@code keys …} as arguments, runs the key-management CLI on the same configuration without
 * starting the service.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && KeysCli.COMMAND.equals(args[0])) {
            KeysCli.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Micronaut.run(Application.class, args);
    }
}
