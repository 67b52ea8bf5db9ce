package org.corroborate.claim.drift;

import java.util.List;

/**
 * Finds the details on which the members of one claim disagree (numbers, ages, dates, durations,
 * people's names, organisations). The claim service asks it for every claim it shows in full;
 * the implementation is a Spring bean.
 */
public interface DriftDetector {

    /**
     * The drift among the given excerpts: at most one {@link Drift} per kind, kinds in a fixed order
     * (number, age, date, duration, person, organisation); empty when fewer than two excerpts state a
     * detail of any one kind, or when all that do agree. Never throws on odd text.
     */
    List<Drift> drift(List<Excerpt> excerpts);
}
