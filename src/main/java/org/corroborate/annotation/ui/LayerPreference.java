package org.corroborate.annotation.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.corroborate.preference.PreferenceDefinition;
import org.corroborate.preference.PreferenceService;
import org.springframework.stereotype.Component;

/**
 * The per-person preference {@code workspace.layer}: which layer the workspace shows when a source
 * opens, Mine, Everyone's or Gold ({@link WorkspaceModel.Layer}), as the person last chose it.
 */
@Component
class LayerPreference implements PreferenceDefinition {

    static final String NAME = "workspace.layer";

    private final PreferenceService preferences;

    LayerPreference(@org.springframework.context.annotation.Lazy PreferenceService preferences) {
        this.preferences = preferences;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> values() {
        return Arrays.stream(WorkspaceModel.Layer.values()).map(Enum::name).toList();
    }

    @Override
    public String description() {
        return "the layer the workspace shows: your annotations, everyone's, or the gold layer";
    }

    /** The signed-in person's choice, or empty where they made none. */
    Optional<WorkspaceModel.Layer> chosen() {
        return preferences.mine(NAME).map(WorkspaceModel.Layer::valueOf);
    }

    /** Remembers the signed-in person's choice. */
    void choose(WorkspaceModel.Layer layer) {
        preferences.set(java.util.Map.of(NAME, layer.name()));
    }
}
