package org.corroborate.security;

/**
 * A person's sessions on this node have just been ended (their account was disabled, its roles changed
 * or its password reset, here or on another node): their open UIs must stop at once.
 */
public record SessionsEnded(String username) {}
