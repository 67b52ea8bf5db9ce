package org.corroborate.base.ui;

import com.vaadin.flow.router.NotFoundException;

/**
 * What a view reroutes to when its id names nothing the signed-in person may read (no such source,
 * or one of a project they are not in: the two look the same): the framed 404 page
 * ({@link NotFoundView}) with the view's own heading, e.g. "No such source".
 */
public class NoSuchObject extends NotFoundException {

    private final String heading;

    /**
     * @param heading what is missing, as a heading ("No such source")
     * @param message the sentence under it, written for a person ("There is no source with id 7.")
     */
    public NoSuchObject(String heading, String message) {
        super(message);
        this.heading = heading;
    }

    public String heading() {
        return heading;
    }
}
