package com.clinikapi.mock.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OpenAPI path templates such as {@code /v1/appointments/{id}}. */
final class PathTemplates {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private PathTemplates() {
    }

    /** A pattern matching a request path, one capturing group per template parameter. */
    static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder("^");
        Matcher matcher = PARAMETER.matcher(template);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(last, matcher.start()))).append("([^/]+)");
            last = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append('$');
        return Pattern.compile(regex.toString());
    }

    static List<String> parameterNames(String template) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Literal segments first, so {@code /a/b} wins over {@code /a/{x}}. */
    static int literalSegments(String template) {
        int count = 0;
        for (String segment : template.split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("{")) {
                count++;
            }
        }
        return count;
    }
}
