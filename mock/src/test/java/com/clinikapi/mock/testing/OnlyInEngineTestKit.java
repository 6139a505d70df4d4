package com.clinikapi.mock.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a partner's test class only when a test runs it through JUnit's {@code EngineTestKit} (which
 * sets {@value #PARAMETER}): such classes fail on purpose, so the build itself must never run them.
 */
public final class OnlyInEngineTestKit implements ExecutionCondition {

    public static final String PARAMETER = "clinikapi.test.engineTestKit";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(PARAMETER).map(Boolean::parseBoolean).orElse(false)
                ? ConditionEvaluationResult.enabled("run by a test")
                : ConditionEvaluationResult.disabled("a partner's test class, run by another test through EngineTestKit");
    }
}
