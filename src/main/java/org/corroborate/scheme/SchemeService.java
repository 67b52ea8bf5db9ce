package org.corroborate.scheme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.corroborate.base.AnnotationsFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/** The label scheme in force, read from annotations/scheme.json at start and validated there. */
@Service
public class SchemeService {

    static final String SCHEME_FILE = "scheme.json";
    private static final Logger log = LoggerFactory.getLogger(SchemeService.class);

    private final LabelScheme scheme;
    private final String guidelines;

    SchemeService(AnnotationsFolder folder) {
        Resource file = folder.file(SCHEME_FILE);
        String location = folder.location() + SCHEME_FILE;
        if (!file.exists()) {
            throw new InvalidSchemeException(location, List.of("the file does not exist"));
        }
        try (InputStream in = file.getInputStream()) {
            this.scheme = SchemeReader.read(location, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidSchemeException(location, List.of("cannot be read: " + e.getMessage()));
        }
        this.guidelines = readOptional(folder.file("guidelines.md"));
        log.info("Label scheme '{}' version {} with labels {}", scheme.name(), scheme.version(),
                scheme.labels().stream().map(LabelScheme.Label::name).toList());
    }

    /** The scheme read from annotations/scheme.json: the one every new project starts with; immutable. */
    public LabelScheme current() {
        return scheme;
    }

    /** The scheme in force in a project; immutable. */
    public LabelScheme current(long projectId) {
        return scheme;
    }

    /** The annotation guidelines (Markdown) that go with the scheme, if the folder has them. */
    public Optional<String> guidelines() {
        return Optional.ofNullable(guidelines);
    }

    private static String readOptional(Resource file) {
        if (!file.exists()) {
            return null;
        }
        try (InputStream in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Cannot read {}: {}", file, e.getMessage());
            return null;
        }
    }
}
