package org.corroborate.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Role checks are spelled once, in {@link Role} and {@link Roles}, and the constants say what the groups say. */
class RolesTest {

    @Test
    void theAnnotationConstantsAdmitExactlyTheirGroups() {
        assertThat(Roles.OVERSEES).isEqualTo(Roles.expression(Roles.OVERSEERS));
        assertThat(Roles.ANNOTATES).isEqualTo(Roles.expression(Roles.ANNOTATORS));
        assertThat(Roles.SUPERVISES).isEqualTo(Roles.expression(EnumSet.of(Role.SUPERVISOR)));
        assertThat(Roles.ADMINISTERS).isEqualTo(Roles.expression(EnumSet.of(Role.ADMIN)));
        assertThat(List.of(Roles.REVIEWER, Roles.SUPERVISOR, Roles.ADMIN))
                .containsExactly(Role.REVIEWER.name(), Role.SUPERVISOR.name(), Role.ADMIN.name());
    }

    @Test
    void aRoleIsHeldThroughItsAuthority() {
        Authentication sam = signedIn("sam", "ROLE_SUPERVISOR", "ROLE_REVIEWER", "SCOPE_other");
        assertThat(Role.SUPERVISOR.isHeldBy(sam)).isTrue();
        assertThat(Role.ADMIN.isHeldBy(sam)).isFalse();
        assertThat(Role.ADMIN.isHeldBy(null)).isFalse();
        assertThat(Role.heldBy(sam)).containsExactly(Role.REVIEWER, Role.SUPERVISOR);
        assertThat(Role.ofAuthority("ROLE_ADMIN")).hasValue(Role.ADMIN);
        assertThat(Role.ofAuthority("ADMIN")).isEmpty();
        assertThat(Role.ADMIN.grantedAuthority().getAuthority()).isEqualTo("ROLE_ADMIN");
    }

    @Test
    void overseersAreSupervisorsAndAdministratorsAndAnnotatorsReviewersAndSupervisors() {
        assertThat(Roles.OVERSEERS).containsExactlyInAnyOrder(Role.SUPERVISOR, Role.ADMIN);
        assertThat(Roles.ANNOTATORS).containsExactlyInAnyOrder(Role.REVIEWER, Role.SUPERVISOR);
    }

    /** A new string spelling of a role check would drift from the enum unseen; this finds it. */
    @Test
    void noOtherSourceFileSpellsARoleCheckAsAString() throws IOException {
        Pattern spelled = Pattern.compile("\"[^\"\\n]*(hasRole\\(|hasAnyRole\\(|ROLE_)|@RolesAllowed\\(\\{?\"|"
                + "\\.hasRole\\(\"|\\.roles\\(\"");
        Set<String> allowed = Set.of("Role.java", "Roles.java");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (allowed.contains(file.getFileName().toString())
                        && file.getParent().endsWith(Path.of("org", "corroborate", "base"))) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (spelled.matcher(lines.get(i)).find()) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found).as("role checks spelled as strings outside base.Role and base.Roles").isEmpty();
    }

    private static Authentication signedIn(String name, String... authorities) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                Stream.of(authorities).map(SimpleGrantedAuthority::new).toList());
    }
}
