package io.hatrack.definition.wireframes;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Item;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class WireframeServiceTest {
  private static final String LOGIN = "{\n  Login | \"ana\"\n  [Cancel] | [OK]\n}";
  private static final String LOGIN_2 = "{\n  Login | \"ana\"\n  [X] Remember me\n  [OK]\n}";

  private static WireframeService wireframes(TestApp app) {
    return app.app().definition().wireframes().wireframes();
  }

  private static Map<String, Long> footprint(TestApp app) {
    return Map.of(
        "entity", app.count("entity"),
        "wireframe", app.count("wireframe"),
        "wireframe_version", app.count("wireframe_version"),
        "activity", app.count("activity"));
  }

  @Test
  void anEditorDrawsAWireframeThatIsAKernelItemWithItsFirstVersion(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");

    Wireframe w = wireframes(app).create(team.owner(), team.product().slug(), " Login ", LOGIN);

    assertThat(w.title()).isEqualTo("Login");
    assertThat(w.item().kind()).isEqualTo(WireframeStore.KIND);
    assertThat(w.item().key()).isEqualTo(team.product().key() + "-" + w.item().number());
    assertThat(w.sourceVersion()).isEqualTo(1);
    assertThat(w.version()).isEqualTo(1);
    WireframeService.WireframeView read = wireframes(app).get(viewer, w.item().key());
    assertThat(read.wireframe()).isEqualTo(w);
    assertThat(read.access().role()).isEqualTo(Role.VIEWER);
    assertThat(wireframes(app).versions(viewer, w.item().key()))
        .extracting(WireframeVersion::number, WireframeVersion::createdBy)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, team.owner().id()));
    assertThat(new String(wireframes(app).svg(viewer, w.item().key()), StandardCharsets.UTF_8))
        .contains("<svg")
        .contains(">Login<");
  }

  @Test
  void everySavedSourceIsKeptAsAVersionAndAnyVersionCanBeSeen(TestApp app) {
    Team team = team(app);
    WireframeService service = wireframes(app);
    Wireframe w = service.create(team.owner(), team.product().slug(), "Login", LOGIN);
    app.clock().advance(Duration.ofMinutes(5));

    Wireframe second = service.update(team.owner(), w.item().key(), 1, null, LOGIN_2);
    Wireframe renamed = service.update(team.owner(), w.item().key(), 2, "Sign in", null);

    assertThat(second.sourceVersion()).isEqualTo(2);
    assertThat(renamed.sourceVersion()).as("a new title alone is no new source").isEqualTo(2);
    assertThat(renamed.version()).isEqualTo(3);
    assertThat(renamed.title()).isEqualTo("Sign in");
    List<WireframeVersion> versions = service.versions(team.owner(), w.item().key());
    assertThat(versions).extracting(WireframeVersion::number).containsExactly(2, 1);
    assertThat(versions).allSatisfy(v -> assertThat(v.source()).isNull());
    assertThat(service.version(team.owner(), w.item().key(), 1).source()).isEqualTo(LOGIN);
    assertThat(service.version(team.owner(), w.item().key(), 2).source()).isEqualTo(LOGIN_2);
    assertThat(new String(service.versionSvg(team.owner(), w.item().key(), 2)))
        .contains("Remember me");
    assertThat(new String(service.versionSvg(team.owner(), w.item().key(), 1)))
        .doesNotContain("Remember me");
    assertThatThrownBy(() -> service.version(team.owner(), w.item().key(), 9))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void restoringAnOldVersionAddsItAsTheNewestVersion(TestApp app) {
    Team team = team(app);
    WireframeService service = wireframes(app);
    Wireframe w = service.create(team.owner(), team.product().slug(), "Login", LOGIN);
    service.update(team.owner(), w.item().key(), 1, null, LOGIN_2);

    Wireframe restored = service.restoreVersion(team.owner(), w.item().key(), 2, 1);

    assertThat(restored.source()).isEqualTo(LOGIN);
    assertThat(restored.sourceVersion()).isEqualTo(3);
    WireframeVersion third = service.version(team.owner(), w.item().key(), 3);
    assertThat(third.restoredFrom()).isEqualTo(1);
    assertThat(third.source()).isEqualTo(LOGIN);
    assertThat(service.versions(team.owner(), w.item().key())).hasSize(3);
  }

  @Test
  void aSourceThatDoesNotDrawIsRefusedWithItsLineAndNothingIsSaved(TestApp app) {
    Team team = team(app);
    WireframeService service = wireframes(app);
    Map<String, Long> before = footprint(app);
    String broken = "{\n  Name | \"ana\"\n  [OK]\n  {\n}";

    assertThatThrownBy(() -> service.create(team.owner(), team.product().slug(), "Bad", broken))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("source")).startsWith("line 1: ").contains("never closed"));
    assertThat(footprint(app)).isEqualTo(before);

    Wireframe w = service.create(team.owner(), team.product().slug(), "Good", LOGIN);
    Map<String, Long> afterCreate = footprint(app);
    assertThatThrownBy(
            () ->
                service.update(
                    team.owner(), w.item().key(), 1, "Renamed", "{\n [OK]\n !include x.puml\n}"))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("source")).startsWith("line 3: !include"));
    assertThat(footprint(app)).isEqualTo(afterCreate);
    assertThat(service.get(team.owner(), w.item().key()).wireframe()).isEqualTo(w);
  }

  @Test
  void aBlankTitleAndAnEmptySourceAreBothReported(TestApp app) {
    Team team = team(app);

    assertThatThrownBy(() -> wireframes(app).create(team.owner(), team.product().slug(), " ", ""))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("title")).isEqualTo("must not be blank");
              assertThat(e.reasonFor("source")).isEqualTo("must not be empty");
            });
  }

  @Test
  void theSecondWriterOfTheSameVersionGetsAConflictAndTheFirstChangeStays(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    WireframeService service = wireframes(app);
    Wireframe w = service.create(team.owner(), team.product().slug(), "Login", LOGIN);
    service.update(ben, w.item().key(), 1, null, LOGIN_2);

    assertThatThrownBy(() -> service.update(team.owner(), w.item().key(), 1, "Mine", LOGIN))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("you had version 1, it is now at version 2");
    assertThatThrownBy(() -> service.restoreVersion(team.owner(), w.item().key(), 1, 1))
        .isInstanceOf(Conflict.class);

    Wireframe now = service.get(team.owner(), w.item().key()).wireframe();
    assertThat(now.source()).isEqualTo(LOGIN_2);
    assertThat(now.title()).isEqualTo("Login");
    assertThat(service.versions(team.owner(), w.item().key())).hasSize(2);
  }

  @Test
  void viewersReadButCannotDrawEditOrRestore(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");
    WireframeService service = wireframes(app);
    Wireframe w = service.create(team.owner(), team.product().slug(), "Login", LOGIN);

    assertThatThrownBy(() -> service.create(viewer, team.product().slug(), "Mine", LOGIN))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> service.update(viewer, w.item().key(), 1, null, LOGIN_2))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> service.restoreVersion(viewer, w.item().key(), 1, 1))
        .isInstanceOf(Forbidden.class);
    assertThat(service.get(viewer, w.item().key()).wireframe().source()).isEqualTo(LOGIN);
  }

  @Test
  void outsidersDoNotSeeAWireframeAndOtherItemsAreNotWireframes(TestApp app) {
    Team team = team(app);
    Team other = team(app);
    Wireframe w = wireframes(app).create(team.owner(), team.product().slug(), "Login", LOGIN);
    var page = app.pages().create(team.owner(), team.product().slug(), "A page", "");

    assertThatThrownBy(() -> wireframes(app).get(other.owner(), Long.toString(w.id())))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> wireframes(app).get(team.owner(), page.item().key()))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void theSvgForAnotherHatIsTheCurrentDrawingAndNothingForADeletedWireframe(TestApp app) {
    Team team = team(app);
    WireframeService service = wireframes(app);
    Wireframe w = service.create(team.owner(), team.product().slug(), "Login", LOGIN);
    service.update(team.owner(), w.item().key(), 1, null, LOGIN_2);

    byte[] svg = app.database().read(h -> service.svg(h, w.id())).orElseThrow();
    byte[] again = app.database().read(h -> service.svg(h, w.id())).orElseThrow();

    assertThat(new String(svg, StandardCharsets.UTF_8)).contains("Remember me");
    assertThat(again).as("drawn once, served from the cache").isSameAs(svg);
    service.delete(team.owner(), w.item().key(), 2);
    Optional<byte[]> deleted = app.database().read(h -> service.svg(h, w.id()));
    Optional<byte[]> missing = app.database().read(h -> service.svg(h, -1L));
    assertThat(deleted).isEmpty();
    assertThat(missing).isEmpty();
  }

  @Test
  void otherHatsGetTheDrawingWithItsSizeAndTheProductsWireframes(TestApp app) {
    Team team = team(app);
    Team other = team(app);
    WireframeService service = wireframes(app);
    Wireframe w = service.create(team.owner(), team.product().slug(), "Login", LOGIN);
    service.create(other.owner(), other.product().slug(), "Elsewhere", LOGIN);

    Optional<WireframeService.Drawing> drawing =
        app.database().read(h -> service.drawing(h, w.id()));
    List<WireframeSummary> listed =
        app.database().read(h -> service.inProduct(h, team.product().id(), 50));

    assertThat(drawing)
        .get()
        .satisfies(
            d -> {
              assertThat(d.width()).isPositive();
              assertThat(d.height()).isPositive();
              assertThat(new String(d.svg(), StandardCharsets.UTF_8)).contains(">Login<");
            });
    assertThat(listed).extracting(s -> s.item().id()).containsExactly(w.id());
  }

  @Test
  void aDeletedWireframeCanBeBroughtBackWithItsVersions(TestApp app) {
    Team team = team(app);
    WireframeService service = wireframes(app);
    Wireframe w = service.create(team.owner(), team.product().slug(), "Login", LOGIN);
    long before = service.list(team.owner(), team.product().slug(), null, 10).total();

    service.delete(team.owner(), w.item().key(), 1);

    assertThatThrownBy(() -> service.get(team.owner(), w.item().key()))
        .isInstanceOf(NotFound.class);
    assertThat(service.list(team.owner(), team.product().slug(), null, 10).total())
        .isEqualTo(before - 1);
    Wireframe back = service.restore(team.owner(), w.item().key());
    assertThat(back.source()).isEqualTo(LOGIN);
    assertThat(service.versions(team.owner(), w.item().key())).hasSize(1);
  }

  @Test
  void theListIsMostRecentlyUpdatedFirstInPagesWithTheCurrentVersionNumber(TestApp app) {
    Team team = team(app);
    WireframeService service = wireframes(app);
    Wireframe a = service.create(team.owner(), team.product().slug(), "A", LOGIN);
    app.clock().advance(Duration.ofMinutes(1));
    Wireframe b = service.create(team.owner(), team.product().slug(), "B", LOGIN);
    app.clock().advance(Duration.ofMinutes(1));
    service.update(team.owner(), a.item().key(), 1, null, LOGIN_2);

    var first = service.list(team.owner(), team.product().slug(), null, 1);
    var second = service.list(team.owner(), team.product().slug(), first.nextCursor(), 1);

    assertThat(first.total()).isEqualTo(2);
    assertThat(first.items())
        .extracting(s -> s.item().title(), WireframeSummary::sourceVersion)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 2));
    assertThat(second.items()).extracting(s -> s.item().id()).containsExactly(b.id());
    assertThat(second.nextCursor()).isNull();
  }

  @Test
  void savingRecordsActivityOnTheItem(TestApp app) {
    Team team = team(app);
    Wireframe w = wireframes(app).create(team.owner(), team.product().slug(), "Login", LOGIN);
    wireframes(app).update(team.owner(), w.item().key(), 1, null, LOGIN_2);

    var feed = app.collaboration().activity().forItem(team.owner(), w.item().key(), 0, 10);

    assertThat(feed).extracting(e -> e.action()).contains("wireframe.created", "wireframe.updated");
    Item item = w.item();
    assertThat(item.id()).isPositive();
  }
}
