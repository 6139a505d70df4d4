package com.clinikapi.server.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put by the server's pojo template (src/main/openapi-templates) on every generated property the
 * spec declares {@code nullable: true}. It is how the spec's nullability reaches run time: an
 * explicit {@code null} is accepted only for such properties (e.g. PATCH clearing {@code comment}),
 * and refused for the rest (e.g. {@code status}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface NullableInSpec {
}
