package org.corroborate.project;

/** Published, inside the creating transaction, when a project is created: features give it their defaults. */
public record ProjectCreated(long projectId) {}
