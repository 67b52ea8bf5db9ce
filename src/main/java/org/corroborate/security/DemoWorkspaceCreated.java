package org.corroborate.security;

/** Published once, when demo mode has filled an empty database with the demo accounts. */
public record DemoWorkspaceCreated() {}
