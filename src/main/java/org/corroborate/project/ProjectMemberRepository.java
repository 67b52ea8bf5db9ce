package org.corroborate.project;

import java.util.List;
import org.corroborate.base.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProjectMemberRepository extends JpaRepository<ProjectMember, Long> {

    List<ProjectMember> findByProjectIdOrderByUsernameAsc(Long projectId);

    List<ProjectMember> findByUsername(String username);

    @Query("select m.role from ProjectMember m where m.projectId = :projectId and m.username = :username")
    List<Role> rolesOf(Long projectId, String username);

    @Query("select distinct m.projectId from ProjectMember m where m.username = :username")
    List<Long> projectsOf(String username);

    @Query("select m.projectId from ProjectMember m where m.username = :username and m.role = :role")
    List<Long> projectsWhere(String username, Role role);
}
