package org.corroborate.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.corroborate.base.Role;

/** One role one account holds in one project: REVIEWER or SUPERVISOR (ADMIN is workbench-wide). */
@Entity
@Table(name = "project_member")
class ProjectMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(nullable = false, updatable = false)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Role role;

    protected ProjectMember() {}

    ProjectMember(Long projectId, String username, Role role) {
        this.projectId = projectId;
        this.username = username;
        this.role = role;
    }

    Long getProjectId() { return projectId; }
    String getUsername() { return username; }
    Role getRole() { return role; }
}
