package org.corroborate.source;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A source's metadata together with its normalised text. */
public record SourceDetails(@JsonUnwrapped SourceSummary source, String text) {}
