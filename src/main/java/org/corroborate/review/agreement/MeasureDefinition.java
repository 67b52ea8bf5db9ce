package org.corroborate.review.agreement;

/**
 * What an agreement measure is and supports, as {@link AgreementMeasure} declares it: for the
 * dashboard's choices, tooltips and table columns, and for {@code GET /api/agreement/measures}.
 * {@code scope} says which sources and reviewers a figure covers and when it is null.
 */
public record MeasureDefinition(String id, String title, String description, String unit, Range range,
                                String incomplete, String scope, boolean pairwise, boolean perLabel, boolean onDashboard,
                                boolean inSourceTable) {

    /** The values a measure gives, from {@code min} to {@code max} (1 is full agreement), and what they mean. */
    public record Range(double min, double max, String meaning) {

        /** Span F1 and the like: a share of matches. */
        public static final Range SHARE = new Range(0, 1,
                "1: both made the same spans; 0: no span in common.");

        /** Chance-corrected coefficients (the kappas, alpha): 0 is what chance alone would give. */
        public static final Range CHANCE_CORRECTED = new Range(-1, 1,
                "1: perfect agreement; 0: no better than chance; below 0: worse than chance.");
    }

    /** The definition a measure declares. */
    public static MeasureDefinition of(AgreementMeasure measure) {
        return new MeasureDefinition(measure.id(), measure.title(), measure.description(), measure.unit(),
                measure.range(), measure.incomplete(), measure.scope(), measure.pairwise(), measure.perLabel(), measure.onDashboard(),
                measure.inSourceTable());
    }

    /** The tooltip: what the measure counts, then what its values mean. */
    public String explanation() {
        return description() + " " + range().meaning();
    }
}
