package org.corroborate.scheme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.base.WorkbenchException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project's label scheme over HTTP, as {@code annotations/scheme.json} holds it plus its version
 * number ({@code schemeVersion}); a PUT sends it back edited and makes the next version (see
 * {@link SchemeProposal} for the change instructions it may carry).
 */
@RestController
@RequestMapping("/api/projects/{projectId}/scheme")
@Tag(name = "Label scheme", description = "A project's label scheme, its changes and its versions")
class SchemeController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SchemeService schemes;

    SchemeController(SchemeService schemes) {
        this.schemes = schemes;
    }

    @GetMapping
    @Operation(summary = "The project's scheme in force, as scheme.json, with its version number 'schemeVersion'")
    Map<String, Object> current(@PathVariable long projectId) {
        return document(schemes.currentVersion(projectId));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Supervisor or administrator: a new version of the scheme. Send the scheme with "
            + "'schemeVersion' (the version you edited; 409 if stale), 'renamedFrom' on renamed labels and attributes, "
            + "'mappings' for removed ones in use (409 with counts otherwise) and an optional 'reason'")
    Map<String, Object> change(@PathVariable long projectId, @RequestBody String body) {
        SchemeProposal proposal;
        try {
            proposal = SchemeProposal.read(body);
        } catch (InvalidSchemeException e) {
            throw new SchemeChangeRefused(WorkbenchException.Kind.BAD_INPUT, "The scheme is invalid: "
                    + String.join("; ", e.problems()) + ".", Map.of("problems", e.problems()));
        }
        SchemeVersionDetails version = schemes.change(projectId, proposal);
        Map<String, Object> document = document(version);
        document.put("changes", version.diff().entries().stream().map(SchemeDiff.Entry::text).toList());
        document.put("summary", version.summary());
        return document;
    }

    @GetMapping("/versions")
    @Operation(summary = "Every version of the project's scheme, oldest first, each with what it changed")
    List<VersionSummary> versions(@PathVariable long projectId) {
        return schemes.versions(projectId).stream().map(VersionSummary::of).toList();
    }

    @GetMapping("/versions/{number}")
    @Operation(summary = "One version of the project's scheme: what it changed, and the scheme as it was")
    Map<String, Object> version(@PathVariable long projectId, @PathVariable int number) {
        SchemeVersionDetails version = schemes.version(projectId, number);
        Map<String, Object> view = new LinkedHashMap<>(JSON.convertValue(VersionSummary.of(version),
                new TypeReference<Map<String, Object>>() {}));
        view.put("scheme", JSON.convertValue(version.scheme(), new TypeReference<Map<String, Object>>() {}));
        return view;
    }

    /** The scheme as scheme.json holds it, with {@code schemeVersion} first. */
    static Map<String, Object> document(SchemeVersionDetails version) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schemeVersion", version.number());
        document.putAll(JSON.convertValue(version.scheme(), new TypeReference<Map<String, Object>>() {}));
        return document;
    }

    /** One version in the list: its number, the scheme's name and own version, what changed, who and when. */
    record VersionSummary(int number, String name, String version, String summary, List<SchemeDiff.Entry> changes,
                          String reason, String createdBy, Instant createdAt) {

        static VersionSummary of(SchemeVersionDetails details) {
            return new VersionSummary(details.number(), details.scheme().name(), details.scheme().version(),
                    details.summary(), details.diff().entries(), details.reason(), details.createdBy(),
                    details.createdAt());
        }
    }
}
