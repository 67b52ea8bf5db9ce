package org.corroborate.review;

/** Where one reviewer stands with one source. */
public enum ReviewState {
    NOT_STARTED("Not started"),
    IN_PROGRESS("In progress"),
    SUBMITTED("Submitted");

    private final String title;

    ReviewState(String title) {
        this.title = title;
    }

    /** The state's name for people, the same on every page: "Not started", "In progress", "Submitted". */
    public String title() {
        return title;
    }
}
