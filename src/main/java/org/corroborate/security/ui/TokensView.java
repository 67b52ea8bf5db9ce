package org.corroborate.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.Notifications;
import org.corroborate.security.ApiTokenService;
import org.corroborate.security.CreatedToken;
import org.corroborate.security.NewToken;
import org.corroborate.security.TokenDetails;

/**
 * The signed-in person's API tokens (route {@code tokens}, from the account menu): make one (name,
 * scope, expiry; the token is shown once, with a copy button), list them, revoke one. Administrators
 * may show everyone's tokens and revoke any.
 */
@Route("tokens")
@PageTitle("API tokens · Corroborate")
@PermitAll
public class TokensView extends VerticalLayout {

    /** The expiry a new token is offered: in 90 days. */
    static final int DEFAULT_DAYS = 90;
    /** Below this window width, in CSS pixels, the grid shows only each token's name and status. */
    static final int NARROW = 700;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ApiTokenService tokens;
    private final Clock clock;
    private final Grid<TokenDetails> grid = new Grid<>();
    private final Checkbox everyone = new Checkbox("Everyone's tokens");
    private final Paragraph empty = new Paragraph("You have no API tokens yet.");

    public TokensView(ApiTokenService tokens, CurrentActor actor, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        addClassName("cb-tokens");
        setSizeFull();
        Button create = new Button("New token", VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.setId("new-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout top = new HorizontalLayout(new H2("API tokens"), create);
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);

        Paragraph about = new Paragraph();
        about.add(new Span("A token lets a script use the API as you, within its scope: send it as "),
                new Code("Authorization: Bearer TOKEN"), new Span(". It is shown once, when you make it; the "
                        + "workbench keeps only its fingerprint (SHA-256). Revoke a token you no longer use: it stops "
                        + "working at once."));
        about.addClassName("cb-muted");
        about.addClassName("cb-tokens-about");

        everyone.setId("all-tokens");
        everyone.setVisible(actor.has(Role.ADMIN));
        everyone.addValueChangeListener(e -> refresh());

        grid.setId("tokens");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_NO_BORDER);
        grid.addColumn(TokenDetails::name).setHeader("Name").setKey("name").setFlexGrow(1).setWidth("5rem")
                .setTooltipGenerator(TokenDetails::name);
        grid.addColumn(TokenDetails::owner).setHeader("Owner").setKey("owner").setWidth("8rem").setFlexGrow(0)
                .setVisible(false);
        grid.addColumn(t -> t.writes() ? "Read and write" : "Read").setHeader("Scope").setKey("scope")
                .setWidth("9rem").setFlexGrow(0);
        grid.addColumn(t -> DAY.format(t.createdAt())).setHeader("Created").setKey("created").setWidth("8rem")
                .setFlexGrow(0);
        grid.addColumn(t -> t.expiresAt() == null ? "Never" : DAY.format(t.expiresAt())).setHeader("Expires")
                .setKey("expires").setWidth("8rem").setFlexGrow(0);
        grid.addColumn(t -> t.lastUsedAt() == null ? "Never" : MINUTE.format(t.lastUsedAt())).setHeader("Last used")
                .setKey("last-used").setWidth("13rem").setFlexGrow(0);
        grid.addComponentColumn(TokensView::status).setHeader("Status").setKey("status").setWidth("6.25rem")
                .setFlexGrow(0);
        grid.addComponentColumn(this::revokeButton).setHeader("").setKey("actions").setWidth("6.25rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.setAllRowsVisible(false);
        empty.setId("no-tokens");
        empty.addClassName("cb-muted");
        add(top, about, everyone, empty, grid);
        refresh();
        // On a phone the grid keeps what matters for revoking: the name and the status.
        addAttachListener(e -> {
            e.getUI().getPage().retrieveExtendedClientDetails(details -> narrow(details.getWindowInnerWidth()));
            var resizing = e.getUI().getPage().addBrowserWindowResizeListener(resize -> narrow(resize.getWidth()));
            addDetachListener(detach -> {
                resizing.remove();
                detach.unregisterListener();
            });
        });
    }

    private void narrow(int width) {
        boolean wide = width >= NARROW;
        for (String key : List.of("scope", "created", "expires", "last-used")) {
            grid.getColumnByKey(key).setVisible(wide);
        }
    }

    private static Span status(TokenDetails token) {
        Span status = new Span(switch (token.status()) {
            case ACTIVE -> "Active";
            case EXPIRED -> "Expired";
            case REVOKED -> "Revoked";
        });
        status.addClassName(token.status() == TokenDetails.Status.ACTIVE ? "cb-status-active" : "cb-status-disabled");
        return status;
    }

    private Button revokeButton(TokenDetails token) {
        Button revoke = new Button("Revoke", e -> confirmRevoke(token));
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revoke.addClassName("cb-token-revoke");
        revoke.getElement().setAttribute("data-token", token.name());
        revoke.setAriaLabel("Revoke the token " + token.name());
        revoke.setVisible(token.status() == TokenDetails.Status.ACTIVE);
        return revoke;
    }

    private void confirmRevoke(TokenDetails token) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Revoke the token “" + token.name() + "”?");
        dialog.setWidth("min(32rem, 95vw)");
        dialog.add(new Paragraph("Scripts that send it get 401 from their next request on, on every node. "
                + "This cannot be undone; make a new token if you need one again."));
        Button revoke = new Button("Revoke token", e -> {
            try {
                tokens.revoke(token.id());
                Notifications.success("Revoked the token " + token.name());
            } catch (WorkbenchException ex) {
                Notifications.error(ex.getMessage());
            }
            dialog.close();
            refresh();
        });
        revoke.setId("token-revoke-confirm");
        revoke.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), revoke);
        dialog.open();
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("token-dialog");
        dialog.setHeaderTitle("New API token");
        dialog.setWidth("min(34rem, 95vw)");
        TextField name = new TextField("Name");
        name.setId("token-name");
        name.setHelperText("What the token is for, such as “nightly export”");
        name.setMaxLength(ApiTokenService.MAX_NAME_LENGTH);
        name.setWidthFull();
        RadioButtonGroup<String> scope = new RadioButtonGroup<>("Scope");
        scope.setId("token-scope");
        scope.setItems("read", "write");
        scope.setItemLabelGenerator(s -> s.equals("read") ? "Read: GET and HEAD only" : "Read and write: every call");
        scope.setValue("read");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        DatePicker expires = new DatePicker("Works until (end of the day, UTC)");
        expires.setId("token-expires");
        // One unambiguous form for every reader (3/1/2027 is March in one country, January in another).
        expires.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        expires.setMin(today);
        expires.setValue(today.plusDays(DEFAULT_DAYS));
        expires.setClearButtonVisible(true);
        expires.setHelperText("Leave empty for a token that never expires");
        expires.setWidthFull();
        Paragraph error = new Paragraph();
        error.setId("form-error");
        error.addClassName("cb-form-error");
        error.setVisible(false);
        VerticalLayout form = new VerticalLayout(error, name, scope, expires);
        form.setPadding(false);
        dialog.add(form);
        Button cancel = new Button("Cancel", e -> dialog.close());
        Button create = new Button("Create token", e -> {
            try {
                Instant until = expires.getValue() == null ? null
                        : expires.getValue().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                CreatedToken created = tokens.create(new NewToken(name.getValue(), List.of(scope.getValue()), until));
                refresh();
                showOnce(dialog, created);
            } catch (WorkbenchException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            }
        });
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, create);
        dialog.open();
        name.focus();
    }

    /** Replaces the form by the new token, shown this once, with a button that copies it. */
    private void showOnce(Dialog dialog, CreatedToken created) {
        dialog.removeAll();
        dialog.getFooter().removeAll();
        dialog.setHeaderTitle("Token “" + created.details().name() + "” created");
        Paragraph warning = new Paragraph("Copy the token now and keep it somewhere safe: it is shown only this once. "
                + "Anyone who holds it can act as you within its scope.");
        warning.addClassName("cb-token-warning");
        TextArea value = new TextArea("Token");
        value.setId("token-value");
        value.setValue(created.token());
        value.setReadOnly(true);
        value.setWidthFull();
        value.addClassName("cb-token-value");
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), e -> {
            e.getSource().getElement().executeJs("return navigator.clipboard.writeText($0)", value.getValue())
                    .then(ok -> Notifications.success("Token copied"),
                            failure -> Notifications.warning("The browser did not let the page copy; "
                                    + "select the token and copy it yourself."));
        });
        copy.setId("token-copy");
        HorizontalLayout row = new HorizontalLayout(value, copy);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.END);
        row.expand(value);
        Button done = new Button("Done", e -> dialog.close());
        done.setId("token-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(warning, row);
        dialog.getFooter().add(done);
        // The token lives in this session only while the dialog is open.
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                value.clear();
                dialog.removeAll();
            }
        });
    }

    private void refresh() {
        boolean all = everyone.isVisible() && everyone.getValue();
        List<TokenDetails> shown = all ? tokens.all() : tokens.mine();
        grid.getColumnByKey("owner").setVisible(all);
        grid.setItems(shown);
        empty.setVisible(shown.isEmpty());
        grid.setVisible(!shown.isEmpty());
    }
}
