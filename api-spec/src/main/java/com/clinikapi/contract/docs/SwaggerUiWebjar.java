package com.clinikapi.contract.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The {@code org.webjars:swagger-ui} jar on the class path: its version (from the
 * {@code pom.properties} it carries) and its files. Only plain file names of its one folder are
 * served, so no request can reach another resource of the class path; each file is read once and
 * kept (the folder holds a fixed set of them, a few MiB in all).
 */
final class SwaggerUiWebjar {

    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern VERSION = Pattern.compile("[0-9][0-9A-Za-z.-]{0,39}");

    private final ClassLoader classLoader;
    private final String version;
    private final ConcurrentMap<String, byte[]> files = new ConcurrentHashMap<>();

    private SwaggerUiWebjar(ClassLoader classLoader, String version) {
        this.classLoader = classLoader;
        this.version = version;
    }

    /** @throws IllegalStateException if the webjar is not on the class path */
    static SwaggerUiWebjar onClassPath() {
        ClassLoader classLoader = SwaggerUiWebjar.class.getClassLoader();
        Properties properties = new Properties();
        try (InputStream in = classLoader.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("the reference docs need org.webjars:swagger-ui on the class path ("
                        + POM_PROPERTIES + " is missing)");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "");
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalStateException(POM_PROPERTIES + " names no usable version");
        }
        return new SwaggerUiWebjar(classLoader, version);
    }

    String version() {
        return version;
    }

    /** The file of that name in the webjar's folder, if there is one. */
    Optional<byte[]> file(String name) {
        if (!FILE_NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        byte[] known = files.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<byte[]> read = read("META-INF/resources/webjars/swagger-ui/" + version + "/" + name);
        read.ifPresent(bytes -> files.putIfAbsent(name, bytes));
        return read;
    }

    private Optional<byte[]> read(String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
