package com.clinikapi.server.validation;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.reflect.ReflectionUtils;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.DefaultConstraintValidators;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;

import java.util.Optional;

/**
 * Micronaut's validators, except that {@code @Size} on text counts characters (Unicode code points),
 * as the spec's {@code minLength}/{@code maxLength} do (JSON Schema), not UTF-16 units: 150 emoji
 * are 150 characters, within a {@code maxLength} of 200, though Java stores them in 300 units.
 */
@Singleton
@Replaces(DefaultConstraintValidators.class)
public class SchemaConstraintValidators extends DefaultConstraintValidators {

    private static final ConstraintValidator<Size, CharSequence> CHARACTER_LENGTH = (value, size, context) ->
            value == null || TextLength.withinSize(value, size.intValue("min").orElse(0),
                    size.intValue("max").orElse(Integer.MAX_VALUE));

    @Inject
    public SchemaConstraintValidators(BeanContext beanContext) {
        super(beanContext);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends java.lang.annotation.Annotation, T> Optional<ConstraintValidator<A, T>> findConstraintValidator(
            Class<A> constraintType, Class<T> targetType) {
        if (constraintType == Size.class && CharSequence.class.isAssignableFrom(ReflectionUtils.getWrapperType(targetType))) {
            return Optional.of((ConstraintValidator<A, T>) CHARACTER_LENGTH);
        }
        return super.findConstraintValidator(constraintType, targetType);
    }
}
