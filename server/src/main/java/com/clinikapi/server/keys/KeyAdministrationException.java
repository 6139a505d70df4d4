package com.clinikapi.server.keys;

/** An operator's request about keys that cannot be carried out; the message says why, never a secret. */
public class KeyAdministrationException extends RuntimeException {

    public KeyAdministrationException(String message) {
        super(message);
    }
}
