package com.clinikapi.mock.validation;

import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What of a response's status, media type and body the spec does not allow for one operation,
 * worded as the validator's message keys with where they apply: its own texts would quote the
 * response's values. Headers are not judged here: this is how a partner's stub is checked, and
 * the headers a stub sends are its author's business.
 */
public final class ResponseFindings {

    private static final String HEADER_FINDINGS = "validation.response.header";

    private final SpecValidator validator;

    public ResponseFindings(SpecValidator validator) {
        this.validator = validator;
    }

    /**
     * @param contentType the response's {@code Content-Type}, or null
     * @param body        the response's body, or null if it has none
     */
    public List<String> of(String path, String method, int status, String contentType, byte[] body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null && body.length > 0) {
            response.withBody(new String(body, StandardCharsets.UTF_8));
        }
        return validator.validateResponse(path, method, response.build()).getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !message.getKey().startsWith(HEADER_FINDINGS))
                .map(ResponseFindings::describe)
                .distinct()
                .toList();
    }

    /** The message key and where it applies. */
    static String describe(ValidationReport.Message message) {
        String where = message.getContext()
                .flatMap(ValidationReport.MessageContext::getPointers)
                .map(pointers -> pointers.getInstance())
                .orElse("");
        return where.isEmpty() ? message.getKey() : message.getKey() + " at " + where;
    }
}
