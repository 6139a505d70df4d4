package com.clinikapi.contract.appointment;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.IssueType;
import com.clinikapi.contract.error.ValidationIssue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP: an appointment's {@code version} is its entity tag
 * ({@code ETag: "3"}), and {@code If-Match} makes a PATCH or DELETE apply only to that version.
 * {@code If-Match: *} matches any existing appointment; weak tags ({@code W/"3"}, which FHIR
 * clients send) are accepted as the same version.
 */
public final class VersionTags {

    /** One entity tag in a list: optional {@code W/}, then a quoted opaque value. */
    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"([\\x21\\x23-\\x7E]*)\"\\s*(?:,|$)");
    private static final ValidationIssue MALFORMED = ValidationIssue.value(ApiHeaders.IF_MATCH,
            "must be * or a list of entity tags such as \"3\"");
    private static final ValidationIssue STALE = new ValidationIssue(IssueType.CONFLICT, "version",
            "does not match the current version");

    private VersionTags() {
    }

    /** The {@code ETag} of an appointment at this version, e.g. {@code "3"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The precondition an {@code If-Match} value sets; null or absent means none.
     *
     * @throws ApiException 400 {@code INVALID_PARAMETER} naming {@code If-Match} when it is not
     *                      {@code *} or a list of entity tags
     */
    public static Precondition ifMatch(String header) {
        if (header == null) {
            return Precondition.NONE;
        }
        String value = header.strip();
        if (value.equals("*")) {
            return new Precondition(true, List.of());
        }
        List<String> tags = new ArrayList<>();
        Matcher matcher = TAG.matcher(value);
        int at = 0;
        while (at < value.length() && matcher.find(at) && matcher.start() == at) {
            tags.add(matcher.group(1));
            at = matcher.end();
        }
        if (tags.isEmpty() || at != value.length()) {
            throw ApiException.invalidParameter(MALFORMED);
        }
        return new Precondition(false, List.copyOf(tags));
    }

    /** 409 {@code VERSION_CONFLICT}: the appointment's version is not the one the request expected. */
    public static ApiException versionConflict() {
        return new ApiException(ErrorCode.VERSION_CONFLICT, List.of(STALE));
    }

    /**
     * What an {@code If-Match} header demands.
     *
     * @param any  {@code *}: any current version
     * @param tags the opaque values of the listed tags (without quotes or {@code W/})
     */
    public record Precondition(boolean any, List<String> tags) {

        public static final Precondition NONE = new Precondition(true, List.of());

        public boolean isMetBy(long version) {
            return any || tags.contains(Long.toString(version));
        }

        /** @throws ApiException 409 {@code VERSION_CONFLICT} unless the current version meets it */
        public void require(long currentVersion) {
            if (!isMetBy(currentVersion)) {
                throw versionConflict();
            }
        }
    }
}
