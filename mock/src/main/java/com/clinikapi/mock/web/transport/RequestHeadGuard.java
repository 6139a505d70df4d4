package com.clinikapi.mock.web.transport;

import wiremock.org.eclipse.jetty.http.BadMessageException;
import wiremock.org.eclipse.jetty.http.HttpField;
import wiremock.org.eclipse.jetty.http.HttpVersion;
import wiremock.org.eclipse.jetty.io.Connection;
import wiremock.org.eclipse.jetty.io.EndPoint;
import wiremock.org.eclipse.jetty.server.ConnectionFactory;
import wiremock.org.eclipse.jetty.server.Connector;
import wiremock.org.eclipse.jetty.server.HttpChannelOverHttp;
import wiremock.org.eclipse.jetty.server.HttpConfiguration;
import wiremock.org.eclipse.jetty.server.HttpConnection;
import wiremock.org.eclipse.jetty.server.HttpConnectionFactory;
import wiremock.org.eclipse.jetty.server.ServerConnector;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the service's Netty decoder does to a request head, done where Jetty reads it (HTTP/1.1):
 * <ul>
 *   <li>Jetty refuses a request line whose path does not decode (a stray {@code %} as in
 *   {@code /v1/appointments/%ZZ}, or an encoded NUL) before it has read the headers, so the key
 *   could not be checked first nor the answer follow the client's {@code Accept}, where the
 *   service's can. The path is escaped ({@code %} becomes {@code %25}) as the request line is read,
 *   so that the request keeps its headers, and {@link TransportFinding#UNDECODABLE_PATH} is recorded;
 *   the pipeline decides what to answer. The service does the same with a Netty handler
 *   ({@code UndecodableUriGuard}).</li>
 *   <li>A client-sent {@value TransportFinding#HEADER} header is dropped: only the transport records
 *   findings.</li>
 *   <li>The head is held to the service's size limits ({@link HeadSizeLimits}); past them the request
 *   cannot be read, and is answered 400 here, before any key check, as the service's decoder does
 *   (not with Jetty's 414 or 431, which the contract does not document).</li>
 * </ul>
 */
final class RequestHeadGuard extends HttpConnectionFactory {

    /** A {@code %} that starts no escape, or the escape of NUL. */
    private static final Pattern UNDECODABLE = Pattern.compile("%(?![0-9A-Fa-f]{2})|%00");

    private RequestHeadGuard(HttpConfiguration configuration) {
        super(configuration);
    }

    /** Puts the guard in place of every plain HTTP/1.1 connection factory of the connector. */
    static void install(ServerConnector connector) {
        List<ConnectionFactory> factories = new ArrayList<>();
        for (ConnectionFactory factory : connector.getConnectionFactories()) {
            factories.add(factory instanceof HttpConnectionFactory http && !(factory instanceof RequestHeadGuard)
                    ? copyOf(http) : factory);
        }
        connector.setConnectionFactories(factories);
    }

    private static RequestHeadGuard copyOf(HttpConnectionFactory original) {
        RequestHeadGuard guard = new RequestHeadGuard(original.getHttpConfiguration());
        guard.setRecordHttpComplianceViolations(original.isRecordHttpComplianceViolations());
        guard.setUseInputDirectByteBuffers(original.isUseInputDirectByteBuffers());
        guard.setUseOutputDirectByteBuffers(original.isUseOutputDirectByteBuffers());
        guard.setInputBufferSize(original.getInputBufferSize());
        return guard;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new GuardedConnection(getHttpConfiguration(), connector, endPoint,
                isRecordHttpComplianceViolations());
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }

    /** The path with its undecodable escapes escaped, or null when it decodes as it is. */
    static String repaired(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        Matcher undecodable = UNDECODABLE.matcher(path);
        if (!undecodable.find()) {
            return null;
        }
        // "%" becomes "%25" and "%00" becomes "%2500": the path then decodes to what the client sent
        return undecodable.replaceAll(match -> match.group().equals("%") ? "%25" : "%2500")
                + (query < 0 ? "" : uri.substring(query));
    }

    private static final class GuardedConnection extends HttpConnection {

        GuardedConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint, boolean recordViolations) {
            super(configuration, connector, endPoint, recordViolations);
        }

        @Override
        protected HttpChannelOverHttp newHttpChannel() {
            return new GuardedChannel(this, getConnector(), getHttpConfiguration(), getEndPoint());
        }
    }

    /** Escapes the path as the request line arrives; records that once the request's headers are read. */
    private static final class GuardedChannel extends HttpChannelOverHttp {

        private final HeadSizeLimits limits = new HeadSizeLimits();
        private boolean repairedPath;

        GuardedChannel(HttpConnection connection, Connector connector, HttpConfiguration configuration, EndPoint endPoint) {
            super(connection, connector, configuration, endPoint, connection);
        }

        @Override
        public void startRequest(String method, String uri, HttpVersion version) {
            limits.startRequest(method, uri, version);
            String repaired = repaired(uri);
            repairedPath = repaired != null;
            super.startRequest(method, repairedPath ? repaired : uri, version);
        }

        @Override
        public void parsedHeader(HttpField field) {
            limits.countHeader(field);
            if (!TransportFinding.HEADER.equalsIgnoreCase(field.getName())) {
                super.parsedHeader(field);
            }
        }

        @Override
        public void badMessage(BadMessageException failure) {
            super.badMessage(HeadSizeLimits.asServiceAnswers(failure));
        }

        @Override
        public boolean headerComplete() {
            if (repairedPath) {
                super.parsedHeader(new HttpField(TransportFinding.HEADER,
                        TransportFinding.joined(java.util.EnumSet.of(TransportFinding.UNDECODABLE_PATH))));
                repairedPath = false;
            }
            return super.headerComplete();
        }
    }
}
