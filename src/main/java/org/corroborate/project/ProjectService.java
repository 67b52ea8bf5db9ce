package org.corroborate.project;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.corroborate.base.Change;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.ProjectAccess;
import org.corroborate.base.Role;
import org.corroborate.base.Roles;
import org.corroborate.base.TextRules;
import org.corroborate.base.WorkbenchException;
import org.corroborate.security.AccountService;
import org.corroborate.security.ProjectRoleDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Projects and who works in them: the only door to project data, and the one place that decides
 * whether the signed-in person may read a project's objects or act in it.
 *
 * <p>Access rules. An administrator (workbench-wide {@link Role#ADMIN}) reads and oversees every
 * project. Anyone else reads a project only as a member, and acts in it with the roles they hold
 * there ({@link Role#REVIEWER}, {@link Role#SUPERVISOR}). To a non-member a project and everything
 * in it does not exist: {@link #requireReadable} answers 404, never 403, so that existence is not
 * revealed. A member lacking a role gets 403 ({@link AccessDeniedException}).
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class ProjectService implements ProjectRoleDirectory, ProjectAccess {

    /** The transaction resource holding the roles read in it (see {@link #memberRoles}). */
    private static final Object ROLES_READ = ProjectService.class.getName() + ".rolesRead";

    /** The request parameter (or JSON field) that names a project. */
    public static final String PARAMETER = "project";

    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final AccountService accounts;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectService(ProjectRepository projects, ProjectMemberRepository members, AccountService accounts,
                   CurrentActor actor, ApplicationEventPublisher events, Clock clock) {
        this.projects = projects;
        this.members = members;
        this.accounts = accounts;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
    }

    // ---- access ------------------------------------------------------------------------------

    /** The projects the signed-in person may read, by name: all of them for an administrator. */
    @Transactional(readOnly = true)
    public List<ProjectDetails> list() {
        if (actor.has(Role.ADMIN)) {
            return projects.findAllByOrderByNameAsc().stream().map(Project::toDetails).toList();
        }
        Set<Long> mine = Set.copyOf(members.projectsOf(actor.require()));
        return projects.findAllByOrderByNameAsc().stream().filter(p -> mine.contains(p.getId()))
                .map(Project::toDetails).toList();
    }

    /** The ids of the projects the signed-in person may read. */
    @Transactional(readOnly = true)
    public Set<Long> readableIds() {
        return list().stream().map(ProjectDetails::id).collect(Collectors.toUnmodifiableSet());
    }

    /** A project the signed-in person may read; 404 (the same for a non-member as for no such project) otherwise. */
    @Transactional(readOnly = true)
    public ProjectDetails get(long id) {
        requireReadable(id);
        return projects.findById(id).map(Project::toDetails).orElseThrow(() -> missing(id));
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> readableProjects() {
        return readableIds();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> overseenProjects() {
        if (actor.has(Role.ADMIN)) {
            return readableIds();
        }
        return actor.name().map(me -> Set.copyOf(members.projectsWhere(me, Role.SUPERVISOR))).orElse(Set.of());
    }

    @Override
    @Transactional(readOnly = true)
    public long defaultProject() {
        Long first = projects.firstId();
        if (first == null) {
            throw new IllegalStateException("The workbench has no project; migration V14 makes the first one.");
        }
        return first;
    }

    /** Whether the signed-in person may read the project's objects. */
    @Transactional(readOnly = true)
    public boolean mayRead(long projectId) {
        if (actor.has(Role.ADMIN)) {
            return projects.existsById(projectId);
        }
        return actor.name().map(me -> !memberRoles(projectId, me).isEmpty()).orElse(false);
    }

    /** Refuses (404) unless the signed-in person may read the project's objects. */
    @Transactional(readOnly = true)
    public void requireReadable(long projectId) {
        if (!mayRead(projectId)) {
            throw missing(projectId);
        }
    }

    /** The roles the signed-in person holds in the project: ADMIN alone for an administrator who is not a member. */
    @Transactional(readOnly = true)
    public Set<Role> rolesIn(long projectId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        actor.name().ifPresent(me -> roles.addAll(memberRoles(projectId, me)));
        if (actor.has(Role.ADMIN)) {
            roles.add(Role.ADMIN);
        }
        return roles;
    }

    /** Whether the signed-in person holds the role in the project (an administrator holds ADMIN everywhere). */
    @Transactional(readOnly = true)
    public boolean holds(long projectId, Role role) {
        return rolesIn(projectId).contains(role);
    }

    /** Whether the signed-in person oversees the project: its supervisor, or an administrator ({@link Roles#OVERSEERS}). */
    @Transactional(readOnly = true)
    public boolean oversees(long projectId) {
        return rolesIn(projectId).stream().anyMatch(Roles.OVERSEERS::contains);
    }

    /** Whether the signed-in person annotates in the project: a reviewer or supervisor there ({@link Roles#ANNOTATORS}). */
    @Transactional(readOnly = true)
    public boolean annotates(long projectId) {
        return rolesIn(projectId).stream().anyMatch(Roles.ANNOTATORS::contains);
    }

    /** Refuses unless the signed-in person holds one of the roles in the project: 404 for a non-member, 403 otherwise. */
    @Transactional(readOnly = true)
    public void require(long projectId, Set<Role> anyOf, String toDoWhat) {
        requireReadable(projectId);
        if (rolesIn(projectId).stream().noneMatch(anyOf::contains)) {
            throw new AccessDeniedException("Only " + anyOf.stream().map(r -> r.name().toLowerCase() + "s")
                    .collect(Collectors.joining(" or ")) + " of this project may " + toDoWhat + ".");
        }
    }

    /** Refuses unless the signed-in person oversees the project: 404 for a non-member, 403 for a reviewer. */
    @Transactional(readOnly = true)
    public void requireOverseer(long projectId, String toDoWhat) {
        require(projectId, Roles.OVERSEERS, toDoWhat);
    }

    /**
     * The project a request works in: the one it names, or, when it names none, the only project the
     * signed-in person may read.
     *
     * @param requested the {@value #PARAMETER} parameter or JSON field, or null
     * @throws WorkbenchException 404 if the named project is not readable; 400 naming {@value #PARAMETER}
     *         when none is named and the person reads several projects (or none)
     */
    @Transactional(readOnly = true)
    public long resolve(Long requested) {
        if (requested != null) {
            requireReadable(requested);
            return requested;
        }
        List<ProjectDetails> readable = list();
        if (readable.size() == 1) {
            return readable.getFirst().id();
        }
        if (readable.isEmpty()) {
            throw WorkbenchException.badInput("You are not a member of any project; ask an administrator to add "
                    + "you, then name it with '" + PARAMETER + "'.");
        }
        throw WorkbenchException.badInput("You work in " + readable.size() + " projects: name one with '"
                + PARAMETER + "' (" + readable.stream().map(p -> p.id() + " " + p.name())
                .collect(Collectors.joining(", ")) + ").");
    }

    // ---- projects ----------------------------------------------------------------------------

    /**
     * Creates a project (administrators). Its label scheme starts as the workbench's file scheme
     * ({@link ProjectCreated}); it has no members until they are added.
     *
     * @throws WorkbenchException 400 for a blank or over-long name, 409 when another project has the name
     */
    @PreAuthorize(Roles.ADMINISTERS)
    public ProjectDetails create(String name, String description) {
        String checkedName = checkName(name, null);
        Project project = projects.saveAndFlush(new Project(checkedName, checkDescription(description), null,
                actor.require(), clock.instant()));
        ProjectDetails details = project.toDetails();
        events.publishEvent(Change.created("project.created", "Project", details.id(), null, details)
                .inProject(details.id()));
        events.publishEvent(new ProjectCreated(details.id()));
        return details;
    }

    /**
     * Renames or re-describes a project (its supervisors and administrators).
     *
     * @param expectedVersion the version the caller read; 409 if the project changed since
     */
    public ProjectDetails update(long id, String name, String description, long expectedVersion) {
        requireOverseer(id, "change its name or description");
        Project project = load(id);
        checkVersion(project, expectedVersion);
        ProjectDetails before = project.toDetails();
        project.describe(checkName(name, id), checkDescription(description));
        ProjectDetails after = projects.saveAndFlush(project).toDetails();
        events.publishEvent(Change.updated("project.updated", "Project", id, null, before, after, null).inProject(id));
        return after;
    }

    /** The project's annotation guidelines (Markdown), if it has any. */
    @Transactional(readOnly = true)
    public Optional<String> guidelines(long id) {
        requireReadable(id);
        return Optional.ofNullable(load(id).getGuidelines()).filter(g -> !g.isBlank());
    }

    /**
     * Replaces the project's guidelines (Markdown; blank removes them), for its supervisors and
     * administrators. At most 200,000 characters.
     */
    public ProjectDetails setGuidelines(long id, String markdown, long expectedVersion) {
        requireOverseer(id, "change its guidelines");
        String text = markdown == null || markdown.isBlank() ? null : markdown.replace("\r\n", "\n");
        if (text != null && text.length() > 200_000) {
            throw WorkbenchException.badInput("Guidelines may be at most 200,000 characters.");
        }
        Project project = load(id);
        checkVersion(project, expectedVersion);
        String before = project.getGuidelines();
        project.setGuidelines(text);
        ProjectDetails after = projects.saveAndFlush(project).toDetails();
        events.publishEvent(Change.updated("project.guidelines-changed", "Project", id, null,
                Map.of("guidelines", String.valueOf(before)), Map.of("guidelines", String.valueOf(text)), null)
                .inProject(id));
        return after;
    }

    /**
     * Whether the project requires assignments: then its reviewers work only on the sources assigned
     * to them (the rule itself is {@code annotation.AssignmentRule}). 404 for a non-member.
     */
    @Transactional(readOnly = true)
    public boolean assignmentsRequired(long id) {
        requireReadable(id);
        return load(id).isAssignmentsRequired();
    }

    /**
     * Turns the assignment rule on or off (the project's supervisors and administrators), audited as
     * {@code project.assignments-required-on} or {@code -off}; a call that changes nothing records nothing.
     *
     * @param expectedVersion the version the caller read; 409 if the project changed since
     */
    public ProjectDetails requireAssignments(long id, boolean required, long expectedVersion) {
        requireOverseer(id, "change whether reviewers work only on the sources assigned to them");
        Project project = load(id);
        checkVersion(project, expectedVersion);
        if (project.isAssignmentsRequired() == required) {
            return project.toDetails();
        }
        project.requireAssignments(required);
        ProjectDetails after = projects.saveAndFlush(project).toDetails();
        events.publishEvent(Change.updated("project.assignments-required-" + (required ? "on" : "off"), "Project", id,
                null, Map.of("assignmentsRequired", !required), Map.of("assignmentsRequired", required), null)
                .inProject(id));
        return after;
    }

    // ---- members -----------------------------------------------------------------------------

    /** The project's members and their roles there, by username. */
    @Transactional(readOnly = true)
    public List<ProjectMembership> members(long projectId) {
        requireReadable(projectId);
        Map<String, Set<Role>> byName = new TreeMap<>();
        members.findByProjectIdOrderByUsernameAsc(projectId)
                .forEach(m -> byName.computeIfAbsent(m.getUsername(), u -> EnumSet.noneOf(Role.class)).add(m.getRole()));
        return byName.entrySet().stream().map(e -> new ProjectMembership(e.getKey(), e.getValue())).toList();
    }

    /** The usernames of the project's members who hold the role and whose accounts are enabled, sorted. */
    @Transactional(readOnly = true)
    public List<String> membersWith(long projectId, Role role) {
        requireReadable(projectId);
        Set<String> enabled = Set.copyOf(accounts.enabledUsernames());
        return members.findByProjectIdOrderByUsernameAsc(projectId).stream()
                .filter(m -> m.getRole() == role && enabled.contains(m.getUsername()))
                .map(ProjectMember::getUsername).distinct().toList();
    }

    /**
     * Replaces the project's members. Administrators may set any members (they appoint a project's
     * first supervisor); a project's supervisors may too, but may not leave it without a supervisor.
     * Each member holds REVIEWER, SUPERVISOR or both; an account is named by its username.
     *
     * @throws WorkbenchException 400 for an unknown account, a member without roles, ADMIN as a
     *         project role or a username given twice
     */
    public List<ProjectMembership> setMembers(long projectId, List<ProjectMembership> requested) {
        requireOverseer(projectId, "change its members");
        load(projectId);
        Map<String, Set<Role>> wanted = checkMembers(requested);
        boolean admin = actor.has(Role.ADMIN);
        if (!admin && wanted.values().stream().noneMatch(r -> r.contains(Role.SUPERVISOR))) {
            throw WorkbenchException.badInput("A project needs a supervisor: keep at least one member with SUPERVISOR.");
        }
        List<ProjectMembership> before = members(projectId);
        Set<String> affected = new java.util.TreeSet<>(wanted.keySet());
        before.forEach(m -> affected.add(m.username()));
        Map<String, Set<Role>> heldBefore = new TreeMap<>();
        affected.forEach(u -> heldBefore.put(u, rolesInAnyProject(u)));
        members.deleteAll(members.findByProjectIdOrderByUsernameAsc(projectId));
        members.flush();
        List<ProjectMember> rows = new ArrayList<>();
        wanted.forEach((username, roles) -> roles.forEach(role -> rows.add(new ProjectMember(projectId, username, role))));
        members.saveAllAndFlush(rows);
        forgetRolesRead();
        List<ProjectMembership> after = members(projectId);
        // Sign-in grants the roles held in any project; whoever's set changed signs in again to get it.
        heldBefore.forEach((username, held) -> {
            if (!held.equals(rolesInAnyProject(username))) {
                accounts.endSessions(username);
            }
        });
        events.publishEvent(Change.updated("project.members-changed", "Project", projectId, null,
                Map.of("members", before), Map.of("members", after), null).inProject(projectId));
        events.publishEvent(new ProjectMembersChanged(projectId, wanted));
        return after;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("permitAll()")
    public Set<Role> rolesInAnyProject(String username) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        members.findByUsername(username).forEach(m -> roles.add(m.getRole()));
        return roles;
    }

    /**
     * The roles a person holds in a project, read once per transaction: one write checks access
     * several times (the source, then the role), and each check would otherwise query again.
     * Changing members forgets what the transaction read.
     */
    private List<Role> memberRoles(long projectId, String username) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return members.rolesOf(projectId, username);
        }
        @SuppressWarnings("unchecked")
        Map<String, List<Role>> read = (Map<String, List<Role>>) TransactionSynchronizationManager.getResource(ROLES_READ);
        if (read == null) {
            Map<String, List<Role>> fresh = new java.util.HashMap<>();
            TransactionSynchronizationManager.bindResource(ROLES_READ, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ROLES_READ);
                }
            });
            read = fresh;
        }
        return read.computeIfAbsent(projectId + ":" + username, key -> members.rolesOf(projectId, username));
    }

    /** Forgets the roles this transaction read, after it changed members. */
    private static void forgetRolesRead() {
        if (TransactionSynchronizationManager.getResource(ROLES_READ) instanceof Map<?, ?> read) {
            read.clear();
        }
    }

    private Map<String, Set<Role>> checkMembers(List<ProjectMembership> requested) {
        if (requested == null) {
            throw WorkbenchException.badInput("Send the members as a list of {username, roles}.");
        }
        Map<String, Set<Role>> wanted = new LinkedHashMap<>();
        for (ProjectMembership member : requested) {
            String username = member == null || member.username() == null ? "" : member.username().strip();
            if (!accounts.exists(username)) {
                throw WorkbenchException.badInput("There is no account named '" + username + "'.");
            }
            Collection<Role> roles = member.roles() == null ? Set.of() : member.roles();
            if (roles.isEmpty()) {
                throw WorkbenchException.badInput("Give '" + username + "' REVIEWER, SUPERVISOR or both.");
            }
            if (!Role.IN_PROJECT.containsAll(roles)) {
                throw WorkbenchException.badInput("ADMIN is a workbench-wide role, not a project role; give '"
                        + username + "' REVIEWER, SUPERVISOR or both.");
            }
            if (wanted.put(username, EnumSet.copyOf(roles)) != null) {
                throw WorkbenchException.badInput("'" + username + "' is listed twice; list each member once.");
            }
        }
        return wanted;
    }

    private String checkName(String name, Long self) {
        String checked = name == null ? "" : name.strip();
        if (checked.isEmpty()) {
            throw WorkbenchException.badInput("A project needs a name.");
        }
        TextRules.line("name", checked);
        if (checked.length() > 200) {
            throw WorkbenchException.badInput("A project's name may be at most 200 characters.");
        }
        boolean taken = projects.findAll().stream()
                .anyMatch(p -> p.getName().equalsIgnoreCase(checked) && !p.getId().equals(self));
        if (taken) {
            throw new WorkbenchException(WorkbenchException.Kind.DUPLICATE,
                    "There is already a project named '" + checked + "'.");
        }
        return checked;
    }

    private static String checkDescription(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.length() > 4000) {
            throw WorkbenchException.badInput("A project's description may be at most 4,000 characters.");
        }
        return description.strip();
    }

    private static void checkVersion(Project project, long expected) {
        if (project.getVersion() != expected) {
            throw WorkbenchException.conflict("The project was changed by someone else since you read it (version "
                    + project.getVersion() + ", you sent " + expected + "); reload and try again.");
        }
    }

    private Project load(long id) {
        return projects.findById(id).orElseThrow(() -> missing(id));
    }

    private static WorkbenchException missing(long id) {
        return WorkbenchException.notFound("There is no project with id " + id + ".");
    }
}
