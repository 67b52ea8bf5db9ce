package org.corroborate.claim.suggestion;

import java.util.List;

/** The answer for one annotation: its id and the ranked passages of other sources, best first. */
public record Suggestions(long annotation, List<Suggestion> suggestions) {
}
