package org.corroborate.security;

import java.util.List;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.corroborate.base.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    /**
     * The account, its row locked until the transaction ends: what is counted per account (its working
     * tokens) is then counted by one writer at a time, on every node.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.username = :username")
    Optional<Account> lockByUsername(String username);

    List<Account> findAllByOrderByUsernameAsc();

    @Query("select count(distinct a) from Account a join a.roles r where a.enabled = true and r = :role")
    long countEnabledWithRole(Role role);
}
