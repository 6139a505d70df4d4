package com.clinikapi.server.support;

import java.util.Map;
import java.util.UUID;

/** The databases every HTTP and repository test runs against. */
public enum Database {
    H2 {
        @Override
        public Map<String, Object> datasource() {
            return Map.of("datasources.default.url",
                    "jdbc:h2:mem:test_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
        }
    },
    POSTGRES {
        @Override
        public Map<String, Object> datasource() {
            EmbeddedPostgresDatabase postgres = EmbeddedPostgresDatabase.shared();
            return Map.of("datasources.default.url", postgres.jdbcUrl(),
                    "datasources.default.username", postgres.username(),
                    "datasources.default.password", postgres.password());
        }
    };

    /** Datasource configuration of a server on this database (the one the shared test server uses). */
    public abstract Map<String, Object> datasource();

    /** Datasource configuration of a database of its own, empty, for a test that starts its own servers. */
    public static Map<String, Object> freshPostgres() {
        EmbeddedPostgresDatabase postgres = EmbeddedPostgresDatabase.shared();
        return Map.of("datasources.default.url", postgres.createDatabase(),
                "datasources.default.username", postgres.username(),
                "datasources.default.password", postgres.password());
    }
}
