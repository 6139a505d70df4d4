package com.clinikapi.contract.error;

/** FHIR issue types used in an error's {@code issues[].code}. */
public enum IssueType {
    REQUIRED("required"),
    VALUE("value"),
    STRUCTURE("structure"),
    BUSINESS_RULE("business-rule"),
    CONFLICT("conflict");

    private final String code;

    IssueType(String code) {
        this.code = code;
    }

    /** The wire value. */
    public String code() {
        return code;
    }
}
