package com.clinikapi.server.database;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Adds the migrations that only one database can express to the default datasource's:
 * {@code classpath:db/vendor/h2} or {@code classpath:db/vendor/postgresql}, next to the plain SQL of
 * {@code classpath:db/migration} that both run. (Flyway has no {@code {vendor}} placeholder; Spring
 * Boot's is its own.) Being the default datasource's customizer, it replaces micronaut-flyway's
 * default one, which only registers Java migration, callback and resolver beans: this service has none.
 */
@Singleton
@Named("default")
public class VendorMigrations implements FlywayConfigurationCustomizer {

    static final String VENDOR_LOCATION = "classpath:db/vendor/";

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
        locations.add(new Location(VENDOR_LOCATION + vendorOf(configuration.getDataSource())));
        configuration.locations(locations.toArray(Location[]::new));
    }

    @Override
    public String getName() {
        return "default";
    }

    /** {@code h2} or {@code postgresql}: the database's product name, as its folder is named. */
    static String vendorOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the migrations are for", e);
        }
    }
}
