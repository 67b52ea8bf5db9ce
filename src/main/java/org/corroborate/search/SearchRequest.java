package org.corroborate.search;

import java.time.LocalDate;

/**
 * One search as the API and the UI ask it. Every filter is optional (null: no filter).
 *
 * @param q             the query text: words (AND), {@code "phrases"}, {@code prefix*} (3+ letters),
 *                      {@code OR}, {@code -word} or {@code NOT word}, parentheses; at most 1,000 characters
 * @param kind          only text hits or only annotation hits; null for both
 * @param project       a project id the caller is a member of
 * @param source        a source id
 * @param label         an annotation label name (e.g. {@code QUOTE})
 * @param attribute     {@code name=value}: an attribute of the annotation, exact value
 * @param author        an annotation's author (username)
 * @param status        the author's review status on the annotation's source ({@code IN_PROGRESS},
 *                      {@code SUBMITTED}, ...: {@code review.ReviewState} names)
 * @param decision      {@code accepted}, {@code rejected} or {@code undecided}: the supervisors' decision
 * @param layer         {@code reviewers} (everyone's annotations) or {@code gold} (accepted into gold)
 * @param publishedFrom sources published on or after this day
 * @param publishedTo   sources published on or before this day
 * @param page          0-based page number
 * @param size          hits per page, 1 to 100
 */
public record SearchRequest(String q, SearchKind kind, Long project, Long source, String label, String attribute,
                            String author, String status, String decision, String layer, LocalDate publishedFrom,
                            LocalDate publishedTo, int page, int size) {
}
