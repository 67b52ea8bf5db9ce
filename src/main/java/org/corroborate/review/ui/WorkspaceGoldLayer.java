package org.corroborate.review.ui;

import java.util.List;
import org.corroborate.annotation.ui.GoldMark;
import org.corroborate.annotation.ui.WorkspaceExtension;
import org.corroborate.review.adjudication.AdjudicationService;

/**
 * The workspace's Gold view: the gold layer read through {@link AdjudicationService#gold}, the read
 * path that decides what the viewer may see of it (blind mode included), never around it.
 */
@org.springframework.stereotype.Component
class WorkspaceGoldLayer implements WorkspaceExtension {

    private final AdjudicationService adjudication;

    WorkspaceGoldLayer(AdjudicationService adjudication) {
        this.adjudication = adjudication;
    }

    @Override
    public List<GoldMark> goldLayer(long sourceId) {
        return adjudication.gold(sourceId).stream().map(d -> new GoldMark(d.id(), d.gold().start(), d.gold().end(),
                d.gold().label(), d.gold().attributes(), d.gold().note(), d.gold().text(), d.reason(),
                d.decidedBy())).toList();
    }
}
