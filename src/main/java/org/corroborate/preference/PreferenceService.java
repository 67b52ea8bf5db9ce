package org.corroborate.preference;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.corroborate.base.Change;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.WorkbenchException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person's preferences (the workspace's layer, say), kept per account so that they
 * follow the person across sign-outs and devices. Only the preferences declared by
 * {@link PreferenceDefinition} beans are accepted, each with its declared values; every change is
 * audited ({@code preference.changed}, workbench-wide: it belongs to no project).
 */
@Service
@Transactional
public class PreferenceService {

    private final PreferenceRepository preferences;
    private final Map<String, PreferenceDefinition> declared;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PreferenceService(PreferenceRepository preferences, List<PreferenceDefinition> definitions, CurrentActor actor,
                      ApplicationEventPublisher events, Clock clock) {
        this.preferences = preferences;
        this.declared = definitions.stream().collect(Collectors.toMap(PreferenceDefinition::name, d -> d,
                (a, b) -> {
                    throw new IllegalStateException("Preference " + a.name() + " is declared twice");
                }, TreeMap::new));
        this.actor = actor;
        this.events = events;
        this.clock = clock;
    }

    /** Every declared preference by name, in name order: the signed-in person's choice, or null where they made none. */
    @Transactional(readOnly = true)
    public Map<String, String> mine() {
        Map<String, String> all = new LinkedHashMap<>();
        declared.keySet().forEach(name -> all.put(name, null));
        preferences.findByUsername(actor.require()).stream()
                .filter(p -> declared.containsKey(p.getName()))
                .forEach(p -> all.put(p.getName(), p.getValue()));
        return all;
    }

    /** The signed-in person's choice for one declared preference, or empty where they made none. */
    @Transactional(readOnly = true)
    public Optional<String> mine(String name) {
        definition(name);
        return preferences.findByUsernameAndName(actor.require(), name).map(Preference::getValue);
    }

    /**
     * Sets the signed-in person's preferences named in {@code changes} (a null value forgets the
     * choice); the others stay. Every name and value is checked before anything is written: an
     * unknown name or a value the preference does not take is 400, naming it and what it takes.
     * A change that changes nothing records nothing.
     *
     * @return every declared preference after the change, as {@link #mine()}
     */
    public Map<String, String> set(Map<String, ?> changes) {
        if (changes == null || changes.isEmpty()) {
            throw WorkbenchException.badInput("Name at least one preference to set; known are: "
                    + String.join(", ", declared.keySet()));
        }
        Map<String, String> checked = new LinkedHashMap<>();
        changes.forEach((name, value) -> checked.put(name, checked(name, value)));
        String me = actor.require();
        Map<String, String> before = mine();
        checked.forEach((name, value) -> {
            Optional<Preference> stored = preferences.findByUsernameAndName(me, name);
            if (value == null) {
                stored.ifPresent(preferences::delete);
            } else if (stored.isPresent()) {
                stored.get().change(value, clock.instant());
            } else {
                preferences.save(new Preference(me, name, value, clock.instant()));
            }
        });
        preferences.flush();
        Map<String, String> after = mine();
        if (!after.equals(before)) {
            events.publishEvent(Change.updated("preference.changed", "Preference", me, null,
                    changedOnly(before, after), changedOnly(after, before), null));
        }
        return after;
    }

    /** A declared preference's definition, or 400 naming the known ones. */
    private PreferenceDefinition definition(String name) {
        PreferenceDefinition definition = declared.get(name);
        if (definition == null) {
            throw WorkbenchException.badInput("Unknown preference '" + name + "'; known are: "
                    + String.join(", ", declared.keySet()));
        }
        return definition;
    }

    private String checked(String name, Object value) {
        PreferenceDefinition definition = definition(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || !definition.values().contains(text)) {
            throw WorkbenchException.badInput("Preference '" + name + "' (" + definition.description()
                    + ") takes one of " + String.join(", ", definition.values()) + " (or null to forget the choice), not "
                    + (value instanceof String ? "'" + value + "'" : "a " + kind(value)));
        }
        return text;
    }

    private static String kind(Object value) {
        return value instanceof Number ? "number" : value instanceof Boolean ? "boolean"
                : value instanceof Map ? "object" : value instanceof List ? "list" : "value of another kind";
    }

    /** The entries of {@code map} whose values differ in {@code other}: what a change record shows. */
    private static Map<String, String> changedOnly(Map<String, String> map, Map<String, String> other) {
        Map<String, String> changed = new TreeMap<>();
        map.forEach((name, value) -> {
            if (!java.util.Objects.equals(value, other.get(name))) {
                changed.put(name, value);
            }
        });
        return changed;
    }
}
