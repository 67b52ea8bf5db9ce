package org.corroborate.annotation.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a browser tab (a Vaadin {@link UI}) keeps its undo history per source, so that the steps
 * survive leaving a source and coming back in the same tab, and no other tab or person shares them.
 */
final class UndoHistories {

    private final Map<Long, UndoHistory> bySource = new HashMap<>();

    private UndoHistories() {}

    /** The tab's history for a source, made on first use. */
    static UndoHistory of(UI ui, long sourceId) {
        UndoHistories histories = ComponentUtil.getData(ui, UndoHistories.class);
        if (histories == null) {
            histories = new UndoHistories();
            ComponentUtil.setData(ui, UndoHistories.class, histories);
        }
        return histories.bySource.computeIfAbsent(sourceId, id -> new UndoHistory());
    }
}
