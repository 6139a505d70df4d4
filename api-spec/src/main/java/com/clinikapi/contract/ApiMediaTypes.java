package com.clinikapi.contract;

import java.util.Set;

/** The media types the contract accepts and produces. */
public final class ApiMediaTypes {

    public static final String JSON = "application/json";
    public static final String FHIR_JSON = "application/fhir+json";
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    /**
     * Accepted for PATCH only because the official TypeScript client labels its plain partial
     * object this way; the body is still merged, never read as an RFC 6902 operation list.
     */
    public static final String JSON_PATCH_JSON = "application/json-patch+json";

    /** Body types of POST. */
    public static final Set<String> CREATE_BODY = Set.of(JSON, FHIR_JSON);

    /** Body types of PATCH. */
    public static final Set<String> UPDATE_BODY = Set.of(JSON, FHIR_JSON, MERGE_PATCH_JSON, JSON_PATCH_JSON);

    private ApiMediaTypes() {
    }
}
