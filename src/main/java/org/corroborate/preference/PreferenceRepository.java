package org.corroborate.preference;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PreferenceRepository extends JpaRepository<Preference, Long> {

    List<Preference> findByUsername(String username);

    Optional<Preference> findByUsernameAndName(String username, String name);
}
