package org.corroborate.project;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProjectRepository extends JpaRepository<Project, Long> {

    List<Project> findAllByOrderByNameAsc();

    boolean existsByNameIgnoreCase(String name);

    @Query("select min(p.id) from Project p")
    Long firstId();
}
