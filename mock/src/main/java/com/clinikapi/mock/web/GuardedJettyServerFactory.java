package com.clinikapi.mock.web;

import com.github.tomakehurst.wiremock.common.HttpsSettings;
import com.github.tomakehurst.wiremock.common.JettySettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.org.eclipse.jetty.io.NetworkTrafficListener;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.server.ServerConnector;
import wiremock.org.eclipse.jetty.servlet.FilterHolder;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;

import java.util.EnumSet;
import java.util.function.Supplier;

/**
 * WireMock's Jetty server with the mock's guards: the {@link RequestHeadGuard} where Jetty reads
 * request lines; the {@link ValuelessCookieFilter}, the {@link UnreadableBodyFilter}, the
 * {@link MalformedRequestGuard} and the {@link HeadRequestFilter} in front of WireMock's servlet; and
 * the {@link ApiErrorHandler} for everything Jetty answers itself. Without them, a broken percent
 * escape or a form body gets Jetty's HTML error page instead of the API's error format, and a
 * malformed cookie or an unreadable body a 500.
 */
public final class GuardedJettyServerFactory implements HttpServerFactory {

    private final Supplier<ApiPipeline> pipeline;

    public GuardedJettyServerFactory(Supplier<ApiPipeline> pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler adminRequestHandler,
                                      StubRequestHandler stubRequestHandler) {
        return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
            @Override
            protected ServerConnector createHttpConnector(String bindAddress, int port, JettySettings jettySettings,
                                                          NetworkTrafficListener listener) {
                ServerConnector connector = super.createHttpConnector(bindAddress, port, jettySettings, listener);
                RequestHeadGuard.install(connector);
                return connector;
            }

            @Override
            protected ServerConnector createHttpsConnector(String bindAddress, HttpsSettings httpsSettings,
                                                           JettySettings jettySettings, NetworkTrafficListener listener) {
                ServerConnector connector = super.createHttpsConnector(bindAddress, httpsSettings, jettySettings, listener);
                RequestHeadGuard.install(connector);
                return connector;
            }

            @Override
            protected void applyAdditionalServerConfiguration(Server jettyServer, Options serverOptions) {
                super.applyAdditionalServerConfiguration(jettyServer, serverOptions);
                jettyServer.setErrorHandler(new ApiErrorHandler(pipeline));
            }

            @Override
            protected void decorateMockServiceContextAfterConfig(ServletContextHandler mockServiceContext) {
                mockServiceContext.addFilter(new FilterHolder(new ValuelessCookieFilter()), "/*",
                        EnumSet.of(DispatcherType.REQUEST));
                mockServiceContext.addFilter(new FilterHolder(new UnreadableBodyFilter(pipeline)), "/*",
                        EnumSet.of(DispatcherType.REQUEST));
                mockServiceContext.addFilter(new FilterHolder(new MalformedRequestGuard(pipeline)), "/*",
                        EnumSet.of(DispatcherType.REQUEST));
                mockServiceContext.addFilter(new FilterHolder(new HeadRequestFilter()), "/*",
                        EnumSet.of(DispatcherType.REQUEST));
                mockServiceContext.setErrorHandler(new ApiErrorHandler(pipeline));
            }
        };
    }

    @Override
    public String getName() {
        return "clinikapi-jetty";
    }
}
