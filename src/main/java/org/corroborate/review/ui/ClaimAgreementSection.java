package org.corroborate.review.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Locale;
import org.corroborate.review.agreement.ClaimMembershipAgreement;

/**
 * The agreement page's "Claim membership" section: per pair of reviewers, on how many (claim, source)
 * items they were compared, how many they agreed on, the observed agreement and Cohen's kappa
 * (docs/agreement.md, "Claim membership"); "—" where a figure is undefined.
 */
class ClaimAgreementSection extends Div {

    ClaimAgreementSection(ClaimMembershipAgreement agreement) {
        setId("claim-agreement");
        addClassName("cb-claim-agreement");
        Paragraph about = new Paragraph();
        about.setId("claim-agreement-summary");
        about.addClassName("cb-muted");
        add(new H4("Claim membership"), about);
        if (agreement.pairs().isEmpty()) {
            about.setText(agreement.items() == 0
                    ? "No claim has members yet: there is nothing to compare."
                    : "No two reviewers take part in a source that a claim has members from: there is no pair to "
                    + "compare.");
            return;
        }
        about.setText(String.format(Locale.ROOT, "Cohen's kappa overall (mean over pairs): %s · %d claim-source items. "
                        + "An item is a claim with members from a source both reviewers take part in; each reviewer "
                        + "gives the stance of the members they added there, or silent.",
                format(agreement.kappa()), agreement.items()));
        Grid<ClaimMembershipAgreement.Pair> pairs = new Grid<>();
        pairs.setId("claim-agreement-pairs");
        pairs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        pairs.addColumn(p -> p.first() + " and " + p.second()).setHeader("Pair").setFlexGrow(3).setSortable(true);
        pairs.addColumn(ClaimMembershipAgreement.Pair::items).setHeader("Items").setAutoWidth(true).setFlexGrow(0)
                .setSortable(true);
        pairs.addColumn(ClaimMembershipAgreement.Pair::agreed).setHeader("Agreed").setAutoWidth(true).setFlexGrow(0);
        pairs.addColumn(p -> format(p.observed())).setHeader("Observed").setAutoWidth(true).setFlexGrow(0);
        pairs.addColumn(p -> format(p.kappa())).setHeader("Kappa").setAutoWidth(true).setFlexGrow(0)
                .setComparator(p -> p.kappa() == null ? Double.MAX_VALUE : p.kappa());
        pairs.addColumn(ClaimMembershipAgreement.Pair::sources).setHeader("Sources").setAutoWidth(true).setFlexGrow(0);
        pairs.setItems(agreement.pairs());
        pairs.setAllRowsVisible(true);
        add(pairs);
    }

    private static String format(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }
}
