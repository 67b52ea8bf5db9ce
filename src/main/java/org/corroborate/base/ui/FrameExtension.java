package org.corroborate.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * A piece another feature adds to the app frame ({@link MainLayout}), such as the project switcher
 * or the API tokens page in the account menu, so that the frame does not depend on that feature.
 * Implementations are Spring beans; the frame asks each for new components whenever it is built
 * (once per browser tab and reload).
 */
public interface FrameExtension {

    /** A new component for the top bar, shown before the signed-in person's name; or null. */
    default Component navbarItem() {
        return null;
    }

    /** An entry of the account menu (opened from the signed-in person's name in the top bar); or null. */
    default AccountMenuEntry accountMenuEntry() {
        return null;
    }

    /**
     * One entry of the account menu: what it says, its icon, and the view it opens.
     *
     * @param id the entry's element id, for tests and links ({@code account-menu-tokens})
     */
    record AccountMenuEntry(String id, String label, VaadinIcon icon, Class<? extends Component> view) {}
}
