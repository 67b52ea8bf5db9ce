package org.corroborate.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchProperties;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The frame around every signed-in view: product name, navigation, who is signed in, the demo marker,
 * the {@link DisplaySettings} (colours, text size, density), the error pages ({@link NotFoundView},
 * {@link NotAllowedView}), and what other features add to the top bar through {@link FrameExtension}s (the project switcher).
 */
@Layout
@PermitAll
// Vaadin loads a web component with the first view that uses it; what FrameExtensions put into the
// bar must be loaded with the frame itself, on every page. The project switcher is a Select; the
// display settings a Popover of radio buttons.
@Uses(Select.class)
@Uses(Popover.class)
@Uses(RadioButtonGroup.class)
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication, WorkbenchProperties properties,
                      List<FrameExtension> extensions) {
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(properties.demo()), navigation());
        addToNavbar(new DrawerToggle());
        extensions.stream().map(FrameExtension::navbarItem).filter(Objects::nonNull).forEach(this::addToNavbar);
        List<FrameExtension.AccountMenuEntry> entries = extensions.stream().map(FrameExtension::accountMenuEntry)
                .filter(Objects::nonNull).toList();
        addToNavbar(spacer(), new DisplaySettings(), userMenu(authentication, entries));
    }

    private static Div brand(boolean demo) {
        Span name = new Span("Corroborate");
        name.addClassName("cb-brand-name");
        Div brand = new Div(name);
        brand.addClassName("cb-brand");
        if (demo) {
            Span marker = new Span("Demo");
            marker.setId("demo-marker");
            marker.addClassName("cb-demo-marker");
            marker.getElement().setAttribute("title", "Demo mode: demo accounts and texts, password 'demo'");
            brand.add(marker);
        }
        return brand;
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addClassName("cb-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        });
        return nav;
    }

    private static Div spacer() {
        Div spacer = new Div();
        spacer.getStyle().set("flex-grow", "1");
        return spacer;
    }

    /**
     * Who is signed in, as the account menu's button (their avatar, name and roles; the menu holds what
     * {@link FrameExtension#accountMenuEntry()} beans add, such as API tokens), and Sign out.
     */
    private static HorizontalLayout userMenu(AuthenticationContext authentication,
                                             List<FrameExtension.AccountMenuEntry> entries) {
        HorizontalLayout menu = new HorizontalLayout();
        menu.setAlignItems(FlexComponent.Alignment.CENTER);
        menu.addClassName("cb-user");
        authentication.getAuthenticatedUser(UserDetails.class)
                .ifPresent(user -> {
                    Avatar avatar = new Avatar(user.getUsername());
                    avatar.addThemeName("small");
                    // The person's own initials and colour, as colleagues see them in the workspace.
                    PersonMark mark = PersonMark.of(user.getUsername());
                    avatar.setAbbreviation(mark.initials());
                    avatar.setColorIndex(0);
                    avatar.getStyle().set("--vaadin-user-color-0", mark.color());
                    avatar.setId("current-user-avatar");
                    Span name = new Span(user.getUsername());
                    name.setId("current-user");
                    name.addClassName("cb-user-name");
                    Span roles = new Span(user.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .flatMap(a -> Role.ofAuthority(a).stream())
                            .map(r -> r.name().toLowerCase())
                            .collect(Collectors.joining(", ")));
                    roles.addClassName("cb-user-roles");
                    Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
                    signOut.setId("sign-out");
                    signOut.setAriaLabel("Sign out"); // its label is hidden on a phone, its name stays
                    signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    if (entries.isEmpty()) {
                        menu.add(avatar, name, roles, signOut);
                    } else {
                        menu.add(accountMenu(user.getUsername(), entries, avatar, name, roles), signOut);
                    }
                });
        return menu;
    }

    /** The avatar, name and roles as one button that opens the account menu. */
    private static Button accountMenu(String username, List<FrameExtension.AccountMenuEntry> entries,
                                      Component... shown) {
        Button button = new Button();
        button.setId("account-menu");
        button.addClassName("cb-account-menu");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        // Named by what it shows (the name and roles), as axe requires; the title and the popup say the rest.
        button.getElement().setAttribute("title", "Account menu of " + username);
        button.getElement().setAttribute("aria-haspopup", "menu");
        for (Component part : shown) {
            button.getElement().appendChild(part.getElement());
        }
        button.getElement().appendChild(VaadinIcon.CHEVRON_DOWN_SMALL.create().getElement());
        ContextMenu menu = new ContextMenu(button);
        menu.setOpenOnClick(true);
        for (FrameExtension.AccountMenuEntry entry : entries) {
            MenuItem item = menu.addItem(entry.label(), e -> UI.getCurrent().navigate(entry.view()));
            item.setId(entry.id());
            if (entry.icon() != null) {
                item.addComponentAsFirst(entry.icon().create());
            }
        }
        return button;
    }
}
