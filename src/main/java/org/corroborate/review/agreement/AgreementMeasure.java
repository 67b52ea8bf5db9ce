package org.corroborate.review.agreement;

/**
 * One agreement measure: one class behind this interface, collected by Spring in the order of its
 * {@link org.springframework.core.annotation.Order @Order}. It declares what it is and what it
 * supports, and the API, the dashboard and the per-source table list it from that alone, so adding
 * a measure touches nothing else.
 */
public interface AgreementMeasure {

    /** A stable id, used in the API ({@code measures[].measure}) and as the table column's key. */
    String id();

    /** The name people read on the dashboard and in the API's {@code title}. */
    String title();

    /** One sentence on what the measure counts, for a tooltip. */
    String description();

    /** What it counts as one item: "span", "character", "code point continuum". */
    String unit();

    /** The values it gives and what they mean. */
    MeasureDefinition.Range range();

    /** How it treats positions only some reviewers annotated, as the API's {@code incomplete} says. */
    String incomplete();

    /**
     * Which sources and reviewers a figure covers, and when it is null (undefined): one or two
     * sentences shown beside every figure, in the API ({@code scope}) and on the dashboard.
     */
    default String scope() {
        return pairwise()
                ? "A pair: the sources both took part in; null if they shared none or there is nothing to compare."
                : "Each source with its own participants (fewer than two: it adds nothing); null if nothing is compared.";
    }

    /** Whether it gives a figure for each pair of reviewers (the dashboard's heat map needs these). */
    boolean pairwise();

    /** Whether it gives a figure for each label (the dashboard's bars). */
    default boolean perLabel() {
        return true;
    }

    /**
     * Whether the dashboard offers it in its choice of measure; by default every measure is (the
     * heat map shows pairwise ones, the overall and per-label figures the others).
     */
    default boolean onDashboard() {
        return true;
    }

    /**
     * Whether the per-source table gives it a column; it is then computed for each source on its
     * own, so a measure that is slow on many small studies should leave this off.
     */
    default boolean inSourceTable() {
        return false;
    }

    /** The figures over the study; a figure is null where it is undefined. */
    MeasureResult measure(AgreementStudy study);
}
