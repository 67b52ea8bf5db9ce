package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.corroborate.base.CurrentActor;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.testing.Api;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API tokens page as a person uses it: from the account menu, make a token (name, scope, expiry),
 * see it once and copy it, use it from a script, revoke it (the script gets 401 at once); an
 * administrator sees and revokes everyone's tokens. Screenshots at 1440 and 390 px.
 */
class TokensBrowserTest extends BrowserTest {

    @Autowired AccountService accountService;
    @Autowired ProjectService projectService;
    @Autowired CurrentActor actor;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPersonMakesCopiesUsesAndRevokesATokenAndAnAdministratorSeesEveryones() throws Exception {
        String person = "tok-browser";
        new TestAccounts(accountService, projectService, actor).create(person);
        Api api = new Api(mvc, json);
        // A second token, made by a script with the password, for the administrator to revoke.
        long scripted = api.id(api.post(person, "/api/tokens", Map.of("name", "old laptop", "scopes", List.of("read"))));

        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        page.setViewportSize(1440, 900);
        signIn(page, person);
        page.locator("#account-menu").click();
        page.locator("#account-menu-tokens").click();
        page.waitForURL("**/tokens");
        assertThat(page.locator("#tokens")).isVisible();
        assertThat(page.locator("#all-tokens")).isHidden();

        page.locator("#new-token").click();
        page.locator("#token-name input").fill("nightly export");
        page.locator("#token-scope vaadin-radio-button").filter(new Locator.FilterOptions()
                .setHasText("Read and write")).click();
        assertThat(page.locator("#token-expires input")).not().hasValue("");
        screenshot(page, "tokens-new-1440");
        page.locator("#token-create").click();
        Locator value = page.locator("#token-value textarea");
        assertThat(value).hasValue(java.util.regex.Pattern.compile("^cbt_.{43}$"));
        String token = value.inputValue();
        page.locator("#token-copy").click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Token copied"))).isVisible();
        assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(token);
        screenshot(page, "tokens-created-1440");
        page.locator("#token-done").click();
        assertThat(page.locator("#token-dialog")).hasCount(0);
        assertThat(page.content()).doesNotContain(token);

        assertThat(get("/api/tokens", token)).isEqualTo(200);
        page.reload();
        Locator rows = page.locator("#tokens > vaadin-grid-cell-content");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("nightly export"))).hasCount(1);
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("Read and write"))).hasCount(1);
        screenshot(page, "tokens-list-1440");
        assertAccessible(page, "tokens");

        page.locator(".cb-token-revoke[data-token='nightly export']").click();
        page.locator("#token-revoke-confirm").click();
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("Revoked"))).hasCount(1);
        assertThat(page.locator(".cb-token-revoke[data-token='nightly export']")).isHidden();
        assertThat(get("/api/tokens", token)).isEqualTo(401);

        page.setViewportSize(390, 844);
        screenshot(page, "tokens-list-390");
        page.locator("#new-token").click();
        screenshot(page, "tokens-new-390");
        page.keyboard().press("Escape");

        BrowserContext adminContext = newContext();
        try {
            Page admin = adminContext.newPage();
            admin.setViewportSize(1440, 900);
            signIn(admin, "admin");
            admin.navigate(url("/tokens"));
            admin.locator("#all-tokens").click();
            Locator adminRows = admin.locator("#tokens > vaadin-grid-cell-content");
            assertThat(adminRows.filter(new Locator.FilterOptions().setHasText(person)).first()).isVisible();
            admin.locator(".cb-token-revoke[data-token='old laptop']").click();
            admin.locator("#token-revoke-confirm").click();
            assertThat(admin.locator(".cb-token-revoke[data-token='old laptop']")).isHidden();
            screenshot(admin, "tokens-everyone-1440");
        } finally {
            adminContext.close();
        }
        assertThat(api.read(api.get(person, "/api/tokens")).findValues("status").stream()
                .map(s -> s.asString()).toList()).containsOnly("REVOKED");
        assertThat(scripted).isPositive();
    }

    private int get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
