package org.corroborate.security;

/** The database has no accounts, demo mode is off, and the first administrator is not configured usably. */
public class FirstAdministratorException extends RuntimeException {

    FirstAdministratorException() {
        this("The database has no accounts and no administrator password is configured.");
    }

    FirstAdministratorException(String message) {
        super(message);
    }
}
