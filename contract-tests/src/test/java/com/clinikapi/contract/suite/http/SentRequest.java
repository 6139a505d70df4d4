package com.clinikapi.contract.suite.http;

import java.util.List;

/**
 * What the central client sent, as far as the response checks need it.
 *
 * @param accept           the Accept header sent, or null
 * @param submittedValues  strings the client submitted (body values and names, query values, path
 *                         segments) that an error body must not echo
 * @param allowServerError whether the test deliberately asked for a 5xx (the mock's scenarios)
 */
public record SentRequest(String method, String path, String accept, List<String> submittedValues,
                          boolean allowServerError) {
}
