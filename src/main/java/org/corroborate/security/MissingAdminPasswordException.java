package org.corroborate.security;

/** The database has no accounts, demo mode is off, and no first administrator password is configured. */
public class MissingAdminPasswordException extends RuntimeException {

    MissingAdminPasswordException() {
        this("The database has no accounts and no administrator password is configured.");
    }

    MissingAdminPasswordException(String message) {
        super(message);
    }
}
