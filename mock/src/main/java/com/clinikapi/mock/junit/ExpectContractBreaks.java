package com.clinikapi.mock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated test (or every test of the annotated class) sends requests that break the contract
 * on purpose, e.g. to test the client's handling of a {@code 422}: strict conformance
 * ({@link ClinikMockExtension.Builder#strictConformance}) does not fail it for them. They are still
 * recorded in the conformance report. Within a test, {@link ClinikMockExtension#expectContractBreaks()}
 * does the same.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ExpectContractBreaks {
}
