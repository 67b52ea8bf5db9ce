package org.corroborate.base;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The {@code annotations/} folder (label scheme, guidelines, demo corpus): the one named by
 * {@code workbench.annotations-dir}, or else the copy packaged inside the application.
 */
@Component
public class AnnotationsFolder {

    private final String base;
    private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    public AnnotationsFolder(WorkbenchProperties properties) {
        this.base = properties.annotationsDir() == null
                ? "classpath:annotations/"
                : withSlash(properties.annotationsDir().toAbsolutePath().toUri().toString());
    }

    private static String withSlash(String uri) {
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** One file, by its path inside the folder. */
    public Resource file(String relativePath) {
        return resolver.getResource(base + relativePath);
    }

    /** A text file's content (UTF-8), if the folder has it. */
    public Optional<String> text(String relativePath) {
        Resource file = file(relativePath);
        if (!file.exists()) {
            return Optional.empty();
        }
        try (InputStream in = file.getInputStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + base + relativePath, e);
        }
    }

    /** The files matching a pattern inside the folder, sorted by name. */
    public List<Resource> files(String pattern) {
        String location = base.startsWith("classpath:") ? "classpath*:" + base.substring(10) + pattern : base + pattern;
        try {
            return Arrays.stream(resolver.getResources(location))
                    .sorted(Comparator.comparing(r -> String.valueOf(r.getFilename())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + location, e);
        }
    }

    /** Where the folder is, for messages. */
    public String location() {
        return base;
    }
}
