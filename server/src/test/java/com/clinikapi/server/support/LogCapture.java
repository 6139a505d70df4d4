package com.clinikapi.server.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Records every log event of the process (server included) while open. */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            // Fix the MDC (and the rest) now, on the logging thread: read later, it would be the reader's.
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** The events recorded so far, MDC included. */
    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /**
     * Each event as it would be written: the request id (from the MDC, when it was written while
     * serving a request), the formatted message, then any stack trace with its messages.
     */
    public List<String> lines() {
        return List.copyOf(appender.list).stream()
                .map(e -> requestIdOf(e) + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .toList();
    }

    private static String requestIdOf(ILoggingEvent event) {
        String requestId = event.getMDCPropertyMap().get("requestId");
        return requestId == null ? "" : "[" + requestId + "] ";
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
