package com.clinikapi.server;

import io.micronaut.runtime.Micronaut;

/** Starts the appointments service: {@code java -jar server/target/clinikapi-server.jar}. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
