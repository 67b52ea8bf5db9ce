package org.corroborate.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real Chromium (Debian's, driven by Playwright) against the whole application on a random
 * port, in demo mode. Screenshots land in target/screenshots for people to look at.
 */
@Tag("browser")
@WorkbenchTest
public abstract class BrowserTest {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    protected BrowserContext context;
    protected Page page;

    /** Launches Chromium once for every browser test in this JVM; it is closed when the JVM exits. */
    @BeforeAll
    static void launchBrowser() {
        if (browser != null) {
            return;
        }
        Path chromium = Paths.get(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            String message = "No Chromium at " + chromium + ": install Debian's chromium package or set CHROMIUM";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            org.junit.jupiter.api.Assumptions.abort(message);
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage")));
        Runtime.getRuntime().addShutdownHook(new Thread(playwright::close, "close-playwright"));
    }

    @BeforeEach
    void openPage() {
        context = newContext();
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    protected BrowserContext newContext() {
        BrowserContext created = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        created.setDefaultTimeout(15_000);
        return created;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the login form and waits for the library (a demo account, or one a test made). */
    protected void signIn(Page on, String username) {
        on.navigate(url("/login"));
        on.locator("vaadin-login-form input[name='username']").fill(username);
        on.locator("vaadin-login-form input[name='password']").fill(TestAccounts.passwordOf(username));
        on.locator("vaadin-login-form input[name='password']").press("Enter");
        try {
            on.locator("#current-user").waitFor();
        } catch (com.microsoft.playwright.PlaywrightException e) {
            screenshot(on, "sign-in-failed-" + username);
            throw new AssertionError("Sign-in as " + username + " did not reach the library; the page is at "
                    + on.url() + " and shows: " + on.locator("body").innerText(), e);
        }
    }

    /**
     * Waits until the page is still: its fonts loaded and no finite animation or transition running
     * (an opening dialog, a progress bar filling). Endless ones, like a spinner, do not count.
     */
    protected static void settle(Page on) {
        on.waitForFunction("() => document.fonts.status === 'loaded' && document.getAnimations().every(a =>"
                + " a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)");
    }

    /**
     * Runs axe-core on the page as it is now and fails on any serious or critical accessibility
     * violation, listing them ({@link AxeCheck}); {@code screen} names the page in the message.
     */
    protected static void assertAccessible(Page on, String screen) {
        settle(on);
        AxeCheck.assertNone(on, screen);
    }

    /** Saves a picture of what the page shows once it is still (see {@link #settle}). */
    protected void screenshot(Page on, String name) {
        settle(on);
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        on.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
    }
}
