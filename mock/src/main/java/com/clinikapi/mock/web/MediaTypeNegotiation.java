package com.clinikapi.mock.web;

import wiremock.org.eclipse.jetty.http.QuotedQualityCSV;

import java.util.List;
import java.util.Locale;

/**
 * Picks the media type of a response among those the spec documents for it: the one the client's
 * {@code Accept} prefers (so the TypeScript client's {@code application/fhir+json} is answered in
 * kind), else the spec's first, {@code application/json}. As on the service, the ranges are taken in
 * the order of their quality, a range with {@code q=0} (or a quality that is no number) is refused,
 * and an {@code Accept} that names nothing offered is answered in the first type rather than 406.
 * Jetty's parser reads the header, so a malformed one is only ignored.
 */
final class MediaTypeNegotiation {

    static final String JSON = "application/json";

    private MediaTypeNegotiation() {
    }

    static String choose(String acceptHeader, List<String> offered) {
        if (offered.isEmpty()) {
            return JSON;
        }
        if (acceptHeader != null) {
            QuotedQualityCSV ranges = new QuotedQualityCSV();
            ranges.addValue(acceptHeader);
            for (String range : ranges.getValues()) {
                int parameters = range.indexOf(';');
                String type = (parameters < 0 ? range : range.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
                if (offered.contains(type)) {
                    return type;
                }
                if ("*/*".equals(type) || "application/*".equals(type)) {
                    return offered.get(0);
                }
            }
        }
        return offered.get(0);
    }
}
