package org.corroborate;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The docs name every way in: each {@code /api} endpoint the code maps is documented in
 * {@code docs/api.md}, each Vaadin route in {@code docs/architecture.md}'s route list and the user guide,
 * each Flyway migration in {@code docs/architecture.md}'s migrations table and each table it creates in
 * the data model. A new endpoint, view or
 * migration without its documentation fails here, naming what is missing.
 *
 * <p>Endpoints are compared as {@code METHOD /api/path} with every path variable written {@code {}}, so
 * {@code /api/sources/{id}} in the docs matches {@code /api/sources/{sourceId}} in the code. The scan reads
 * the compiled controllers' mapping annotations; no application context is started.
 */
class DocsMatchCodeTest {

    private static final Pattern DOCUMENTED_ENDPOINT = Pattern.compile(
            "\\b(GET|POST|PUT|DELETE|PATCH) (/api(?:[^\\s`?|)(\\]\\[#,.;:]|\\.(?=[a-z]))*)"); // a dot only before a suffix: board.csv
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

    @Test
    void everyApiEndpointIsInApiMd() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher matcher = DOCUMENTED_ENDPOINT.matcher(read("docs/api.md"));
        while (matcher.find()) {
            documented.add(matcher.group(1) + " " + normalise(matcher.group(2)));
        }
        Set<String> mapped = apiEndpoints();
        assertThat(mapped).as("endpoints found in the code").hasSizeGreaterThan(30);
        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(documented);
        assertThat(missing).as("endpoints the code maps but docs/api.md does not name").isEmpty();
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(mapped);
        assertThat(stale).as("endpoints docs/api.md names but the code does not map").isEmpty();
    }

    @Test
    void everyRouteIsInTheArchitectureAndTheUserGuide() throws IOException {
        String architecture = read("docs/architecture.md");
        String guide = read("docs/user-guide.md");
        Set<String> missing = new TreeSet<>();
        for (String route : routes()) {
            if (!architecture.contains("`" + route + "`")) {
                missing.add(route + " (architecture.md)");
            }
            if (!guide.contains("`" + route + "`")) {
                missing.add(route + " (user-guide.md)");
            }
        }
        assertThat(routes()).as("routes found in the code").contains("/", "/login", "/sources/{id}");
        assertThat(missing).as("routes the code declares but the docs do not name").isEmpty();
    }

    @Test
    void everyMigrationIsInTheMigrationsTable() throws IOException {
        String architecture = read("docs/architecture.md");
        Set<String> versions = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources/db")),
                Files.walk(Path.of("src/main/java/db/migration")))) {
            files.map(path -> path.getFileName().toString()).filter(name -> name.matches("V[0-9_]+__.+\\.(sql|java)"))
                    .forEach(name -> versions.add(name.substring(0, name.indexOf("__"))));
        }
        assertThat(versions).as("migrations found").contains("V1", "V4", "V6");
        Set<String> missing = new TreeSet<>();
        for (String version : versions) {
            if (!architecture.contains("| " + version + " |")) {
                missing.add(version);
            }
        }
        assertThat(missing).as("migrations missing from the table in docs/architecture.md#migrations").isEmpty();
    }

    @Test
    void everyTableIsInTheDataModel() throws IOException {
        String architecture = read("docs/architecture.md");
        Pattern createTable = Pattern.compile("(?i)create table (?:if not exists )?([a-z_]+)");
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = createTable.matcher(Files.readString(file));
                while (matcher.find()) {
                    tables.add(matcher.group(1).toLowerCase());
                }
            }
        }
        assertThat(tables).as("tables found in the migrations").contains("source", "annotation", "audit_event");
        Set<String> missing = new TreeSet<>();
        for (String table : tables) {
            if (!architecture.contains("`" + table + "`")) {
                missing.add(table);
            }
        }
        assertThat(missing).as("tables missing from docs/architecture.md#data-model-and-migrations").isEmpty();
    }

    /** Every {@code METHOD /api/...} the controllers under {@code org.corroborate} map, variables as {@code {}}. */
    static Set<String> apiEndpoints() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        Set<String> endpoints = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.corroborate")) {
            Class<?> type = load(candidate.getBeanClassName());
            RequestMapping onType = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            String[] prefixes = onType == null || onType.path().length == 0 ? new String[] {""} : onType.path();
            for (Method method : type.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                RequestMethod[] verbs = mapping.method().length == 0 && onType != null ? onType.method()
                        : mapping.method();
                String[] paths = mapping.path().length == 0 ? new String[] {""} : mapping.path();
                for (String prefix : prefixes) {
                    for (String path : paths) {
                        String full = normalise(prefix + path);
                        if (!full.startsWith("/api/") || full.contains("**")) {
                            continue; // the fallback controller answers for whatever no endpoint takes
                        }
                        Arrays.stream(verbs).forEach(verb -> endpoints.add(verb.name() + " " + full));
                    }
                }
            }
        }
        return endpoints;
    }

    /** Every Vaadin route as a path from the root, with {@code /{id}} for views that take a URL parameter. */
    static Set<String> routes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> routes = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.corroborate")) {
            Class<?> type = load(candidate.getBeanClassName());
            String path = "/" + type.getAnnotation(Route.class).value();
            if (HasUrlParameter.class.isAssignableFrom(type)) {
                path = (path.endsWith("/") ? path : path + "/") + "{id}";
            }
            routes.add(path);
        }
        return routes;
    }

    private static String normalise(String path) {
        String joined = path.replaceAll("/+", "/");
        return VARIABLE.matcher(joined.endsWith("/") && joined.length() > 1
                ? joined.substring(0, joined.length() - 1) : joined).replaceAll("{}");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file));
    }
}
