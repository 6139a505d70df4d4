package com.clinikapi.mock.web;

import com.clinikapi.contract.error.ApiException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Splits a request URL into its path and its decoded query parameters (first value of each). */
final class QueryStrings {

    private QueryStrings() {
    }

    static String path(String url) {
        int question = url.indexOf('?');
        return question < 0 ? url : url.substring(0, question);
    }

    static Map<String, String> parameters(String url) {
        int question = url.indexOf('?');
        Map<String, String> parameters = new LinkedHashMap<>();
        if (question < 0) {
            return parameters;
        }
        for (String pair : url.substring(question + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(UriIssues.UNDECODABLE_QUERY);
        }
    }
}
