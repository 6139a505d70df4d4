package com.clinikapi.mock.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scenarios one mock was put into for the test running on a thread ({@link ClinikScenario},
 * {@link ClinikMockExtension#forceScenario(MockScenario, String)}), which the extension removes when
 * the test ends. Like {@link TestKeys}, it relies on JUnit running a test's {@code @BeforeEach}, body
 * and {@code @AfterEach} on one thread.
 */
final class TestScenarios {

    private final ThreadLocal<Set<String>> ofRunningTest = new ThreadLocal<>();

    void begin() {
        ofRunningTest.set(new LinkedHashSet<>());
    }

    /** Records a scenario set on this thread while a test runs; outside a test, nothing. */
    void added(String scenarioId) {
        Set<String> current = ofRunningTest.get();
        if (current != null) {
            current.add(scenarioId);
        }
    }

    /** The scenarios set during the test; the test ends on this thread. */
    Set<String> end() {
        Set<String> current = ofRunningTest.get();
        ofRunningTest.remove();
        return current == null ? Set.of() : current;
    }

    /** The scenarios a test is annotated with: its outermost class's first, then nested classes', then the method's. */
    static List<MockScenario> annotated(ExtensionContext context) {
        List<AnnotatedElement> elements = new ArrayList<>();
        context.getTestMethod().ifPresent(elements::add);
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            elements.add(0, type);
        }
        return elements.stream()
                .flatMap(element -> AnnotationSupport.findRepeatableAnnotations(element, ClinikScenario.class).stream())
                .map(MockScenario::of)
                .toList();
    }
}
