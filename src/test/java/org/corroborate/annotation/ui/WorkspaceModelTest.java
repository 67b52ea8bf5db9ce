package org.corroborate.annotation.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.annotation.AnnotationChanged;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.ReviewChanged;
import org.corroborate.base.Provenance;
import org.corroborate.base.WorkbenchException;
import org.corroborate.scheme.LabelScheme;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workspace's decisions without Vaadin or Spring: what a viewer sees, may do, and how changes
 * arrive. The service is an in-memory fake; the screen records what it was told.
 */
class WorkspaceModelTest {

    private static final long SOURCE = 7;
    private static final LabelScheme SCHEME = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
            .readValue(Path.of("annotations", "scheme.json").toFile(), LabelScheme.class);

    private final FakeAnnotations service = new FakeAnnotations();
    private final Screen screen = new Screen();
    private final Map<Long, String> verdicts = new HashMap<>();

    @Test
    void aLabelWithARequiredAttributeAsksForItsValueBeforeCreating() {
        LabelScheme.Label quote = SCHEME.label("QUOTE").orElseThrow();
        LabelScheme.Attribute speaker = quote.attribute("speaker").orElseThrow();
        LabelScheme.Attribute required = new LabelScheme.Attribute(speaker.name(), speaker.title(),
                speaker.description(), true, speaker.type(), speaker.values());
        LabelScheme strict = new LabelScheme(SCHEME.name(), SCHEME.version(), SCHEME.description(),
                SCHEME.labels().stream().map(l -> l != quote ? l : new LabelScheme.Label(l.name(), l.title(),
                        l.description(), l.color(), l.hotkey(), List.of(required))).toList(), SCHEME.relations());
        service.viewer = "carol";
        WorkspaceModel model = new WorkspaceModel(SOURCE, new WorkspaceModel.Viewer("carol", false), strict,
                service, source -> Map.of(), screen);
        model.open();

        assertThat(model.create(16, 33, "QUOTE")).as("nothing is created before the value is given").isNull();
        assertThat(screen.askedRequired).isEqualTo("QUOTE 16..33 [speaker]");
        assertThat(screen.drawn()).isEmpty();

        AnnotationDetails created = model.create(16, 33, "QUOTE", Map.of("speaker", "Zoë"));
        assertThat(created.attributes()).containsEntry("speaker", "Zoë");
        assertThat(screen.drawn()).containsExactly(created.id());
        assertThat(model.create(0, 3, "FACT")).as("a label without required attributes is created at once")
                .isNotNull();
    }

    private WorkspaceModel open(String viewer, boolean supervisor) {
        service.viewer = viewer;
        WorkspaceModel model = new WorkspaceModel(SOURCE, new WorkspaceModel.Viewer(viewer, supervisor), SCHEME,
                service, source -> Map.copyOf(verdicts), screen);
        model.open();
        return model;
    }

    @Test
    void aSourceNotAssignedToTheViewerIsReadOnlyAndSaysWhy() {
        AnnotationDetails mine = service.add("carol", "FACT", 0, 4);
        service.notAssigned = "Source 7 is not assigned to you.";
        WorkspaceModel model = open("carol", false);
        assertThat(model.readOnly()).isEqualTo("Source 7 is not assigned to you.");
        assertThat(model.create(5, 9, "FACT")).isNull();
        assertThat(screen.warnings).containsExactly("Source 7 is not assigned to you.");
        assertThat(service.stored).hasSize(1);
        model.select(mine, false);
        assertThat(screen.access.editable()).as("their own annotation opens without Save").isFalse();
        model.deleteFromKeyboard(mine.id());
        assertThat(service.stored).containsKey(mine.id());
        assertThat(screen.warnings).hasSize(2);
        // A supervisor is never held to assignments: the fake answers as the service would, with nothing.
        service.notAssigned = null;
        assertThat(open("sam", true).readOnly()).isNull();
    }

    @Test
    void aReviewerStartsWithOnlyTheirOwnAnnotationsAndMayShowEveryones() {
        AnnotationDetails mine = service.add("carol", "FACT", 0, 4);
        AnnotationDetails alices = service.add("alice", "QUOTE", 5, 9);
        WorkspaceModel model = open("carol", false);
        assertThat(model.showsEveryone()).isFalse();
        assertThat(screen.drawn()).containsExactly(mine.id());
        assertThat(screen.listing.rows()).containsExactly(mine);

        model.show(WorkspaceModel.Layer.EVERYONE);
        assertThat(screen.drawn()).containsExactly(mine.id(), alices.id());
        assertThat(screen.highlights.get(alices.id()).mine()).as("colleagues' work is drawn dashed").isFalse();
        assertThat(screen.highlights.get(mine.id()).mine()).isTrue();
    }

    @Test
    void theGoldViewDrawsTheGoldLayerReadOnlyWithItsReason() {
        AnnotationDetails mine = service.add("carol", "QUOTE", 0, 9);
        List<GoldMark> goldLayer = new ArrayList<>(List.of(new GoldMark(41, 0, 9, "QUOTE", Map.of("speaker", "Zoë"),
                null, "The mayor", "Both reviewers agree", "sam")));
        service.viewer = "carol";
        WorkspaceModel model = new WorkspaceModel(SOURCE, new WorkspaceModel.Viewer("carol", false), SCHEME,
                service, source -> Map.of(), source -> List.copyOf(goldLayer), screen);
        model.open();
        assertThat(model.layer()).isEqualTo(WorkspaceModel.Layer.MINE);

        model.show(WorkspaceModel.Layer.GOLD);
        assertThat(screen.layer).isEqualTo(WorkspaceModel.Layer.GOLD);
        assertThat(screen.drawn()).as("no annotation is drawn over the gold layer").isEmpty();
        assertThat(screen.gold).containsOnlyKeys("gold-41");
        assertThat(screen.gold.get("gold-41").tooltip())
                .isEqualTo("Gold Quote — speaker: Zoë — decided by sam: Both reviewers agree");
        assertThat(screen.listing.counts()).isEqualTo("Gold layer: 1 span · Quote 1");
        model.selectById("gold-41");
        assertThat(screen.openedGold.reason()).isEqualTo("Both reviewers agree");
        model.deleteFromKeyboard("gold-41");
        assertThat(screen.askedToDelete).isNull();
        assertThat(model.create(10, 12, "FACT")).as("gold is read-only").isNull();
        assertThat(screen.warnings).last().asString().contains("read-only");

        // Each switch to Gold reads the layer again; back to Mine shows the viewer's own.
        goldLayer.clear();
        model.show(WorkspaceModel.Layer.MINE);
        assertThat(screen.drawn()).containsExactly(mine.id());
        model.show(WorkspaceModel.Layer.GOLD);
        assertThat(screen.gold).isEmpty();
    }

    @Test
    void inBlindModeTheSwitchOffersOnlyMineAndFallsBackToIt() {
        service.add("alice", "FACT", 0, 4);
        service.colleagues = false;
        WorkspaceModel model = open("carol", false);
        assertThat(model.offers(WorkspaceModel.Layer.GOLD)).isFalse();
        assertThat(model.offers(WorkspaceModel.Layer.EVERYONE)).isFalse();
        model.show(WorkspaceModel.Layer.GOLD);
        assertThat(model.layer()).isEqualTo(WorkspaceModel.Layer.MINE);
    }

    @Test
    void aSupervisorStartsWithEveryonesShown() {
        service.add("alice", "FACT", 0, 4);
        WorkspaceModel model = open("sam", true);
        assertThat(model.showsEveryone()).isTrue();
        assertThat(screen.drawn()).hasSize(1);
        assertThat(model.maySwitchBlindMode()).isTrue();
        assertThat(model.showsBlindMarker(true)).as("the supervisor has the switch instead").isFalse();
    }

    @Test
    void inBlindModeColleaguesStayHiddenEvenWhenEveryoneIsChosen() {
        service.add("alice", "FACT", 0, 4);
        service.colleagues = false;
        WorkspaceModel model = open("carol", false);
        model.show(WorkspaceModel.Layer.EVERYONE);
        assertThat(screen.drawn()).isEmpty();
        assertThat(model.everyoneHint()).startsWith("Blind mode");
        assertThat(model.showsBlindMarker(true)).isTrue();
    }

    @Test
    void creatingDrawsSelectsAndTellsTheExtensions() {
        WorkspaceModel model = open("carol", false);
        List<String> heard = new ArrayList<>();
        Runnable stop = model.onOwnChange(() -> heard.add("changed"));
        AnnotationDetails created = model.create(16, 33, "QUOTE");
        assertThat(screen.drawn()).containsExactly(created.id());
        assertThat(screen.opened).isEqualTo(created);
        assertThat(screen.access).isEqualTo(new WorkspaceModel.Access(true, false));
        assertThat(heard).containsExactly("changed");
        assertThat(screen.listing.counts()).isEqualTo("1 annotation · Quote 1");

        stop.run();
        model.create(0, 3, "FACT");
        assertThat(heard).hasSize(1);
    }

    @Test
    void aRefusedCreationChangesNothingShown() {
        WorkspaceModel model = open("admin", false);
        service.refusal = new WorkbenchException(WorkbenchException.Kind.BAD_INPUT, "No.");
        assertThatThrownBy(() -> model.create(0, 3, "FACT")).hasMessage("No.");
        assertThat(screen.drawn()).isEmpty();
        assertThat(screen.opened).isNull();
        assertThat(model.selected()).isNull();
    }

    @Test
    void whoMayChangeWhat() {
        WorkspaceModel reviewer = open("carol", false);
        AnnotationDetails own = service.add("carol", "FACT", 0, 4);
        AnnotationDetails alices = service.add("alice", "FACT", 0, 4);
        AnnotationDetails importedOwn = service.imported("carol", "FACT", 5, 9);
        assertThat(reviewer.access(own)).isEqualTo(new WorkspaceModel.Access(true, false));
        assertThat(reviewer.access(alices).editable()).isFalse();
        assertThat(reviewer.access(importedOwn).editable()).as("imported work is nobody's live work").isFalse();

        WorkspaceModel supervisor = open("sam", true);
        assertThat(supervisor.access(alices)).isEqualTo(new WorkspaceModel.Access(true, true));
        assertThat(supervisor.access(importedOwn)).isEqualTo(new WorkspaceModel.Access(true, true));
    }

    @Test
    void theKeyboardDeletesOwnWorkAtOnceAndRefusesAColleaguesToAReviewer() {
        AnnotationDetails mine = service.add("carol", "FACT", 0, 4);
        AnnotationDetails alices = service.add("alice", "FACT", 5, 9);
        WorkspaceModel model = open("carol", false);
        model.show(WorkspaceModel.Layer.EVERYONE);

        model.deleteFromKeyboard(mine.id());
        assertThat(service.stored).doesNotContainKey(mine.id());
        assertThat(screen.drawn()).containsExactly(alices.id());

        model.deleteFromKeyboard(alices.id());
        assertThat(service.stored).containsKey(alices.id());
        assertThat(screen.opened).as("the annotation is shown, read-only").isEqualTo(alices);
        assertThat(screen.warnings).containsExactly("You can delete only your own annotations.");
        assertThat(screen.askedToDelete).isNull();
    }

    @Test
    void theKeyboardAsksASupervisorForAReasonToDeleteAColleagues() {
        AnnotationDetails alices = service.add("alice", "FACT", 5, 9);
        WorkspaceModel model = open("sam", true);
        model.deleteFromKeyboard(alices.id());
        assertThat(screen.askedToDelete).isEqualTo(alices);
        assertThat(service.stored).containsKey(alices.id());

        model.delete(alices, "An opinion, not a fact");
        assertThat(service.reasons).containsExactly("An opinion, not a fact");
        assertThat(screen.drawn()).isEmpty();
        assertThat(screen.opened).as("the deleted annotation leaves the editor").isNull();
    }

    @Test
    void aColleaguesLiveChangeIsShownAndWarnsWhenItIsTheOneOnShow() {
        AnnotationDetails alices = service.add("alice", "FACT", 5, 9);
        WorkspaceModel model = open("sam", true);
        model.select(alices, false);

        AnnotationDetails changed = service.change(alices.id(), "QUOTE");
        model.remoteChange(new AnnotationChanged(SOURCE, changed, null, "alice"));
        assertThat(screen.highlights.get(alices.id()).label()).isEqualTo("QUOTE");
        assertThat(screen.warnings).containsExactly("alice just changed this annotation; the panel shows their version.");
        assertThat(screen.opened).isEqualTo(changed);

        model.remoteChange(new AnnotationChanged(SOURCE, alices, null, "alice"));
        assertThat(screen.highlights.get(alices.id()).label()).as("an older version arriving late is ignored")
                .isEqualTo("QUOTE");

        model.remoteChange(new AnnotationChanged(SOURCE, null, alices.id(), "alice"));
        assertThat(screen.drawn()).isEmpty();
        assertThat(screen.opened).isNull();
    }

    @Test
    void inBlindModeAColleaguesLiveChangeNeverArrives() {
        service.colleagues = false;
        WorkspaceModel model = open("carol", false);
        model.show(WorkspaceModel.Layer.EVERYONE);
        model.remoteChange(new AnnotationChanged(SOURCE, service.add("alice", "FACT", 0, 4), null, "alice"));
        assertThat(screen.drawn()).isEmpty();
    }

    @Test
    void blindModeSwitchedOnDropsColleaguesAndTheirSelectionAndOffBringsThemBack() {
        AnnotationDetails mine = service.add("carol", "FACT", 0, 4);
        AnnotationDetails alices = service.add("alice", "FACT", 5, 9);
        WorkspaceModel model = open("carol", false);
        model.show(WorkspaceModel.Layer.EVERYONE);
        model.select(alices, false);

        service.colleagues = false;
        model.visibilityChanged(false);
        assertThat(screen.colleaguesAllowed).isFalse();
        assertThat(screen.drawn()).containsExactly(mine.id());
        assertThat(screen.opened).isNull();

        service.colleagues = true;
        AnnotationDetails later = service.add("alice", "QUOTE", 10, 12);
        model.refreshVisibility();
        assertThat(screen.colleaguesAllowed).isTrue();
        assertThat(screen.drawn()).containsExactly(mine.id(), alices.id(), later.id());
    }

    @Test
    void theListFiltersByLabelAndReviewerAndCounts() {
        service.add("carol", "FACT", 0, 4);
        service.add("alice", "QUOTE", 5, 9);
        service.add("bob", "QUOTE", 10, 12);
        WorkspaceModel model = open("sam", true);
        assertThat(screen.listing.reviewers()).containsExactly(WorkspaceModel.ALL, "alice", "bob", "carol");
        assertThat(screen.listing.counts()).isEqualTo("3 annotations · Fact 1 · Quote 2");

        model.query(model.query().withLabelAndAuthor("QUOTE", "bob"));
        assertThat(screen.listing.rows()).extracting(AnnotationDetails::author).containsExactly("bob");
        assertThat(screen.listing.counts()).isEqualTo("1 annotation · Quote 1");

        model.show(WorkspaceModel.Layer.MINE);
        assertThat(screen.listing.reviewer()).as("bob is no longer shown: the filter lets everyone through")
                .isEqualTo(WorkspaceModel.ALL);
        assertThat(screen.listing.counts()).isEqualTo("0 annotations");
    }

    @Test
    void theListFiltersByAttributeValueAndTextAndSortsByLabelAuthorAndLastChange() {
        AnnotationDetails mayor = service.add("carol", "QUOTE", 20, 30, Map.of("speaker", "The Mayor"), null);
        AnnotationDetails clerk = service.add("alice", "QUOTE", 5, 9, Map.of("speaker", "A clerk"), "Check the tape");
        AnnotationDetails fact = service.add("bob", "FACT", 0, 4);
        WorkspaceModel model = open("sam", true);
        assertThat(screen.listing.rows()).as("in text order").containsExactly(fact, clerk, mayor);

        model.query(new AnnotationQuery("", "", "speaker", "mayor", "", AnnotationQuery.Order.POSITION));
        assertThat(screen.listing.rows()).containsExactly(mayor);
        model.query(new AnnotationQuery("", "", "speaker", "", "", AnnotationQuery.Order.POSITION));
        assertThat(screen.listing.rows()).as("everything with a speaker").containsExactly(clerk, mayor);
        model.query(new AnnotationQuery("", "", "", "CLERK", "", AnnotationQuery.Order.POSITION));
        assertThat(screen.listing.rows()).as("a value of any attribute").containsExactly(clerk);
        model.query(new AnnotationQuery("", "", "", "", "tape", AnnotationQuery.Order.POSITION));
        assertThat(screen.listing.rows()).as("the note counts as text").containsExactly(clerk);
        assertThat(screen.listing.counts()).isEqualTo("1 annotation · Quote 1");

        model.query(new AnnotationQuery("", "", "", "", "", AnnotationQuery.Order.LABEL));
        assertThat(screen.listing.rows()).containsExactly(fact, clerk, mayor);
        model.query(new AnnotationQuery("", "", "", "", "", AnnotationQuery.Order.AUTHOR));
        assertThat(screen.listing.rows()).containsExactly(clerk, fact, mayor);
        AnnotationDetails changed = service.change(fact.id(), "FACT");
        model.remoteChange(new AnnotationChanged(SOURCE, changed, null, "bob"));
        model.query(new AnnotationQuery("", "", "", "", "", AnnotationQuery.Order.CHANGED));
        assertThat(screen.listing.rows().getFirst().id()).as("the latest change first").isEqualTo(fact.id());
        model.query(model.query().withLabelAndAuthor("QUOTE", "carol"));
        assertThat(screen.listing.rows()).as("label and author keep the order").containsExactly(mayor);
    }

    @Test
    void colleaguesAreDrawnInTheirOwnColourWithTheirInitialsAndTheViewerPlain() {
        AnnotationDetails mine = service.add("alice", "FACT", 0, 4);
        AnnotationDetails admins = service.add("admin", "FACT", 5, 9);
        AnnotationDetails bobs = service.add("bob", "FACT", 10, 12);
        WorkspaceModel model = open("alice", false);
        model.show(WorkspaceModel.Layer.EVERYONE);
        Highlight own = screen.highlights.get(mine.id());
        assertThat(own.authorColor()).isNull();
        assertThat(own.authorInitials()).isNull();
        Highlight admin = screen.highlights.get(admins.id());
        Highlight bob = screen.highlights.get(bobs.id());
        assertThat(admin.authorInitials()).isEqualTo("AD");
        assertThat(bob.authorInitials()).isEqualTo("BO");
        assertThat(admin.authorColor()).isNotEqualTo(bob.authorColor()).isNotEqualTo(model.mark("alice").color());
        assertThat(model.mark("alice").initials()).isEqualTo("AL");
    }

    @Test
    void theLayerAPersonChoseOpensIfTheSwitchOffersIt() {
        service.add("bob", "FACT", 0, 4);
        service.viewer = "alice";
        WorkspaceModel model = new WorkspaceModel(SOURCE, new WorkspaceModel.Viewer("alice", false), SCHEME,
                service, source -> Map.of(), screen);
        model.open(WorkspaceModel.Layer.EVERYONE);
        assertThat(model.layer()).isEqualTo(WorkspaceModel.Layer.EVERYONE);
        assertThat(screen.drawn()).hasSize(1);

        service.colleagues = false; // blind mode: everyone's is not offered, so her own shows
        WorkspaceModel blind = new WorkspaceModel(SOURCE, new WorkspaceModel.Viewer("alice", false), SCHEME,
                service, source -> Map.of(), screen);
        blind.open(WorkspaceModel.Layer.GOLD);
        assertThat(blind.layer()).isEqualTo(WorkspaceModel.Layer.MINE);
        assertThat(screen.drawn()).isEmpty();
    }

    @Test
    void aHighlightsTooltipCarriesAttributesNoteAndTheExtensionsLines() {
        AnnotationDetails quote = service.add("alice", "QUOTE", 5, 9, Map.of("speaker", "The mayor"), "Check the tape");
        verdicts.put(quote.id(), "1 agree · 0 disagree · 0 unsure");
        WorkspaceModel model = open("sam", true);
        Highlight highlight = screen.highlights.get(quote.id());
        assertThat(highlight.tooltip()).isEqualTo("Quote by alice — speaker: The mayor — note: Check the tape"
                + " — 1 agree · 0 disagree · 0 unsure");
        assertThat(highlight.color()).isEqualTo("#1565c0");
        assertThat(model.highlight(service.add("alice", "RETIRED", 0, 1)).color()).as("a label the scheme lost")
                .isEqualTo("#616161");
    }

    /** Issue 12, item 8: a colleague's verdict pushed live redraws the tooltip it changes and tells the panels. */
    @Test
    void aReviewWritePushedLiveRedrawsTheTooltipsItChangesAndTellsTheExtensions() {
        AnnotationDetails quote = service.add("alice", "QUOTE", 5, 9);
        AnnotationDetails fact = service.add("alice", "FACT", 0, 4);
        WorkspaceModel model = open("sam", true);
        List<ReviewChanged> heard = new ArrayList<>();
        Runnable stop = model.onReviewChange(heard::add);
        Highlight before = screen.highlights.get(fact.id());
        verdicts.put(quote.id(), "0 agree · 1 disagree · 0 unsure");
        ReviewChanged verdict = ReviewChanged.onAnnotations(SOURCE, Set.of(quote.id()), "bob");
        model.reviewChanged(verdict);
        assertThat(screen.highlights.get(quote.id()).tooltip()).endsWith(" — 0 agree · 1 disagree · 0 unsure");
        assertThat(screen.highlights.get(fact.id())).as("an unchanged highlight is left alone").isSameAs(before);
        assertThat(heard).containsExactly(verdict);

        stop.run();
        model.reviewChanged(ReviewChanged.status(SOURCE, "sam", false, "sam"));
        assertThat(heard).as("a listener that stopped hears nothing more").containsExactly(verdict);
    }

    @Test
    void spansMadeUnderAnEarlierSchemeAreDrawnCountedAndDescribed() {
        AnnotationDetails old = service.add("alice", "QUOTE", 5, 9, Map.of("speaker", "Ana", "allegedBy", "Bo"), null);
        AnnotationDetails retired = service.add("alice", "RETIRED", 0, 1);
        WorkspaceModel model = open("sam", true);
        assertThat(screen.drawn()).contains(old.id(), retired.id());
        assertThat(screen.highlights.get(old.id()).tooltip())
                .as("a value the label no longer declares is shown by its name")
                .isEqualTo("Quote by alice — speaker: Ana — allegedBy: Bo");
        assertThat(screen.listing.counts()).as("a label the scheme lacks is counted after the scheme's")
                .isEqualTo("2 annotations · Quote 1 · RETIRED 1");
        model.query(model.query().withLabelAndAuthor("RETIRED", null));
        assertThat(screen.listing.rows()).containsExactly(retired);
    }

    @Test
    void presenceNamesTheOthers() {
        WorkspaceModel model = open("carol", false);
        assertThat(model.presence(Set.of("carol"))).isEqualTo(
                new WorkspaceModel.Presence(List.of(), "Only you have this source open"));
        assertThat(model.presence(Set.of("carol", "bob", "alice"))).isEqualTo(
                new WorkspaceModel.Presence(List.of("alice", "bob"), "Also here: alice, bob"));
    }

    private WorkspaceModel openAs(String viewer) {
        service.viewer = viewer;
        WorkspaceModel model = new WorkspaceModel(SOURCE, new WorkspaceModel.Viewer(viewer, false), SCHEME, service,
                source -> Map.of(), screen);
        model.open();
        return model;
    }

    @Test
    void undoTakesACreateBackAndRedoBringsItBackUnderItsId() {
        WorkspaceModel model = openAs("carol");
        AnnotationDetails created = model.create(0, 4, "FACT");
        assertThat(model.history().nextUndo().orElseThrow().description()).isEqualTo("create of FACT \u2018text\u2019");

        assertThat(model.undo().orElseThrow().done()).isTrue();
        assertThat(screen.drawn()).isEmpty();
        assertThat(service.reasons).last().isEqualTo("Undo: create of FACT \u2018text\u2019");

        assertThat(model.redo().orElseThrow().done()).isTrue();
        assertThat(screen.drawn()).containsExactly(created.id());
        assertThat(service.stored.get(created.id()).version()).isEqualTo(1);
        assertThat(model.redo()).isEmpty();
    }

    @Test
    void undoOfAChangeSavesTheStateBeforeAsANewVersion() {
        WorkspaceModel model = openAs("carol");
        AnnotationDetails before = model.create(0, 4, "FACT");
        AnnotationDetails after = service.update(before.id(), new AnnotationRequest(0, 4, "QUOTE",
                Map.of("speaker", "Zoë"), "", before.version(), null));
        model.changed(before, after);
        assertThat(model.history().nextUndo().orElseThrow().description()).startsWith("change of FACT");

        model.undo();
        AnnotationDetails now = service.stored.get(before.id());
        assertThat(now.label()).isEqualTo("FACT");
        assertThat(now.attributes()).isEmpty();
        assertThat(now.version()).isEqualTo(2);
        assertThat(screen.highlights.get(before.id()).label()).isEqualTo("FACT");
        model.redo();
        assertThat(service.stored.get(before.id()).label()).isEqualTo("QUOTE");
    }

    @Test
    void anUndoNeverOverwritesWhatSomeoneElseChangedSinceAndSaysSo() {
        WorkspaceModel model = openAs("carol");
        AnnotationDetails created = model.create(0, 4, "FACT");
        service.change(created.id(), "ALLEGATION"); // a supervisor, through the API

        assertThat(model.undo().orElseThrow().done()).isFalse();
        assertThat(service.stored.get(created.id()).label()).isEqualTo("ALLEGATION");
        assertThat(screen.warnings).last().asString().startsWith("Could not undo the create of FACT")
                .contains("someone else changed it since");
        assertThat(model.history().nextUndo()).as("the step is dropped").isEmpty();
    }

    @Test
    void aDeleteOffersItsUndoAndTheUndoRestoresTheAnnotation() {
        WorkspaceModel model = openAs("carol");
        AnnotationDetails created = model.create(0, 4, "FACT");
        model.deleteFromKeyboard(created.id());
        assertThat(screen.drawn()).isEmpty();
        assertThat(screen.offeredUndo.description()).isEqualTo("delete of FACT \u2018text\u2019");

        assertThat(model.undo(screen.offeredUndo).done()).isTrue();
        assertThat(screen.drawn()).containsExactly(created.id());
        assertThat(model.undo(screen.offeredUndo).done()).as("only once").isFalse();
    }

    @Test
    void theNextStepsEffectOnTheTextIsForeseenForTheBrowser() {
        WorkspaceModel model = openAs("carol");
        AnnotationDetails created = model.create(0, 4, "FACT");
        assertThat(model.undoPreview()).isEqualTo(new WorkspaceModel.Preview(String.valueOf(created.id()), null));
        assertThat(model.redoPreview()).isNull();
        model.undo();
        assertThat(model.undoPreview()).isNull();
        assertThat(model.redoPreview().show().id()).isEqualTo(String.valueOf(created.id()));
        assertThat(model.redoPreview().show().label()).isEqualTo("FACT");
    }

    @Test
    void theHistoryKeepsTheNewestFiftyStepsAndANewStepEmptiesRedo() {
        WorkspaceModel model = openAs("carol");
        for (int i = 0; i < UndoHistory.LIMIT + 5; i++) {
            model.create(i, i + 1, "FACT");
        }
        assertThat(model.history().undoSize()).isEqualTo(UndoHistory.LIMIT);
        model.undo();
        assertThat(model.history().nextRedo()).isPresent();
        model.create(80, 81, "FACT");
        assertThat(model.history().nextRedo()).isEmpty();
    }

    @Test
    void aColleaguesChangeToTheAnnotationInTheEditorGoesToTheScreenAsAChangeUnderneath() {
        WorkspaceModel model = openAs("carol");
        AnnotationDetails created = model.create(0, 4, "FACT");
        AnnotationDetails theirs = service.change(created.id(), "QUOTE");
        model.remoteChange(new AnnotationChanged(SOURCE, theirs, null, "sam"));
        assertThat(screen.conflictActor).isEqualTo("sam");
        assertThat(model.selected().version()).isEqualTo(theirs.version());
    }

    /** The service as the workspace sees it, in memory. */
    private static final class FakeAnnotations implements WorkspaceModel.Annotations {
        final Map<Long, AnnotationDetails> stored = new LinkedHashMap<>();
        final List<String> reasons = new ArrayList<>();
        String viewer;
        boolean colleagues = true;
        RuntimeException refusal;
        String notAssigned;
        private long nextId = 100;

        @Override
        public java.util.Optional<String> refusalToAnnotate(long sourceId) {
            return java.util.Optional.ofNullable(notAssigned);
        }

        AnnotationDetails add(String author, String label, int start, int end) {
            return add(author, label, start, end, Map.of(), null);
        }

        AnnotationDetails add(String author, String label, int start, int end, Map<String, String> attributes,
                              String note) {
            return put(new AnnotationDetails(nextId++, SOURCE, start, end, label, attributes, note, author,
                    Instant.EPOCH, Instant.EPOCH, "text", "", "", 0, null, 1L, 1));
        }

        AnnotationDetails imported(String author, String label, int start, int end) {
            return put(new AnnotationDetails(nextId++, SOURCE, start, end, label, Map.of(), null, author,
                    Instant.EPOCH, Instant.EPOCH, "text", "", "", 0,
                    new Provenance("sam", Instant.EPOCH, "old.jsonl"), 1L, 1));
        }

        AnnotationDetails change(long id, String label) {
            AnnotationDetails a = stored.get(id);
            return put(new AnnotationDetails(a.id(), a.sourceId(), a.start(), a.end(), label, a.attributes(), a.note(),
                    a.author(), a.createdAt(), Instant.now(), a.text(), "", "", a.version() + 1, a.imported(), a.project(),
                    a.schemeVersion()));
        }

        private AnnotationDetails put(AnnotationDetails annotation) {
            stored.put(annotation.id(), annotation);
            return annotation;
        }

        @Override
        public List<AnnotationDetails> visible(long sourceId) {
            return stored.values().stream().filter(a -> colleagues || a.author().equals(viewer)).toList();
        }

        @Override
        public boolean seesColleagues(long sourceId) {
            return colleagues;
        }

        @Override
        public AnnotationDetails create(long sourceId, AnnotationRequest request) {
            if (refusal != null) {
                throw refusal;
            }
            return add(viewer, request.label(), request.start(), request.end(), request.attributes(), null);
        }

        @Override
        public void delete(long id, long version, String reason) {
            if (stored.get(id).version() != version) {
                throw WorkbenchException.conflict("stale");
            }
            deleted.put(id, stored.remove(id));
            reasons.add(reason == null ? "(none)" : reason);
        }

        final Map<Long, AnnotationDetails> deleted = new LinkedHashMap<>();

        @Override
        public AnnotationDetails update(long id, AnnotationRequest request) {
            AnnotationDetails a = stored.get(id);
            if (a.version() != request.version()) {
                throw WorkbenchException.conflict("stale");
            }
            reasons.add(request.reason());
            return put(new AnnotationDetails(a.id(), a.sourceId(), request.start(), request.end(), request.label(),
                    request.attributes(), request.note().isEmpty() ? null : request.note(), a.author(), a.createdAt(),
                    Instant.now(), a.text(), "", "", a.version() + 1, a.imported(), a.project(), a.schemeVersion()));
        }

        @Override
        public AnnotationDetails restore(long id, long version, String reason) {
            AnnotationDetails a = deleted.get(id);
            if (a == null || stored.containsKey(id) || a.version() != version) {
                throw WorkbenchException.conflict("stale");
            }
            deleted.remove(id);
            reasons.add(reason);
            return put(new AnnotationDetails(a.id(), a.sourceId(), a.start(), a.end(), a.label(), a.attributes(),
                    a.note(), a.author(), a.createdAt(), Instant.now(), a.text(), "", "", a.version() + 1,
                    a.imported(), a.project(), a.schemeVersion()));
        }
    }

    /** Records what the model told the screen, as the screen would show it. */
    private static final class Screen implements WorkspaceModel.Display {
        final Map<Long, Highlight> highlights = new LinkedHashMap<>();
        final Map<String, Highlight> gold = new LinkedHashMap<>();
        GoldMark openedGold;
        WorkspaceModel.Layer layer;
        final List<String> warnings = new ArrayList<>();
        WorkspaceModel.Listing listing;
        AnnotationDetails opened;
        WorkspaceModel.Access access;
        AnnotationDetails askedToDelete;
        Boolean colleaguesAllowed;
        String askedRequired;
        UndoableAction offeredUndo;
        String conflictActor;

        @Override
        public void offerUndo(String message, UndoableAction deletion) {
            offeredUndo = deletion;
        }

        @Override
        public void changedUnderneath(AnnotationDetails theirs, String actor, WorkspaceModel.Access access) {
            conflictActor = actor;
            WorkspaceModel.Display.super.changedUnderneath(theirs, actor, access);
        }

        List<Long> drawn() {
            return List.copyOf(highlights.keySet());
        }

        @Override
        public void drawAll(List<Highlight> all) {
            highlights.clear();
            gold.clear();
            all.forEach(this::draw);
        }

        @Override
        public void draw(Highlight highlight) {
            if (highlight.id().startsWith("gold-")) {
                gold.put(highlight.id(), highlight);
            } else {
                highlights.put(Long.valueOf(highlight.id()), highlight);
            }
        }

        @Override
        public void openGold(GoldMark mark) {
            openedGold = mark;
        }

        @Override
        public void layerShown(WorkspaceModel.Layer shown) {
            layer = shown;
        }

        @Override
        public void erase(long annotationId) {
            highlights.remove(annotationId);
        }

        @Override
        public void list(WorkspaceModel.Listing listing) {
            this.listing = listing;
        }

        @Override
        public void open(AnnotationDetails annotation, WorkspaceModel.Access access, boolean reveal) {
            this.opened = annotation;
            this.access = access;
        }

        @Override
        public void close() {
            opened = null;
            access = null;
        }

        @Override
        public void colleaguesAllowed(boolean allowed) {
            colleaguesAllowed = allowed;
        }

        @Override
        public void askReasonToDelete(AnnotationDetails annotation) {
            askedToDelete = annotation;
        }

        @Override
        public void askRequired(int start, int end, String label, List<LabelScheme.Attribute> required) {
            askedRequired = label + " " + start + ".." + end + " "
                    + required.stream().map(LabelScheme.Attribute::name).toList();
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    }
}
