package com.clinikapi.server.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.tools.Server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own that a test can stop and start again at the same address, data kept: an
 * embedded PostgreSQL on a fixed port and data directory, or an in-memory H2 served over TCP.
 */
public abstract class StoppableDatabase implements AutoCloseable {

    protected final int port = FreePorts.next();

    public static StoppableDatabase of(Database database) {
        return database == Database.H2 ? new H2OverTcp() : new Postgres();
    }

    /** Datasource configuration of a server on this database. */
    public abstract Map<String, Object> datasource();

    public abstract void start();

    public abstract void stop();

    @Override
    public void close() {
        stop();
    }

    private static final class Postgres extends StoppableDatabase {
        private final Path dataDirectory;
        private EmbeddedPostgres running;

        Postgres() {
            try {
                dataDirectory = Files.createTempDirectory("clinikapi-outage-pg");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            start();
        }

        @Override
        public Map<String, Object> datasource() {
            return Map.of("datasources.default.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                    "datasources.default.username", "postgres",
                    "datasources.default.password", "");
        }

        @Override
        public synchronized void start() {
            try {
                running = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void stop() {
            if (running != null) {
                try {
                    running.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                running = null;
            }
        }
    }

    private static final class H2OverTcp extends StoppableDatabase {
        private final String name = "outage_" + UUID.randomUUID().toString().replace("-", "");
        private Server running;

        H2OverTcp() {
            start();
        }

        @Override
        public Map<String, Object> datasource() {
            return Map.of("datasources.default.url", "jdbc:h2:tcp://localhost:" + port + "/mem:" + name
                    + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        }

        @Override
        public synchronized void start() {
            try {
                running = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists").start();
            } catch (SQLException e) {
                throw new IllegalStateException("H2 TCP server did not start", e);
            }
        }

        @Override
        public synchronized void stop() {
            if (running != null) {
                running.stop();
                running = null;
            }
        }
    }
}
