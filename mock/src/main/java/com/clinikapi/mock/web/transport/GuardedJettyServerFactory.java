package com.clinikapi.mock.web.transport;

import com.clinikapi.mock.web.ApiPipeline;
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
 * WireMock's Jetty server with the mock's transport: the {@link RequestHeadGuard} where Jetty reads
 * request lines; in front of WireMock's servlet the {@link ValuelessCookieFilter}, the
 * {@link BoundedBodyFilter}, the {@link UndecodableQueryFilter} and the {@link HeadRequestFilter};
 * and the {@link ApiErrorHandler} for everything Jetty answers itself. None of the filters answers a
 * request: they repair what WireMock cannot read (which it would answer with a 500 HTML page
 * quoting the request) and record what they saw as {@link TransportFinding}s, and the
 * {@link ApiPipeline} decides, in the service's order, what to answer. Only a request head that
 * cannot be read at all is answered here, by the error handler, as the service's decoder answers it.
 * The mock's README (maintainers' section) maps each of these to the service behaviour it mirrors
 * and the test that proves it.
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
                mockServiceContext.addFilter(new FilterHolder(new BoundedBodyFilter()), "/*",
                        EnumSet.of(DispatcherType.REQUEST));
                mockServiceContext.addFilter(new FilterHolder(new UndecodableQueryFilter()), "/*",
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
