package com.clinikapi.contract.auth;

/** Which world a key acts on. Live and test data never see each other, even within one tenant. */
public enum Mode {
    LIVE("clk_live_"),
    TEST("clk_test_");

    private final String keyPrefix;

    Mode(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public String keyPrefix() {
        return keyPrefix;
    }
}
