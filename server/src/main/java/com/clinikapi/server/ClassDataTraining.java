package com.clinikapi.server;

import com.clinikapi.contract.FirstRequests;
import com.clinikapi.server.keys.DevKeySeeder;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The build's training run for the application class-data archive
 * ({@code target/clinikapi-server.jsa}, which the README's start command passes as
 * {@code -XX:SharedArchiveFile}): with {@code -Dclinikapi.class-data-training=true} and
 * {@code -XX:ArchiveClassesAtExit}, the service starts on its embedded default, answers a client's
 * {@link FirstRequests} with the development key, and exits, and the JVM writes every class it
 * loaded into the archive. A later start maps those classes instead of loading and verifying them
 * from the jar. The same idea as Spring Boot's {@code -Dspring.context.exit=onRefresh}.
 */
@Singleton
@Requires(property = ClassDataTraining.PROPERTY, value = "true")
final class ClassDataTraining implements ApplicationEventListener<ServerStartupEvent> {

    static final String PROPERTY = "clinikapi.class-data-training";
    private static final Logger LOG = LoggerFactory.getLogger(ClassDataTraining.class);

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String baseUrl = event.getSource().getURL().toString();
        // Not on the startup thread: System.exit there would wait for the start it is part of.
        new Thread(() -> trainAndExit(baseUrl), "class-data-training").start();
    }

    private static void trainAndExit(String baseUrl) {
        int status = 0;
        try {
            new FirstRequests(baseUrl, DevKeySeeder.DEV_KEY).make();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 1;
        } catch (Exception e) {
            LOG.error("Class-data training run failed: {}", e.getMessage());
            status = 1;
        }
        System.exit(status);
    }
}
