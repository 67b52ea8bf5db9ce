package org.corroborate.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.corroborate.base.Provenance;

/**
 * A colleague's verdict on an exported span in full: who judged, the verdict (AGREE, DISAGREE or
 * UNSURE), the comment (or null), when it was first given and last changed, and for an imported
 * verdict who imported it, when and from which file (left out for verdicts given here).
 */
public record ExportedVerdict(String reviewer, String verdict, String comment, Instant created, Instant modified,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Provenance imported) {}
