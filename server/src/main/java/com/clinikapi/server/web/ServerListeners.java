package com.clinikapi.server.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration.NettyListenerConfiguration;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The service's two sockets: the API on {@code micronaut.server.port} (every interface, or
 * {@code micronaut.server.host}), and the management endpoints (the Prometheus scrape) on
 * {@code endpoints.all.port}, bound to {@code clinikapi.management.host}: loopback unless an
 * operator names another address. Left to itself Micronaut binds the management port on the API's
 * host, so a scrape meant for the operator's agent would answer anyone who reaches the API.
 *
 * <p>The API listener comes first: it is the one {@code EmbeddedServer.getPort()} reports. Only
 * this listener serves the API's routes; the management one serves only the endpoints'.
 * Configuring {@code micronaut.server.netty.listeners} explicitly replaces both.
 */
@Singleton
public class ServerListeners implements BeanCreatedEventListener<NettyHttpServerConfiguration> {

    private static final int DEFAULT_PORT = 8080;

    private final String managementHost;
    private final int managementPort;

    public ServerListeners(@Value("${clinikapi.management.host:127.0.0.1}") String managementHost,
                           @Value("${endpoints.all.port}") int managementPort) {
        this.managementHost = managementHost;
        this.managementPort = managementPort;
    }

    @Override
    public NettyHttpServerConfiguration onCreated(BeanCreatedEvent<NettyHttpServerConfiguration> event) {
        NettyHttpServerConfiguration server = event.getBean();
        if (server.getListeners() == null || server.getListeners().isEmpty()) {
            server.setListeners(List.of(api(server), management()));
        }
        return server;
    }

    private static NettyListenerConfiguration api(NettyHttpServerConfiguration server) {
        NettyListenerConfiguration api = new NettyListenerConfiguration("api");
        api.setFamily(NettyListenerConfiguration.Family.TCP);
        api.setHost(server.getHost().orElse(null));
        // -1 (the tests' setting) binds a free port, as Micronaut does.
        api.setPort(server.getPort().orElse(DEFAULT_PORT));
        return api;
    }

    private NettyListenerConfiguration management() {
        NettyListenerConfiguration management = new NettyListenerConfiguration("management");
        management.setFamily(NettyListenerConfiguration.Family.TCP);
        management.setHost(managementHost);
        management.setPort(managementPort);
        management.setExposeDefaultRoutes(false);
        // A scrape during shutdown still answers; the API listener is the one that drains.
        management.setSupportGracefulShutdown(false);
        return management;
    }
}
