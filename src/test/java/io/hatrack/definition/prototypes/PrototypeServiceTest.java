package io.hatrack.definition.prototypes;

import static io.hatrack.definition.prototypes.ScreenImagesForTests.png;
import static io.hatrack.definition.prototypes.ScreenImagesForTests.svg;
import static io.hatrack.testing.Fixtures.team;
import static io.hatrack.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.prototypes.PrototypeService.Edited;
import io.hatrack.definition.prototypes.PrototypeService.HotspotInput;
import io.hatrack.definition.prototypes.PrototypeService.NewShare;
import io.hatrack.definition.prototypes.PrototypeService.ScreenChanges;
import io.hatrack.definition.prototypes.ScreenSource.ScreenCandidate;
import io.hatrack.definition.prototypes.ScreenSource.ScreenImage;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.audit.ActivityStore;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.SecretTokens;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Json;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class PrototypeServiceTest {

  private static PrototypeService prototypes(TestApp app) {
    return app.app().definition().prototypes();
  }

  /** The rows a prototype's changes write to. */
  private static Map<String, Long> footprint(TestApp app) {
    return Map.of(
        "entity", app.count("entity"),
        "prototype", app.count("prototype"),
        "prototype_screen", app.count("prototype_screen"),
        "prototype_hotspot", app.count("prototype_hotspot"),
        "prototype_share", app.count("prototype_share"),
        "activity", app.count("activity"));
  }

  private static Prototype prototype(TestApp app, Team team) {
    return prototypes(app).create(team.owner(), team.product().slug(), "Checkout flow", "");
  }

  private static Screen upload(TestApp app, Team team, Prototype p, String name) {
    long version = prototypes(app).get(team.owner(), p.key()).prototype().version();
    return prototypes(app)
        .addImage(team.owner(), p.key(), version, name, png(390, 844), "image/png")
        .value();
  }

  private static Prototype read(TestApp app, User user, Prototype p) {
    return prototypes(app).get(user, p.key()).prototype();
  }

  private static HotspotInput area(double x, double y, double w, double h, long target) {
    return new HotspotInput(x, y, w, h, target, "Pay button");
  }

  @Test
  void anEditorMakesAPrototypeThatEveryMemberCanRead(TestApp app) {
    Team team = team(app);
    User editor = team.member(app, Role.EDITOR, "ed");
    User viewer = team.member(app, Role.VIEWER, "vic");

    Prototype made =
        prototypes(app).create(editor, team.product().slug(), "  Saved cards  ", "Happy path");

    assertThat(made.key()).isEqualTo("CHK-1");
    assertThat(made.title()).isEqualTo("Saved cards");
    assertThat(made.item().kind()).isEqualTo(PrototypeStore.KIND);
    assertThat(made.version()).isEqualTo(1);
    assertThat(made.screens()).isEmpty();
    assertThat(made.start()).isEmpty();
    PrototypeService.PrototypeView read = prototypes(app).get(viewer, made.key());
    assertThat(read.prototype()).isEqualTo(made);
    assertThat(read.canEdit()).isFalse();
    assertThat(prototypes(app).get(editor, made.key()).canEdit()).isTrue();
  }

  @Test
  void viewersCannotMakeOrChangePrototypesAndOutsidersCannotSeeThem(TestApp app) {
    Team team = team(app);
    Prototype p = prototype(app, team);
    Screen screen = upload(app, team, p, "Cart");
    User viewer = team.member(app, Role.VIEWER, "vic");
    User outsider = user(app, "mallory");
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(() -> prototypes(app).create(viewer, team.product().slug(), "Mine", null))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> prototypes(app).addImage(viewer, p.key(), 2, "x", png(10, 10), null))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(
            () ->
                prototypes(app)
                    .addHotspot(viewer, p.key(), 2, screen.id(), area(0, 0, 1, 1, screen.id())))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> prototypes(app).share(viewer, p.key(), ""))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> prototypes(app).get(outsider, p.key())).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> prototypes(app).image(outsider, p.key(), screen.id()))
        .isInstanceOf(NotFound.class);

    assertThat(footprint(app)).isEqualTo(before);
    assertThat(prototypes(app).image(viewer, p.key(), screen.id()).contentType())
        .isEqualTo("image/png");
  }

  @Test
  void aBlankTitleIsRefusedAndNothingIsWritten(TestApp app) {
    Team team = team(app);
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                prototypes(app)
                    .create(
                        team.owner(),
                        team.product().slug(),
                        " ",
                        "d".repeat(PrototypeService.MAX_DESCRIPTION + 1)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("title")).isEqualTo("must not be blank");
              assertThat(e.reasonFor("description")).isEqualTo("must be at most 20000 characters");
            });

    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void uploadedScreensKeepTheirBytesInOrderAndTheFirstBecomesTheStart(TestApp app) {
    Team team = team(app);
    Prototype p = prototype(app, team);
    byte[] cartBytes = png(390, 844);
    byte[] confirmedBytes = svg(390, 600, "Payment confirmed");

    Edited<Screen> cart =
        prototypes(app).addImage(team.owner(), p.key(), 1, "  Cart ", cartBytes, "image/png");
    Edited<Screen> confirmed =
        prototypes(app).addImage(team.owner(), p.key(), 2, "", confirmedBytes, null);

    assertThat(cart.version()).isEqualTo(2);
    assertThat(confirmed.version()).isEqualTo(3);
    Prototype now = read(app, team.owner(), p);
    assertThat(now.version()).isEqualTo(3);
    assertThat(now.screens())
        .extracting(Screen::name, Screen::position, Screen::kind, Screen::width, Screen::height)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Cart", 0, ScreenKind.IMAGE, 390, 844),
            org.assertj.core.groups.Tuple.tuple("Screen 2", 1, ScreenKind.IMAGE, 390, 600));
    assertThat(now.startScreenId()).isEqualTo(cart.value().id());
    assertThat(now.start()).contains(now.screens().get(0));
    ScreenImage image = prototypes(app).image(team.owner(), p.key(), cart.value().id());
    assertThat(image.bytes()).isEqualTo(cartBytes);
    assertThat(image.contentType()).isEqualTo("image/png");
    String svgText =
        new String(
            prototypes(app).image(team.owner(), p.key(), confirmed.value().id()).bytes(),
            StandardCharsets.UTF_8);
    assertThat(svgText).contains("Payment confirmed");
  }

  @Test
  void aMislabelledUploadIsRefusedAndNothingIsWritten(TestApp app) {
    Team team = team(app);
    Prototype p = prototype(app, team);
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                prototypes(app)
                    .addImage(
                        team.owner(),
                        p.key(),
                        1,
                        "Cart",
                        ScreenImagesForTests.jpeg(20, 20),
                        "image/png"))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("image")).contains("labelled image/png"));

    assertThat(footprint(app)).isEqualTo(before);
    assertThat(read(app, team.owner(), p).version()).isEqualTo(1);
  }

  @Test
  void screensAreRenamedAndReorderedAndEveryChangeMovesTheVersionOn(TestApp app) {
    Team team = team(app);
    Prototype p = prototype(app, team);
    Screen a = upload(app, team, p, "A");
    Screen b = upload(app, team, p, "B");
    Screen c = upload(app, team, p, "C");

    Edited<Screen> moved =
        prototypes(app).changeScreen(team.owner(), p.key(), 4, c.id(), new ScreenChanges(null, 0));
    Edited<Screen> renamed =
        prototypes(app)
            .changeScreen(team.owner(), p.key(), 5, a.id(), new ScreenChanges(" Start ", 99));

    assertThat(moved.value().position()).isZero();
    assertThat(renamed.value().name()).isEqualTo("Start");
    assertThat(renamed.version()).isEqualTo(6);
    assertThat(read(app, team.owner(), p).screens())
        .extracting(Screen::name, Screen::position)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("C", 0),
            org.assertj.core.groups.Tuple.tuple("B", 1),
            org.assertj.core.groups.Tuple.tuple("Start", 2));
    assertThat(b.position()).isEqualTo(1);
    assertThatThrownBy(
            () ->
                prototypes(app)
                    .changeScreen(team.owner(), p.key(), 6, b.id(), new ScreenChanges("  ", null)))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("name")).isEqualTo("must not be blank"));
  }

  @Test
  void hotspotsLeadToOtherScreensOfTheSamePrototype(TestApp app) {
    Team team = team(app);
    Prototype p = prototype(app, team);
    Screen cart = upload(app, team, p, "Cart");
    Screen pay = upload(app, team, p, "Pay");
    Prototype other = prototype(app, team);
    Screen elsewhere = upload(app, team, other, "Elsewhere");

    Edited<Hotspot> drawn =
        prototypes(app)
            .addHotspot(team.owner(), p.key(), 3, cart.id(), area(0.1, 0.8, 0.8, 0.1, pay.id()));

    assertThat(drawn.value().area()).isEqualTo(new HotspotArea(0.1, 0.8, 0.8, 0.1));
    assertThat(drawn.value().targetScreenId()).isEqualTo(pay.id());
    assertThat(drawn.value().label()).isEqualTo("Pay button");
    assertThat(read(app, team.owner(), p).screen(cart.id()).orElseThrow().hotspots())
        .containsExactly(drawn.value());
    assertThatThrownBy(
            () ->
                prototypes(app)
                    .addHotspot(
                        team.owner(), p.key(), 4, cart.id(), area(0, 0, 0.5, 0.5, elsewhere.id())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("target_screen_id"))
                    .isEqualTo("is not a screen of this prototype"));
    assertThatThrownBy(
            () ->
                prototypes(app)
                    .addHotspot(
                        team.owner(), p.key(), 4, elsewhere.id(), area(0, 0, 0.5, 0.5, pay.id())))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(
            () ->
                prototypes(app)
                    .addHotspot(
                        team.owner(),
                        p.key(),
                        4,
                        cart.id(),
                        new HotspotInput(0.0, 0.0, 0.5, 0.5, null, null)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("target_screen_id")).startsWith("is required"));
    assertThat(read(app, team.owner(), p).version()).isEqualTo(4);
  }

  @Test
  void aHotspotOutsideTheScreenOrWithoutSizeIsRefusedAndNothingIsWritten(TestApp app) {
    Team team = team(app);
    Prototype p = prototype(app, team);
    Screen cart = upload(app, team, p, "Cart");
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                prototypes(app)
                    .addHotspot(
                        team.owner(), p.key(), 2, cart.id(), area(0.5, 0.5, 0.6, 0, cart.id())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("h"))
                  .isEqualTo("must be more than 0: a hotspot needs a height");
            });
    assertThatThrownBy(
            () ->
                prototypes(app)
                    .addHotspot(
                        team.owner(), p.key(), 2, cart.id(), area(0.5, 0.5, 0.6, 0.1, cart.id())))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("w")).contains("past the right edge"));

    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void hotspotsAreMovedRetargetedAndDeleted(TestApp app) {
    Team team = team(app);
    Prototype p = prototype(app, team);
    Screen cart = upload(app, team, p, "Cart");
    Screen pay = upload(app, team, p, "Pay");
    Hotspot spot =
        prototypes(app)
            .addHotspot(team.owner(), p.key(), 3, cart.id(), area(0.1, 0.1, 0.2, 0.2, pay.id()))
            .value();

    Hotspot changed =
        prototypes(app)
            .changeHotspot(
                team.owner(),
                p.key(),
                4,
                cart.id(),
                spot.id(),
                new HotspotInput(0.5, null, null, null, cart.id(), "Back"))
            .value();

    assertThat(changed.area()).isEqualTo(new HotspotArea(0.5, 0.1, 0.2, 0.2));
    assertThat(changed.targetScreenId()).isEqualTo(cart.id());
    assertThat(changed.label()).isEqualTo("Back");
    assertThatThrownBy(
            () ->
                prototypes(app)
                    .changeHotspot(
                        team.owner(),
                        p.key(),
                        5,
                        cart.id(),
                        spot.id(),
                        new HotspotInput(null, null, 0.6, null, null, null)))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(
            () -> prototypes(app).deleteHotspot(team.owner(), p.key(), 5, pay.id(), spot.id()))
        .isInstanceOf(NotFound.class);

    long version = prototypes(app).deleteHotspot(team.owner(), p.key(), 5, cart.id(), spot.id());

    assertThat(version).isEqualTo(6);
    assertThat(read(app, team.owner(), p).hotspotCount()).isZero();
    assertThatThrownBy(
            () -> prototypes(app).deleteHotspot(team.owner(), p.key(), 6, cart.id(), spot.id()))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void deletingAScreenTakesItsHotspotsAndTheHotspotsLeadingToItAndTheStartMovesOn(TestApp app) {
    Team team = team(app);
    Prototype p = prototype(app, team);
    Screen cart = upload(app, team, p, "Cart");
    Screen pay = upload(app, team, p, "Pay");
    Screen done = upload(app, team, p, "Done");
    PrototypeService service = prototypes(app);
    service.addHotspot(team.owner(), p.key(), 4, cart.id(), area(0, 0, 0.5, 0.5, pay.id()));
    service.addHotspot(team.owner(), p.key(), 5, pay.id(), area(0, 0, 0.5, 0.5, done.id()));
    service.addHotspot(team.owner(), p.key(), 6, done.id(), area(0, 0, 0.5, 0.5, cart.id()));

    service.deleteScreen(team.owner(), p.key(), 7, cart.id());

    Prototype now = read(app, team.owner(), p);
    assertThat(now.screens())
        .extracting(Screen::name, Screen::position)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Pay", 0),
            org.assertj.core.groups.Tuple.tuple("Done", 1));
    assertThat(now.hotspotCount()).isEqualTo(1);
    assertThat(now.screen(pay.id()).orElseThrow().hotspots())
        .extracting(Hotspot::targetScreenId)
        .containsExactly(done.id());
    assertThat(now.startScreenId()).isNull();
    assertThat(now.start().orElseThrow().id()).isEqualTo(pay.id());
    Prototype restarted = service.update(team.owner(), p.key(), 8, null, null, done.id());
    assertThat(restarted.start().orElseThrow().id()).isEqualTo(done.id());
    assertThatThrownBy(() -> service.update(team.owner(), p.key(), 9, null, null, cart.id()))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("start_screen_id"))
                    .isEqualTo("is not a screen of this prototype"));
  }

  @Test
  void aChangeAtAStaleVersionIsAConflictAndChangesNothing(TestApp app) {
    Team team = team(app);
    Prototype p = prototype(app, team);
    Screen cart = upload(app, team, p, "Cart");
    Screen pay = upload(app, team, p, "Pay");
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                prototypes(app)
                    .addHotspot(
                        team.owner(), p.key(), 2, cart.id(), area(0, 0, 0.5, 0.5, pay.id())))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("you had version 2, it is now at version 3");
    assertThatThrownBy(() -> prototypes(app).deleteScreen(team.owner(), p.key(), 1, pay.id()))
        .isInstanceOf(Conflict.class);
    assertThatThrownBy(
            () -> prototypes(app).update(team.owner(), p.key(), 2, "Renamed", null, null))
        .isInstanceOf(Conflict.class);

    assertThat(footprint(app)).isEqualTo(before);
    assertThat(read(app, team.owner(), p).title()).isEqualTo("Checkout flow");
  }

  @Test
  void aShareLinkPlaysThePrototypeUntilItIsRevokedAndOnlyItsHashIsKept(TestApp app) {
    Team team = team(app);
    Prototype p = prototype(app, team);
    Screen cart = upload(app, team, p, "Cart");

    NewShare share = prototypes(app).share(team.owner(), p.key(), " Brightwave interview ");

    assertThat(share.token()).hasSize(43);
    assertThat(share.path()).isEqualTo("/p/prototypes/" + share.token());
    assertThat(share.link().label()).isEqualTo("Brightwave interview");
    assertThat(share.link().active()).isTrue();
    assertThat(share.link().createdByName()).isEqualTo(team.owner().name());
    String stored =
        app.database()
            .read(
                h ->
                    h.createQuery("SELECT token_hash FROM prototype_share WHERE id = :id")
                        .bind("id", share.link().id())
                        .mapTo(String.class)
                        .one());
    assertThat(stored).isEqualTo(SecretTokens.hash(share.token())).doesNotContain(share.token());
    assertThat(prototypes(app).shared(share.token()).screens())
        .extracting(Screen::name)
        .containsExactly("Cart");
    assertThat(prototypes(app).sharedImage(share.token(), cart.id()).contentType())
        .isEqualTo("image/png");
    assertThat(prototypes(app).shares(team.owner(), p.key())).containsExactly(share.link());

    ShareLink revoked = prototypes(app).revokeShare(team.owner(), p.key(), share.link().id());

    assertThat(revoked.active()).isFalse();
    assertThatThrownBy(() -> prototypes(app).shared(share.token())).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> prototypes(app).sharedImage(share.token(), cart.id()))
        .isInstanceOf(NotFound.class);
    assertThat(prototypes(app).revokeShare(team.owner(), p.key(), share.link().id()).revokedAt())
        .isEqualTo(revoked.revokedAt());
  }

  @Test
  void unknownTokensAndScreensOfOtherPrototypesAreNotFoundThroughAShareLink(TestApp app) {
    Team team = team(app);
    Prototype p = prototype(app, team);
    upload(app, team, p, "Cart");
    Prototype other = prototype(app, team);
    Screen secret = upload(app, team, other, "Secret");
    NewShare share = prototypes(app).share(team.owner(), p.key(), null);

    assertThatThrownBy(() -> prototypes(app).shared(SecretTokens.generate("")))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> prototypes(app).shared("short")).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> prototypes(app).shared(null)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> prototypes(app).sharedImage(share.token(), secret.id()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(
            () -> prototypes(app).revokeShare(team.owner(), other.key(), share.link().id()))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void aDeletedPrototypesShareLinksStopWorkingUntilItIsRestored(TestApp app) {
    Team team = team(app);
    Prototype p = prototype(app, team);
    NewShare share = prototypes(app).share(team.owner(), p.key(), "");

    prototypes(app).delete(team.owner(), p.key(), 1);

    assertThatThrownBy(() -> prototypes(app).shared(share.token())).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> prototypes(app).get(team.owner(), p.key()))
        .isInstanceOf(NotFound.class);

    prototypes(app).restore(team.owner(), p.key());

    assertThat(prototypes(app).shared(share.token()).id()).isEqualTo(p.id());
  }

  @Test
  void theListShowsLivePrototypesNewestFirstWithTheirScreenCounts(TestApp app) {
    Team team = team(app);
    Prototype first = prototype(app, team);
    app.clock().advance(java.time.Duration.ofMinutes(1));
    Prototype second = prototypes(app).create(team.owner(), team.product().slug(), "Second", "");
    app.clock().advance(java.time.Duration.ofMinutes(1));
    upload(app, team, first, "Cart");
    Prototype gone = prototypes(app).create(team.owner(), team.product().slug(), "Gone", "");
    prototypes(app).delete(team.owner(), gone.key(), 1);

    var page1 = prototypes(app).list(team.owner(), team.product().slug(), null, 1);
    var page2 = prototypes(app).list(team.owner(), team.product().slug(), page1.nextCursor(), 1);

    assertThat(page1.total()).isEqualTo(2);
    assertThat(page1.items())
        .extracting(s -> s.item().title(), PrototypeSummary::screens)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Checkout flow", 1));
    assertThat(page2.items()).extracting(s -> s.item().id()).containsExactly(second.id());
    assertThat(page2.nextCursor()).isNull();
  }

  // ---- Screens from the product's wireframes and attachments ---------------------------------

  /** A stand-in for the wireframes and attachments: images per product, changeable by the test. */
  private static final class FakeSource implements ScreenSource {
    final Map<Long, List<ScreenCandidate>> byProduct = new HashMap<>();
    final Map<Long, ScreenImage> images = new HashMap<>();

    @Override
    public Optional<ScreenImage> image(Handle h, String kind, long id) {
      return Optional.ofNullable(images.get(id));
    }

    @Override
    public List<ScreenCandidate> candidates(Handle h, long productId) {
      return byProduct.getOrDefault(productId, List.of());
    }
  }

  private static PrototypeService withSource(TestApp app, ScreenSource source) {
    return new PrototypeService(
        app.database(),
        new PrototypeStore(),
        app.products(),
        app.items(),
        source,
        new AuditLog(new ActivityStore(), Json.mapper(), app.clock()),
        app.clock());
  }

  @Test
  void aWireframeOfTheProductBecomesAScreenShownFromItsSource(TestApp app) {
    Team team = team(app);
    Team otherTeam = team(app);
    FakeSource source = new FakeSource();
    ScreenImage wireframe = new ScreenImage("image/svg+xml", svg(800, 600, "Checkout"), 800, 600);
    source.byProduct.put(
        team.product().id(), List.of(new ScreenCandidate("wireframe", 41, "CHK-9 Checkout page")));
    source.byProduct.put(
        otherTeam.product().id(), List.of(new ScreenCandidate("wireframe", 42, "Not yours")));
    source.images.put(41L, wireframe);
    source.images.put(42L, wireframe);
    PrototypeService service = withSource(app, source);
    Prototype p = service.create(team.owner(), team.product().slug(), "From wireframes", "");

    Screen screen = service.addFromSource(team.owner(), p.key(), 1, null, "wireframe", 41L).value();

    assertThat(screen.kind()).isEqualTo(ScreenKind.WIREFRAME);
    assertThat(screen.sourceId()).isEqualTo(41L);
    assertThat(screen.name()).isEqualTo("CHK-9 Checkout page");
    assertThat(screen.width()).isEqualTo(800);
    assertThat(service.candidates(team.owner(), p.key()))
        .extracting(ScreenCandidate::id)
        .containsExactly(41L);
    assertThat(service.image(team.owner(), p.key(), screen.id()).bytes())
        .isEqualTo(wireframe.bytes());
    assertThatThrownBy(() -> service.addFromSource(team.owner(), p.key(), 2, "x", "wireframe", 42L))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("source_id"))
                    .isEqualTo("is not a wireframe of this prototype's product"));
    assertThatThrownBy(
            () -> service.addFromSource(team.owner(), p.key(), 2, "x", "attachment", 41L))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> service.addFromSource(team.owner(), p.key(), 2, "x", "image", 41L))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("source_kind")).contains("upload images"));

    source.images.remove(41L);

    assertThatThrownBy(() -> service.image(team.owner(), p.key(), screen.id()))
        .isInstanceOf(NotFound.class);
    assertThat(service.get(team.owner(), p.key()).prototype().screens()).hasSize(1);
  }

  @Test
  void withoutASourceNoWireframeCanBePicked(TestApp app) {
    Team team = team(app);
    Prototype p = prototype(app, team);

    assertThat(prototypes(app).candidates(team.owner(), p.key())).isEmpty();
    assertThatThrownBy(
            () -> prototypes(app).addFromSource(team.owner(), p.key(), 1, null, "wireframe", 1L))
        .isInstanceOf(Invalid.class);
  }
}
