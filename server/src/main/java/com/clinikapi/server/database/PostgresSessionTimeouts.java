package com.clinikapi.server.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;

/**
 * Bounds how long anything may hold a pooled PostgreSQL connection, so that a stuck transaction costs
 * the bookings it blocks, not the whole API. PostgreSQL waits without end by default: a booking
 * queued behind a lock held by a forgotten session, or a connection to a peer that vanished, would
 * each keep a pooled connection until the pool is empty and every request answers 503. Each pooled
 * connection is opened with (all configurable under {@code clinikapi.database.postgres}):
 * <ul>
 *   <li>{@code lock_timeout} (2 s): a row lock not granted in time fails with 55P03; a booking then
 *       answers 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, an idempotent retry racing
 *       its first request 409 {@code IDEMPOTENCY_IN_PROGRESS};</li>
 *   <li>{@code statement_timeout} (15 s): any one statement; 57014, answered 503;</li>
 *   <li>{@code idle_in_transaction_session_timeout} (30 s): a transaction left open ends, and its
 *       locks with it;</li>
 *   <li>the driver's {@code socketTimeout} (30 s, longer than the statement timeout so PostgreSQL's
 *       own error comes first) and {@code connectTimeout} (5 s): a peer that stops answering
 *       breaks the connection instead of holding it.</li>
 * </ul>
 * Settings in the operator's URL ({@code ?options=…}, {@code socketTimeout=…}) win over these:
 * PostgreSQL's driver lets the URL override connection properties. A migration that needs longer
 * (an index over a large table) says so itself with {@code SET LOCAL statement_timeout}.
 */
@Singleton
public class PostgresSessionTimeouts implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final Duration lockTimeout;
    private final Duration statementTimeout;
    private final Duration idleInTransactionTimeout;
    private final Duration socketTimeout;
    private final Duration connectTimeout;

    public PostgresSessionTimeouts(
            @Value("${clinikapi.database.postgres.lock-timeout:2s}") Duration lockTimeout,
            @Value("${clinikapi.database.postgres.statement-timeout:15s}") Duration statementTimeout,
            @Value("${clinikapi.database.postgres.idle-in-transaction-timeout:30s}") Duration idleInTransactionTimeout,
            @Value("${clinikapi.database.postgres.socket-timeout:30s}") Duration socketTimeout,
            @Value("${clinikapi.database.postgres.connect-timeout:5s}") Duration connectTimeout) {
        this.lockTimeout = lockTimeout;
        this.statementTimeout = statementTimeout;
        this.idleInTransactionTimeout = idleInTransactionTimeout;
        this.socketTimeout = socketTimeout;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        String url = datasource.getUrl();
        if (url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            String operatorOptions = datasource.getDataSourceProperties().getProperty("options", "");
            datasource.addDataSourceProperty("options", (sessionOptions() + " " + operatorOptions).strip());
            datasource.addDataSourceProperty("socketTimeout", Long.toString(ceilSeconds(socketTimeout)));
            datasource.addDataSourceProperty("connectTimeout", Long.toString(ceilSeconds(connectTimeout)));
            datasource.addDataSourceProperty("tcpKeepAlive", "true");
        }
        return datasource;
    }

    /** The server settings, as PostgreSQL's {@code options} startup parameter carries them. */
    String sessionOptions() {
        return "-c lock_timeout=" + lockTimeout.toMillis()
                + " -c statement_timeout=" + statementTimeout.toMillis()
                + " -c idle_in_transaction_session_timeout=" + idleInTransactionTimeout.toMillis();
    }

    private static long ceilSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
