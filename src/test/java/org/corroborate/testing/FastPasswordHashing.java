package org.corroborate.testing;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing for the test workbenches: bcrypt with its id stored beside each hash, as in
 * production, but at cost 4 instead of 10. The API signs in with HTTP Basic on every request, so a
 * suite of about a thousand API calls spent minutes of CPU on bcrypt alone. Imported by
 * {@code @WorkbenchTest} and {@code @SeparateWorkbenchTest}; deliberately not a
 * {@code @Configuration}, so that applications the tests start themselves (StartupTest, the
 * crash test, the second workbench) do not pick it up and hash as production does.
 */
public class FastPasswordHashing {

    @Bean
    @Primary
    PasswordEncoder fastPasswordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
    }
}
