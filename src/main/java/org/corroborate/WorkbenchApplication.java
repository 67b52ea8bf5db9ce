package org.corroborate;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Corroborate: an annotation and provenance review workbench. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Corroborate API", version = "1",
        description = "Sources, annotations and review. Offsets count Unicode code points."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@ConfigurationPropertiesScan
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class WorkbenchApplication implements AppShellConfigurator {

    /** The display settings script (this device's theme, text size, density), applied before the first paint. */
    static final String DISPLAY_SETTINGS = "META-INF/resources/display-settings.js";
    private static final String DISPLAY_SETTINGS_SCRIPT = displaySettingsScript();

    public static void main(String[] args) {
        SpringApplication.run(WorkbenchApplication.class, args);
    }

    /**
     * Every page's head: the favicon (SVG, with PNG and ICO for browsers without SVG icons) and the
     * display settings, inlined first so that a dark page never flashes light while Vaadin loads.
     */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addLink("icons/favicon.svg", Map.of("rel", "icon", "type", "image/svg+xml"));
        settings.addFavIcon("icon", "icons/favicon-32.png", "32x32");
        settings.addFavIcon("apple-touch-icon", "icons/apple-touch-icon.png", "180x180");
        settings.addInlineWithContents(Inline.Position.PREPEND, DISPLAY_SETTINGS_SCRIPT, Inline.Wrapping.JAVASCRIPT);
    }

    private static String displaySettingsScript() {
        try (InputStream in = WorkbenchApplication.class.getClassLoader().getResourceAsStream(DISPLAY_SETTINGS)) {
            if (in == null) {
                throw new IllegalStateException(DISPLAY_SETTINGS + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
