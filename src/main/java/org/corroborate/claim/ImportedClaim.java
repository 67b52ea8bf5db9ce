package org.corroborate.claim;

import java.util.List;

/**
 * A claim as an exchange file carries it: its statement, who made it, and its members (annotation ids
 * of this workbench, that is, as the import made them).
 */
public record ImportedClaim(String statement, String createdBy, List<ImportedMember> members) {

    public ImportedClaim {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
