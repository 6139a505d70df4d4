package com.clinikapi.mock.web;

import com.clinikapi.contract.error.ValidationIssue;

/** The issues of a request whose path or query does not decode; never quoting what was sent. */
public final class UriIssues {

    public static final ValidationIssue UNDECODABLE_PATH =
            ValidationIssue.structure("path", "must be a valid percent-encoded URL path");
    public static final ValidationIssue UNDECODABLE_QUERY =
            ValidationIssue.structure("query", "must be percent-encoded UTF-8");

    private UriIssues() {
    }
}
