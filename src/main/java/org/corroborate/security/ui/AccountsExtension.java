package org.corroborate.security.ui;

import com.vaadin.flow.component.Component;
import java.util.function.Function;
import org.corroborate.security.AccountDetails;

/**
 * What another feature adds to the accounts page (the projects each account works in), so that
 * security does not depend on that feature. Implementations are Spring beans.
 */
public interface AccountsExtension {

    /** The header of this extension's column in the accounts grid. */
    String header();

    /**
     * The cells of this extension's column: called each time the page lists the accounts, so it may
     * read everything it needs once and answer each account from that.
     */
    Function<AccountDetails, Component> cells();

    /** A component shown under the page's title (a hint, a link elsewhere); or null. */
    default Component hint() {
        return null;
    }
}
