package org.corroborate.project;

/**
 * Published once in demo mode, after the demo projects and their members exist: the source
 * library fills them with the demo corpus.
 *
 * @param main the project holding the demo corpus (alice, bob, carol review; sam supervises)
 * @param second a smaller project only carol belongs to, as its supervisor and a reviewer
 */
public record DemoProjectsCreated(long main, long second) {}
