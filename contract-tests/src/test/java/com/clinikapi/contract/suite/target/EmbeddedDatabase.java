package com.clinikapi.contract.suite.target;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL for the {@code server-postgres} target, from Maven Central binaries (no Docker),
 * running in the suite's JVM. The service reaches it through Micronaut's standard datasource
 * environment variables, exactly as in production.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final String DATABASE = "clinikapi";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start() {
        try {
            Path dataDir = Suite.outputDirectory().resolve("contract-work").resolve("postgres-data");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the embedded PostgreSQL", e);
        }
    }

    /** The service's datasource settings for this database. */
    Map<String, String> datasourceEnvironment() {
        return Map.of(
                "DATASOURCES_DEFAULT_URL", postgres.getJdbcUrl("postgres", DATABASE),
                "DATASOURCES_DEFAULT_USERNAME", "postgres",
                "DATASOURCES_DEFAULT_PASSWORD", "postgres",
                "DATASOURCES_DEFAULT_DRIVER_CLASS_NAME", "org.postgresql.Driver",
                "DATASOURCES_DEFAULT_DIALECT", "POSTGRES");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
