package com.clinikapi.contract.suite.target;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the target when the JUnit Platform session ends, after every engine (Jupiter and jqwik) has
 * run, and writes the run's coverage record. Registered through {@code META-INF/services}.
 */
public final class TargetSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Targets.stop();
    }
}
