package io.hatrack.definition.wireframes;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.pages.Page;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class AttachmentServiceTest {

  private static AttachmentService attachments(TestApp app) {
    return app.app().definition().wireframes().attachments();
  }

  private static WorkItem feature(TestApp app, Team team) {
    return app.app()
        .definition()
        .workItems()
        .create(team.owner(), team.product().slug(), NewWorkItem.of("feature", "Saved cards"));
  }

  @Test
  void anImageIsAttachedToAWorkItemWithWhatItsBytesSay(TestApp app) throws Exception {
    Team team = team(app);
    WorkItem feature = feature(app, team);
    byte[] png = Images.png(64, 32);

    Attachment a = attachments(app).upload(team.owner(), feature.key(), "flow.png", png);

    assertThat(a.itemId()).isEqualTo(feature.id());
    assertThat(a.name()).isEqualTo("flow.png");
    assertThat(a.contentType()).isEqualTo("image/png");
    assertThat(a.sizeBytes()).isEqualTo(png.length);
    assertThat(a.width()).isEqualTo(64);
    assertThat(a.height()).isEqualTo(32);
    assertThat(a.version()).isEqualTo(1);
    assertThat(a.createdByName()).isEqualTo(team.owner().name());
    assertThat(a.sha256())
        .isEqualTo(
            HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(png)));
    AttachmentService.Content content = attachments(app).content(team.owner(), a.id());
    assertThat(content.bytes()).isEqualTo(png);
    assertThat(content.contentType()).isEqualTo("image/png");
    assertThat(content.name()).isEqualTo("flow.png");
  }

  @Test
  void anyItemCanHoldImagesAPageOrAWireframeToo(TestApp app) {
    Team team = team(app);
    Page page = app.pages().create(team.owner(), team.product().slug(), "Notes", "");
    Wireframe w =
        app.app()
            .definition()
            .wireframes()
            .wireframes()
            .create(team.owner(), team.product().slug(), "Login", "{\n [OK]\n}");

    attachments(app).upload(team.owner(), page.item().key(), "board.jpg", Images.jpeg(8, 8));
    attachments(app).upload(team.owner(), Long.toString(w.id()), "ref.png", Images.png(8, 8));

    assertThat(attachments(app).list(team.owner(), page.item().key(), false).attachments())
        .extracting(Attachment::name, Attachment::contentType)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("board.jpg", "image/jpeg"));
    assertThat(attachments(app).list(team.owner(), w.item().key(), false).attachments()).hasSize(1);
  }

  @Test
  void theSameNameAgainIsTheNextVersionAndTheOlderOneStays(TestApp app) {
    Team team = team(app);
    WorkItem feature = feature(app, team);
    AttachmentService service = attachments(app);
    Attachment v1 = service.upload(team.owner(), feature.key(), "mock.png", Images.png(10, 10));
    service.upload(team.owner(), feature.key(), "other.png", Images.png(5, 5));

    Attachment v2 = service.upload(team.owner(), feature.key(), "mock.png", Images.png(20, 10));

    assertThat(v2.version()).isEqualTo(2);
    assertThat(service.list(team.owner(), feature.key(), false).attachments())
        .extracting(Attachment::name, Attachment::version)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mock.png", 2),
            org.assertj.core.groups.Tuple.tuple("other.png", 1));
    assertThat(service.list(team.owner(), feature.key(), true).attachments())
        .extracting(Attachment::name, Attachment::version)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mock.png", 2),
            org.assertj.core.groups.Tuple.tuple("mock.png", 1),
            org.assertj.core.groups.Tuple.tuple("other.png", 1));
    assertThat(service.content(team.owner(), v1.id()).bytes()).isEqualTo(Images.png(10, 10));
    assertThat(AttachmentGroup.of(service.list(team.owner(), feature.key(), true).attachments()))
        .extracting(g -> g.latest().version(), g -> g.older().size())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, 1), org.assertj.core.groups.Tuple.tuple(1, 0));
  }

  @Test
  void deletingTheNewestVersionShowsThePreviousOneAndNumbersNeverRepeat(TestApp app) {
    Team team = team(app);
    WorkItem feature = feature(app, team);
    AttachmentService service = attachments(app);
    service.upload(team.owner(), feature.key(), "mock.png", Images.png(10, 10));
    Attachment v2 = service.upload(team.owner(), feature.key(), "mock.png", Images.png(12, 10));

    service.delete(team.owner(), v2.id());

    assertThat(service.list(team.owner(), feature.key(), false).attachments())
        .extracting(Attachment::version)
        .containsExactly(1);
    assertThatThrownBy(() -> service.content(team.owner(), v2.id())).isInstanceOf(NotFound.class);
    Optional<AttachmentService.Content> gone =
        app.database().read(h -> service.content(h, v2.id()));
    assertThat(gone).isEmpty();
    assertThat(service.upload(team.owner(), feature.key(), "mock.png", Images.png(9, 9)).version())
        .isEqualTo(3);
  }

  @Test
  void aMislabelledFileIsRefusedAndNothingIsStored(TestApp app) {
    Team team = team(app);
    WorkItem feature = feature(app, team);
    long before = app.count("attachment");

    assertThatThrownBy(
            () ->
                attachments(app)
                    .upload(team.owner(), feature.key(), "photo.png", Images.jpeg(4, 4)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("file")).startsWith("photo.png is a JPEG image"));
    assertThatThrownBy(
            () ->
                attachments(app)
                    .upload(
                        team.owner(),
                        feature.key(),
                        "notes.png",
                        "just text".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(Invalid.class);
    assertThat(app.count("attachment")).isEqualTo(before);
  }

  @Test
  void anImageLargerThanTheLimitIsRefusedWithItsSize(TestApp app) {
    Team team = team(app);
    WorkItem feature = feature(app, team);
    byte[] big = Arrays.copyOf(Images.png(4, 4), AttachmentService.MAX_BYTES + 1);

    assertThatThrownBy(() -> attachments(app).upload(team.owner(), feature.key(), "big.png", big))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("file"))
                    .isEqualTo("big.png is 5 MB; an image may be at most 5 MB"));
  }

  @Test
  void anSvgIsStoredSanitisedWithoutItsScripts(TestApp app) {
    Team team = team(app);
    WorkItem feature = feature(app, team);
    String svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30\" height=\"20\""
            + " onload=\"fetch('/api/v1/me')\"><script>alert(document.cookie)</script>"
            + "<rect width=\"30\" height=\"20\" onmouseover=\"alert(1)\"/></svg>";

    Attachment a =
        attachments(app)
            .upload(team.owner(), feature.key(), "logo.svg", svg.getBytes(StandardCharsets.UTF_8));

    String stored =
        new String(attachments(app).content(team.owner(), a.id()).bytes(), StandardCharsets.UTF_8);
    assertThat(stored).doesNotContain("script").doesNotContain("onload");
    assertThat(stored).doesNotContain("onmouseover").contains("<rect");
    assertThat(a.contentType()).isEqualTo("image/svg+xml");
    assertThat(a.width()).isEqualTo(30);
    assertThat(a.sizeBytes()).isEqualTo(stored.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void viewersSeeImagesButOnlyEditorsAttachOrRemoveThem(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");
    WorkItem feature = feature(app, team);
    Attachment a =
        attachments(app).upload(team.owner(), feature.key(), "mock.png", Images.png(4, 4));

    assertThatThrownBy(
            () -> attachments(app).upload(viewer, feature.key(), "x.png", Images.png(4, 4)))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> attachments(app).delete(viewer, a.id())).isInstanceOf(Forbidden.class);
    assertThat(attachments(app).get(viewer, a.id()).name()).isEqualTo("mock.png");
    assertThat(attachments(app).list(viewer, feature.key(), false).canEdit()).isFalse();
  }

  @Test
  void otherHatsListTheNewestImagesOfTheProductsLiveItems(TestApp app) {
    Team team = team(app);
    Team other = team(app);
    AttachmentService service = attachments(app);
    WorkItem feature = feature(app, team);
    Page gone = app.pages().create(team.owner(), team.product().slug(), "Gone", "");
    service.upload(team.owner(), feature.key(), "mock.png", Images.png(4, 4));
    Attachment newest = service.upload(team.owner(), feature.key(), "mock.png", Images.png(8, 6));
    service.upload(team.owner(), gone.item().key(), "old.png", Images.png(4, 4));
    app.pages().delete(team.owner(), gone.item().key(), gone.version());
    service.upload(other.owner(), feature(app, other).key(), "theirs.png", Images.png(4, 4));

    List<Attachment> listed =
        app.database().read(h -> service.inProduct(h, team.product().id(), 50));
    Optional<Attachment> described = app.database().read(h -> service.describe(h, newest.id()));

    assertThat(listed).extracting(Attachment::id).containsExactly(newest.id());
    assertThat(described)
        .get()
        .extracting(Attachment::width, Attachment::height)
        .containsExactly(8, 6);
  }

  @Test
  void outsidersCannotReadAnImageEvenByItsId(TestApp app) {
    Team team = team(app);
    Team other = team(app);
    WorkItem feature = feature(app, team);
    Attachment a =
        attachments(app).upload(team.owner(), feature.key(), "mock.png", Images.png(4, 4));

    assertThatThrownBy(() -> attachments(app).get(other.owner(), a.id()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> attachments(app).content(other.owner(), a.id()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> attachments(app).delete(other.owner(), a.id()))
        .isInstanceOf(NotFound.class);
    Optional<AttachmentService.Content> forOtherHats =
        app.database().read(h -> attachments(app).content(h, a.id()));
    assertThat(forOtherHats).as("the contract for other hats checks no permission").isPresent();
  }
}
