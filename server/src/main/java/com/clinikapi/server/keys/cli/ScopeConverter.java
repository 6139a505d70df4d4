package com.clinikapi.server.keys.cli;

import com.clinikapi.server.auth.Scope;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code appointments:read} and the like. */
final class ScopeConverter implements ITypeConverter<Scope> {

    @Override
    public Scope convert(String value) {
        return Scope.fromWire(value).orElseThrow(() -> new TypeConversionException("unknown scope; use "
                + Arrays.stream(Scope.values()).map(Scope::wire).collect(Collectors.joining(" or "))));
    }
}
