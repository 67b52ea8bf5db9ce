package org.corroborate.claim.drift;

import java.util.List;

/**
 * One kind of detail on which a claim's members disagree, with each member's value: the
 * {@code drift} items of {@code GET /api/claims/{id}}. Equal details (also "seventeen" and "17")
 * are not drift and make no item.
 *
 * @param kind   one of {@code number}, {@code age}, {@code date}, {@code duration}, {@code person},
 *               {@code organisation}
 * @param values one value per member that states a detail of this kind, in the order of the excerpts given
 */
public record Drift(String kind, List<DriftValue> values) {

    public Drift {
        values = List.copyOf(values);
    }
}
