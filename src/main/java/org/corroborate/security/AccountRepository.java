package org.corroborate.security;

import java.util.List;
import java.util.Optional;
import org.corroborate.base.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    List<Account> findAllByOrderByUsernameAsc();

    @Query("select count(distinct a) from Account a join a.roles r where a.enabled = true and r = :role")
    long countEnabledWithRole(Role role);
}
