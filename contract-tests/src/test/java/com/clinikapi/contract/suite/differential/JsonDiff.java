package com.clinikapi.contract.suite.differential;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Where two JSON documents differ, as JSON pointers with both values, for a readable drift report. */
final class JsonDiff {

    private static final int MAX_VALUE = 160;

    private JsonDiff() {
    }

    static List<String> differences(JsonNode left, JsonNode right, String leftName, String rightName) {
        List<String> out = new ArrayList<>();
        collect("", left, right, leftName, rightName, out);
        return out;
    }

    private static void collect(String pointer, JsonNode left, JsonNode right, String leftName, String rightName,
                                List<String> out) {
        if (left != null && right != null && left.isObject() && right.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            left.fieldNames().forEachRemaining(names::add);
            right.fieldNames().forEachRemaining(names::add);
            names.forEach(n -> collect(pointer + "/" + n, left.get(n), right.get(n), leftName, rightName, out));
        } else if (left != null && right != null && left.isArray() && right.isArray() && left.size() == right.size()) {
            for (int i = 0; i < left.size(); i++) {
                collect(pointer + "/" + i, left.get(i), right.get(i), leftName, rightName, out);
            }
        } else if (left == null || !left.equals(right)) {
            out.add((pointer.isEmpty() ? "/" : pointer) + ": " + leftName + "=" + show(left) + "  " + rightName + "=" + show(right));
        }
    }

    private static String show(JsonNode value) {
        if (value == null) {
            return "(absent)";
        }
        String text = value.toString();
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "…" : text;
    }
}
