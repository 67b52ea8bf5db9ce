package org.corroborate.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    /** The token with this hash and its account with the account's roles, in one indexed query. */
    @Query("select t from ApiToken t join fetch t.account a left join fetch a.roles where t.tokenHash = :hash")
    Optional<ApiToken> findByHash(String hash);

    @Query("select t from ApiToken t join fetch t.account a where a.username = :username order by t.createdAt desc, t.id desc")
    List<ApiToken> findOwnedBy(String username);

    @Query("select t from ApiToken t join fetch t.account a order by a.username, t.createdAt desc, t.id desc")
    List<ApiToken> findAllWithOwner();

    @Query("select count(t) from ApiToken t where t.account.username = :username and t.revokedAt is null "
            + "and (t.expiresAt is null or t.expiresAt > :now)")
    long countActive(String username, java.time.Instant now);
}
