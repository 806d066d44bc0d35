package io.hatrack.definition.docs;

import static io.hatrack.testing.Fixtures.team;
import static io.hatrack.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.audit.ActivityEntry;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.Notification;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.Race;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class DocumentServiceTest {

  private static DocumentService documents(TestApp app) {
    return app.app().definition().documents().documents();
  }

  /** The tables writing a document touches, with their row counts. */
  private static Map<String, Long> footprint(TestApp app) {
    return Map.of(
        "entity", app.count("entity"),
        "document", app.count("document"),
        "document_version", app.count("document_version"),
        "document_approver", app.count("document_approver"),
        "activity", app.count("activity"),
        "notification", app.count("notification"));
  }

  private static Document write(TestApp app, Team team, String body) {
    return documents(app)
        .create(
            team.owner(),
            team.product().slug(),
            new NewDocument("blank", "Saved cards " + io.hatrack.testing.Fixtures.unique(), body));
  }

  private static List<String> actions(TestApp app, User reader, Document d) {
    return app.collaboration().activity().forItem(reader, d.key(), 0, 50).stream()
        .map(ActivityEntry::action)
        .toList();
  }

  private static List<String> notices(TestApp app, User user) {
    return app.collaboration().notifications().list(user, false, 0, 50).stream()
        .map(Notification::summary)
        .toList();
  }

  // Writing.

  @Test
  void anEditorWritesADocumentFromATemplateAsADraftAtVersionOne(TestApp app) {
    Team team = team(app);
    User editor = team.member(app, Role.EDITOR, "ed");

    Document d =
        documents(app)
            .create(editor, team.product().slug(), NewDocument.of("prd", "  Saved cards  "));

    assertThat(d.title()).isEqualTo("Saved cards");
    assertThat(d.key()).startsWith("CHK-");
    assertThat(d.item().kind()).isEqualTo(Document.KIND);
    assertThat(d.status()).isEqualTo(DocumentStatus.DRAFT);
    assertThat(d.latestVersion()).isEqualTo(1);
    assertThat(d.version()).isEqualTo(1);
    assertThat(d.templateKey()).isEqualTo("prd");
    assertThat(d.templateName()).isEqualTo("Product requirements (PRD)");
    assertThat(d.body())
        .contains("## Problem", "## Success metrics", "## Risks and open questions")
        .contains("| **Author** | Ed |")
        .contains(team.product().name())
        .doesNotContain("{{");
    assertThat(d.approvals()).isEmpty();
    assertThat(documents(app).versions(editor, d.key()))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.number()).isEqualTo(1);
              assertThat(v.author().handle()).isEqualTo(editor.handle());
              assertThat(v.characters()).isEqualTo(d.body().length());
            });
    assertThat(actions(app, editor, d)).containsExactly("document.created");
  }

  @Test
  void everyBuiltInTemplateHasSectionsWithPrompts(TestApp app) {
    Team team = team(app);

    List<DocumentTemplate> all =
        app.app().definition().documents().templates().list(team.owner(), team.product().slug());

    assertThat(all)
        .extracting(DocumentTemplate::key)
        .containsExactly("prd", "one-pager", "technical-spec", "rfc", "blank");
    for (DocumentTemplate t : all.subList(0, 4)) {
      assertThat(t.builtIn()).isTrue();
      assertThat(t.outline()).as(t.key()).hasSizeGreaterThanOrEqualTo(6);
      assertThat(t.body()).as(t.key()).contains("*");
    }
    assertThat(all.get(2).outline()).contains("Proposed design", "Alternatives considered");
    assertThat(all.get(3).outline()).contains("Motivation", "Drawbacks", "Alternatives");
  }

  @Test
  void aGivenBodyReplacesTheTemplatesTextAndNoTemplateMeansBlank(TestApp app) {
    Team team = team(app);

    Document given =
        documents(app)
            .create(
                team.owner(),
                team.product().slug(),
                NewDocument.of("rfc", "Move to network tokens").withBody("Our own words."));
    Document blank =
        documents(app).create(team.owner(), team.product().slug(), NewDocument.of(null, "Scratch"));

    assertThat(given.body()).isEqualTo("Our own words.");
    assertThat(given.templateKey()).isEqualTo("rfc");
    assertThat(blank.body()).isEmpty();
    assertThat(blank.templateKey()).isEqualTo("blank");
  }

  @Test
  void anUnknownTemplateOrABlankTitleIsRefusedAndNothingIsWritten(TestApp app) {
    Team team = team(app);
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                documents(app)
                    .create(team.owner(), team.product().slug(), NewDocument.of("memo", "X")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("template"))
                    .contains("no template 'memo'")
                    .contains("prd, one-pager, technical-spec, rfc, blank"));
    assertThatThrownBy(
            () ->
                documents(app)
                    .create(team.owner(), team.product().slug(), NewDocument.of("prd", " ")))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("title")).isEqualTo("must not be blank"));

    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void viewersAndCommentersCannotWriteOrEditDocuments(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");
    User commenter = team.member(app, Role.COMMENTER, "cam");
    User mallory = user(app, "mallory");
    Document d = write(app, team, "text");
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                documents(app).create(viewer, team.product().slug(), NewDocument.of("prd", "Mine")))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> documents(app).update(commenter, d.key(), 1, null, "mine"))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> documents(app).delete(viewer, d.key(), 1))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> documents(app).get(mallory, d.key())).isInstanceOf(NotFound.class);

    assertThat(footprint(app)).isEqualTo(before);
    assertThat(documents(app).get(viewer, d.key()).document().body()).isEqualTo("text");
  }

  @Test
  void aPageIsNotADocument(TestApp app) {
    Team team = team(app);
    var page = app.pages().create(team.owner(), team.product().slug(), "Notes", "x");

    assertThatThrownBy(() -> documents(app).get(team.owner(), page.item().key()))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("document");
  }

  // Versions and conflicts.

  @Test
  void everySaveIsKeptAsANumberedVersion(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    Document d = write(app, team, "one");
    app.clock().advance(Duration.ofMinutes(5));
    Document two = documents(app).update(ben, d.key(), d.version(), null, "two");
    app.clock().advance(Duration.ofMinutes(5));
    Document three = documents(app).update(team.owner(), d.key(), two.version(), "Renamed", null);

    assertThat(three.latestVersion()).isEqualTo(3);
    assertThat(three.version()).isEqualTo(3);
    assertThat(three.title()).isEqualTo("Renamed");
    assertThat(three.body()).isEqualTo("two");
    assertThat(documents(app).versions(team.owner(), d.key()))
        .extracting(v -> v.number(), v -> v.title(), v -> v.author().handle())
        .containsExactly(
            tuple(3, "Renamed", team.owner().handle()),
            tuple(2, d.title(), ben.handle()),
            tuple(1, d.title(), team.owner().handle()));
    assertThat(documents(app).version(team.owner(), d.key(), 1).body()).isEqualTo("one");
    DocumentVersion second = documents(app).version(team.owner(), d.key(), 2);
    assertThat(second.body()).isEqualTo("two");
    assertThat(second.savedAt()).isEqualTo(d.item().createdAt().plus(Duration.ofMinutes(5)));
    assertThatThrownBy(() -> documents(app).version(team.owner(), d.key(), 4))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void savingWithoutAChangeMakesNoVersion(TestApp app) {
    Team team = team(app);
    Document d = write(app, team, "same");

    Document again = documents(app).update(team.owner(), d.key(), 1, d.title(), "same");

    assertThat(again.latestVersion()).isEqualTo(1);
    assertThat(again.version()).isEqualTo(1);
    assertThat(documents(app).versions(team.owner(), d.key())).hasSize(1);
  }

  @Test
  void aSaveAtAStaleVersionIsAConflictAndKeepsNoVersionOfIt(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    Document d = write(app, team, "first");
    documents(app).update(ben, d.key(), 1, null, "Ben's edit");
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(() -> documents(app).update(team.owner(), d.key(), 1, null, "Ana's edit"))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("version_conflict"));
    assertThatThrownBy(() -> documents(app).update(team.owner(), d.key(), 1, null, "Ben's edit"))
        .isInstanceOf(Conflict.class);

    assertThat(footprint(app)).isEqualTo(before);
    assertThat(documents(app).get(team.owner(), d.key()).document().body()).isEqualTo("Ben's edit");
  }

  @Test
  void aTooLongBodyIsRefusedOnCreateAndOnSave(TestApp app) {
    Team team = team(app);
    Document d = write(app, team, "x");
    String huge = "y".repeat(DocumentService.MAX_BODY + 1);

    assertThatThrownBy(() -> write(app, team, huge))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("body")).isEqualTo("must be at most 200000 characters"));
    assertThatThrownBy(() -> documents(app).update(team.owner(), d.key(), 1, null, huge))
        .isInstanceOf(Invalid.class);
    assertThat(documents(app).versions(team.owner(), d.key())).hasSize(1);
  }

  @Test
  void theDiffOfAnyTwoVersionsShowsTheirLinesAndTitles(TestApp app) {
    Team team = team(app);
    Document d = write(app, team, "# Goals\nConvert more shoppers.\nKeep PCI scope small.\n");
    d = documents(app).update(team.owner(), d.key(), 1, null, d.body() + "Measure conversion.\n");
    d =
        documents(app)
            .update(
                team.owner(),
                d.key(),
                2,
                "Saved cards PRD",
                "# Goals\nConvert many more shoppers.\nMeasure conversion.\n");

    DocumentService.VersionDiff oneToThree = documents(app).diff(team.owner(), d.key(), 1, 3);
    DocumentService.VersionDiff latest = documents(app).diff(team.owner(), d.key(), null, null);
    DocumentService.VersionDiff backwards = documents(app).diff(team.owner(), d.key(), 3, 1);

    assertThat(oneToThree.titleChanged()).isTrue();
    assertThat(oneToThree.to().title()).isEqualTo("Saved cards PRD");
    List<TextDiff.Line> lines = oneToThree.body().hunks().get(0).lines();
    assertThat(lines)
        .extracting(TextDiff.Line::kind, TextDiff.Line::text)
        .containsExactly(
            tuple(TextDiff.Kind.CONTEXT, "# Goals"),
            tuple(TextDiff.Kind.REMOVED, "Convert more shoppers."),
            tuple(TextDiff.Kind.REMOVED, "Keep PCI scope small."),
            tuple(TextDiff.Kind.ADDED, "Convert many more shoppers."),
            tuple(TextDiff.Kind.ADDED, "Measure conversion."));
    assertThat(lines.get(3).segments())
        .extracting(TextDiff.Segment::text, TextDiff.Segment::changed)
        .containsExactly(
            tuple("Convert ", false), tuple("many", true), tuple(" more shoppers.", false));
    assertThat(latest.from().number()).isEqualTo(2);
    assertThat(latest.to().number()).isEqualTo(3);
    assertThat(backwards.body().added()).isEqualTo(oneToThree.body().removed());
    assertThat(documents(app).diff(team.owner(), d.key(), 2, 2).body().identical()).isTrue();
    String key = d.key();
    assertThatThrownBy(() -> documents(app).diff(team.owner(), key, 0, 4))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("from")).isEqualTo("must be a version from 1 to 3");
              assertThat(e.reasonFor("to")).isEqualTo("must be a version from 1 to 3");
            });
  }

  // Reviews.

  @Test
  void aDocumentIsApprovedWhenEveryNamedApproverApprovedItsLatestVersion(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    User femi = team.member(app, Role.ADMIN, "femi");
    Document d = write(app, team, "PRD text");

    Document asked =
        documents(app)
            .requestReview(team.owner(), d.key(), List.of(ben.handle(), "@" + femi.handle()));

    assertThat(asked.status()).isEqualTo(DocumentStatus.IN_REVIEW);
    assertThat(asked.reviewRequestedBy().handle()).isEqualTo(team.owner().handle());
    assertThat(asked.approvals())
        .extracting(a -> a.approver().handle(), Approval::decision)
        .containsExactly(
            tuple(ben.handle(), Decision.PENDING), tuple(femi.handle(), Decision.PENDING));
    assertThat(notices(app, ben)).anyMatch(s -> s.contains("asked you to review version 1"));
    assertThat(notices(app, femi)).anyMatch(s -> s.contains("asked you to review version 1"));

    Document half = documents(app).approve(ben, d.key(), 1, "Looks right.");

    assertThat(half.status()).isEqualTo(DocumentStatus.IN_REVIEW);
    assertThat(half.approvedCount()).isEqualTo(1);
    assertThat(half.approvalOf(ben.id()).orElseThrow())
        .satisfies(
            a -> {
              assertThat(a.decision()).isEqualTo(Decision.APPROVED);
              assertThat(a.decidedVersion()).isEqualTo(1);
              assertThat(a.comment()).isEqualTo("Looks right.");
              assertThat(a.decidedAt()).isEqualTo(app.clock().instant());
            });
    assertThat(notices(app, team.owner()))
        .anyMatch(s -> s.contains(ben.name() + " approved version 1"));

    Document done = documents(app).approve(femi, d.key(), null, null);

    assertThat(done.status()).isEqualTo(DocumentStatus.APPROVED);
    assertThat(actions(app, team.owner(), d))
        .contains("document.review_requested", "document.review_approved", "document.approved");
  }

  @Test
  void requestingChangesKeepsTheDocumentInReviewUntilTheApproverApproves(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    Document d = write(app, team, "PRD text");
    documents(app).requestReview(team.owner(), d.key(), List.of(ben.handle()));

    Document changes = documents(app).requestChanges(ben, d.key(), 1, "Add the PCI section.");

    assertThat(changes.status()).isEqualTo(DocumentStatus.IN_REVIEW);
    assertThat(changes.approvalOf(ben.id()).orElseThrow().decision())
        .isEqualTo(Decision.CHANGES_REQUESTED);
    assertThat(notices(app, team.owner()))
        .anyMatch(s -> s.contains(ben.name() + " asked for changes to version 1"));
    assertThat(documents(app).approve(ben, d.key(), 1, "Fine after all.").status())
        .isEqualTo(DocumentStatus.APPROVED);
    assertThat(documents(app).requestChanges(ben, d.key(), 1, "Wait.").status())
        .isEqualTo(DocumentStatus.IN_REVIEW);
  }

  @Test
  void anEditResetsEveryApprovalAndMovesAnApprovedDocumentBackToDraft(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    Document d = write(app, team, "v1");
    documents(app).requestReview(team.owner(), d.key(), List.of(ben.handle()));
    documents(app).approve(ben, d.key(), 1, "ok");

    Document edited = documents(app).update(team.owner(), d.key(), 1, null, "v2");

    assertThat(edited.status()).isEqualTo(DocumentStatus.DRAFT);
    assertThat(edited.approvals())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.decision()).isEqualTo(Decision.PENDING);
              assertThat(a.decidedVersion()).isNull();
              assertThat(a.comment()).isEmpty();
            });
    assertThat(actions(app, team.owner(), d)).contains("document.reopened");
    assertThatThrownBy(() -> documents(app).approve(ben, d.key(), 2, null))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("draft");

    Document again = documents(app).requestReview(team.owner(), d.key(), List.of(ben.handle()));
    assertThat(again.status()).isEqualTo(DocumentStatus.IN_REVIEW);
    assertThat(documents(app).approve(ben, d.key(), 2, null).status())
        .isEqualTo(DocumentStatus.APPROVED);
  }

  @Test
  void anEditDuringReviewAsksTheApproversWhoDecidedToReviewTheNewVersion(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    User femi = team.member(app, Role.ADMIN, "femi");
    Document d = write(app, team, "v1");
    documents(app).requestReview(team.owner(), d.key(), List.of(ben.handle(), femi.handle()));
    documents(app).approve(ben, d.key(), 1, null);

    Document edited = documents(app).update(team.owner(), d.key(), 1, null, "v2");

    assertThat(edited.status()).isEqualTo(DocumentStatus.IN_REVIEW);
    assertThat(edited.approvedCount()).isZero();
    assertThat(notices(app, ben))
        .anyMatch(s -> s.contains("saved version 2") && s.contains("review of the new version"));
    assertThatThrownBy(() -> documents(app).approve(femi, d.key(), 1, "I read version 1"))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("version_conflict"));
    assertThat(documents(app).get(femi, d.key()).document().approvalOf(femi.id()).orElseThrow())
        .extracting(Approval::decision)
        .isEqualTo(Decision.PENDING);
  }

  @Test
  void onlyNamedApproversDecideAndOnlyEditorsAskForReviews(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    User chloe = team.member(app, Role.EDITOR, "chloe");
    User dev = team.member(app, Role.COMMENTER, "dev");
    Document d = write(app, team, "text");

    assertThatThrownBy(() -> documents(app).requestReview(dev, d.key(), List.of(ben.handle())))
        .isInstanceOf(Forbidden.class);
    documents(app).requestReview(team.owner(), d.key(), List.of(ben.handle(), dev.handle()));

    assertThatThrownBy(() -> documents(app).approve(chloe, d.key(), null, null))
        .isInstanceOf(Forbidden.class)
        .hasMessageContaining("named approvers");
    assertThat(documents(app).approve(dev, d.key(), null, "A commenter may approve").approvals())
        .filteredOn(a -> a.approver().id() == dev.id())
        .extracting(Approval::decision)
        .containsExactly(Decision.APPROVED);
    assertThat(documents(app).get(ben, d.key()).canDecide()).isTrue();
    assertThat(documents(app).get(chloe, d.key()).canDecide()).isFalse();
  }

  @Test
  void approversMustBeMembersWhoMayComment(TestApp app) {
    Team team = team(app);
    User vic = team.member(app, Role.VIEWER, "vic");
    String stranger = user(app, "stranger").handle();
    Document d = write(app, team, "text");
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(() -> documents(app).requestReview(team.owner(), d.key(), List.of()))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("approvers")).isEqualTo("name at least one approver"));
    assertThatThrownBy(
            () -> documents(app).requestReview(team.owner(), d.key(), List.of(vic.handle())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("approvers")).contains("@" + vic.handle() + " is a viewer"));
    assertThatThrownBy(() -> documents(app).requestReview(team.owner(), d.key(), List.of(stranger)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("approvers"))
                    .isEqualTo("no member @" + stranger + " in this workspace"));

    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void changingTheApproversKeepsTheDecisionsOfThoseStillNamed(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    User chloe = team.member(app, Role.EDITOR, "chloe");
    User femi = team.member(app, Role.ADMIN, "femi");
    Document d = write(app, team, "text");
    documents(app).requestReview(team.owner(), d.key(), List.of(ben.handle(), chloe.handle()));
    documents(app).approve(ben, d.key(), 1, "yes");

    Document changed =
        documents(app)
            .requestReview(
                team.owner(), d.key(), List.of(ben.handle(), femi.handle(), ben.handle()));

    assertThat(changed.approvals())
        .extracting(a -> a.approver().handle(), Approval::decision)
        .containsExactlyInAnyOrder(
            tuple(ben.handle(), Decision.APPROVED), tuple(femi.handle(), Decision.PENDING));
    assertThat(documents(app).requestReview(team.owner(), d.key(), List.of(ben.handle())).status())
        .isEqualTo(DocumentStatus.APPROVED);
  }

  @Test
  void twoApproversApprovingAtOnceBothCountAndTheDocumentIsApproved(TestApp app) throws Exception {
    Team team = team(app);
    List<User> approvers = new ArrayList<>();
    List<String> handles = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      User u = team.member(app, Role.EDITOR, "appr");
      approvers.add(u);
      handles.add(u.handle());
    }
    Document d = write(app, team, "text");
    documents(app).requestReview(team.owner(), d.key(), handles);

    int approved =
        Race.successes(
            approvers.stream()
                .map(u -> (Runnable) () -> documents(app).approve(u, d.key(), 1, null))
                .toArray(Runnable[]::new));

    assertThat(approved).isEqualTo(4);
    Document after = documents(app).get(team.owner(), d.key()).document();
    assertThat(after.approvedCount()).isEqualTo(4);
    assertThat(after.status()).isEqualTo(DocumentStatus.APPROVED);
  }

  // Listing, deleting.

  @Test
  void theListFiltersByStatusWithTotals(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    Document draft = write(app, team, "a");
    app.clock().advance(Duration.ofSeconds(1));
    Document review = write(app, team, "b");
    documents(app).requestReview(team.owner(), review.key(), List.of(ben.handle()));
    String slug = team.product().slug();

    var all = documents(app).list(team.owner(), slug, null, null, 10);
    var inReview = documents(app).list(team.owner(), slug, "in_review", null, 10);

    assertThat(all.total()).isEqualTo(2);
    assertThat(all.items()).extracting(Document::key).containsExactly(review.key(), draft.key());
    assertThat(inReview.total()).isEqualTo(1);
    assertThat(inReview.items())
        .singleElement()
        .satisfies(d -> assertThat(d.approvals()).hasSize(1));
    assertThat(documents(app).list(team.owner(), slug, "approved", null, 10).total()).isZero();
    assertThatThrownBy(() -> documents(app).list(team.owner(), slug, "done", null, 10))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void listingWithACursorReturnsEveryDocumentOnce(TestApp app) {
    Team team = team(app);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      keys.add(write(app, team, "x").key());
      if (i % 2 == 0) {
        app.clock().advance(Duration.ofSeconds(1));
      }
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var slice = documents(app).list(team.owner(), team.product().slug(), null, cursor, 3);
      slice.items().forEach(d -> seen.add(d.key()));
      cursor = slice.nextCursor();
    } while (cursor != null);

    assertThat(seen).containsExactlyInAnyOrderElementsOf(keys).doesNotHaveDuplicates();
  }

  @Test
  void aDeletedDocumentIsGoneUntilRestoredWithItsVersions(TestApp app) {
    Team team = team(app);
    Document d = write(app, team, "one");
    d = documents(app).update(team.owner(), d.key(), 1, null, "two");
    String key = d.key();

    documents(app).delete(team.owner(), key, d.version());

    assertThatThrownBy(() -> documents(app).get(team.owner(), key)).isInstanceOf(NotFound.class);
    assertThat(documents(app).list(team.owner(), team.product().slug(), null, null, 5).total())
        .isZero();

    Document back = documents(app).restore(team.owner(), key);

    assertThat(back.body()).isEqualTo("two");
    assertThat(documents(app).versions(team.owner(), key)).hasSize(2);
    assertThat(actions(app, team.owner(), back)).contains("document.deleted", "document.restored");
  }

  @Test
  void aDocumentLinksToWorkItemsWithTheKernelsLinks(TestApp app) {
    Team team = team(app);
    var feature =
        app.app()
            .definition()
            .workItems()
            .create(
                team.owner(),
                team.product().slug(),
                io.hatrack.definition.NewWorkItem.of("feature", "One-click saved cards"));
    Document d = write(app, team, "x");

    app.collaboration().links().add(team.owner(), d.key(), feature.key(), "relates-to");

    assertThat(app.collaboration().links().list(team.owner(), d.key()))
        .extracting(l -> l.other().key(), l -> l.label())
        .containsExactly(tuple(feature.key(), "relates to"));
    Item item = app.items().access(team.owner(), d.key()).item();
    assertThat(item.kind()).isEqualTo("document");
  }
}
