package com.clinikapi.mock.validation;

import com.clinikapi.contract.ApiLimits;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.mock.spec.ContractOperation;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Reads a request body the way the service does, before schema validation: too large is
 * {@code 413}, a media type the operation does not accept {@code 415}, empty or not a JSON object
 * {@code 400 MALFORMED_JSON}. The accepted media types are the operation's, from the spec.
 */
public final class JsonBodyReader {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The parsed body; never null for an operation that takes one. */
    public JsonNode read(ContractOperation operation, byte[] body, String contentTypeHeader) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > ApiLimits.MAX_BODY_BYTES) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE);
        }
        String mediaType = baseMediaType(contentTypeHeader);
        if (mediaType != null && !operation.requestMediaTypes().contains(mediaType)) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        if (isBlank(bytes)) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, List.of(SchemaViolations.missingBody()));
        }
        if (mediaType == null) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        try {
            JsonNode node = STRICT.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw malformed();
            }
            return node;
        } catch (JacksonException e) {
            throw malformed();
        } catch (IOException e) {
            throw malformed();
        }
    }

    /** {@code application/json; charset=utf-8} → {@code application/json}; null when absent. */
    public static String baseMediaType(String contentTypeHeader) {
        if (contentTypeHeader == null || contentTypeHeader.isBlank()) {
            return null;
        }
        int semicolon = contentTypeHeader.indexOf(';');
        String base = semicolon < 0 ? contentTypeHeader : contentTypeHeader.substring(0, semicolon);
        return base.trim().toLowerCase(Locale.ROOT);
    }

    private static ApiException malformed() {
        return new ApiException(ErrorCode.MALFORMED_JSON, List.of(SchemaViolations.malformedJson()));
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
