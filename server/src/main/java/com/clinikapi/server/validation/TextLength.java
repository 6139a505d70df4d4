package com.clinikapi.server.validation;

/** Text length as the spec measures it: in characters (Unicode code points), not UTF-16 units. */
final class TextLength {

    private TextLength() {
    }

    static int of(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }

    static boolean withinSize(CharSequence text, int min, int max) {
        int length = of(text);
        return length >= min && length <= max;
    }
}
