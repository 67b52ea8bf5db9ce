package org.corroborate.source;

/**
 * Published when a supervisor turns blind mode on or off for a source, so that views already open
 * on it can show or hide colleagues' work at once (after the change commits).
 */
public record BlindModeChanged(long sourceId, boolean blind) {}
