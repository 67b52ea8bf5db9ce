package org.corroborate.preference;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/me/preferences}: the caller's own preferences, read and set. */
@RestController
class PreferenceController {

    private final PreferenceService preferences;

    PreferenceController(PreferenceService preferences) {
        this.preferences = preferences;
    }

    /** Every declared preference with the caller's choice, null where they made none. */
    @GetMapping("/api/me/preferences")
    Map<String, String> mine() {
        return preferences.mine();
    }

    /** Sets the preferences named in the body (null forgets one); answers with all of them. */
    @PutMapping("/api/me/preferences")
    Map<String, String> set(@RequestBody Map<String, Object> changes) {
        return preferences.set(changes);
    }
}
