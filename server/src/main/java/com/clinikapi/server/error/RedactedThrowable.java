package com.clinikapi.server.error;

/**
 * A copy of an exception chain that keeps every class name and stack frame but no message, so the
 * trace can be logged without the request data a message might quote.
 */
final class RedactedThrowable extends RuntimeException {

    private final String originalClass;

    private RedactedThrowable(Throwable original, RedactedThrowable cause) {
        super(null, cause, false, true);
        this.originalClass = original.getClass().getName();
        setStackTrace(original.getStackTrace());
    }

    static RedactedThrowable of(Throwable original) {
        return copy(original, 0);
    }

    private static RedactedThrowable copy(Throwable t, int depth) {
        Throwable cause = t.getCause();
        RedactedThrowable redactedCause = cause == null || cause == t || depth > 20 ? null : copy(cause, depth + 1);
        return new RedactedThrowable(t, redactedCause);
    }

    @Override
    public String toString() {
        return originalClass + " (message redacted)";
    }
}
