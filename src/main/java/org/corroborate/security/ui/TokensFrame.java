package org.corroborate.security.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.corroborate.base.ui.FrameExtension;
import org.springframework.stereotype.Component;

/** The API tokens page in the account menu of the app frame. */
@Component
class TokensFrame implements FrameExtension {

    @Override
    public AccountMenuEntry accountMenuEntry() {
        return new AccountMenuEntry("account-menu-tokens", "API tokens", VaadinIcon.KEY, TokensView.class);
    }
}
