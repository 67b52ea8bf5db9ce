package org.corroborate.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A piece another feature adds to the app frame ({@link MainLayout}), such as the project switcher,
 * so that the frame does not depend on that feature. Implementations are Spring beans; the frame
 * asks each for new components whenever it is built (once per browser tab and reload).
 */
public interface FrameExtension {

    /** A new component for the top bar, shown before the signed-in person's name; or null. */
    default Component navbarItem() {
        return null;
    }
}
