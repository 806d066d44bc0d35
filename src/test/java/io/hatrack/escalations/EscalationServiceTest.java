package io.hatrack.escalations;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class EscalationServiceTest {

  private static EscalationService escalations(TestApp app) {
    return app.app().escalations().escalations();
  }

  private static SlaPolicyService policies(TestApp app) {
    return app.app().escalations().policies();
  }

  private static Customer customer(TestApp app, Team t, String name) {
    return app.app()
        .discovery()
        .customers()
        .create(t.owner(), t.workspace().slug(), CustomerDraft.of(name).in("Enterprise", "", ""));
  }

  private static Escalation open(TestApp app, Team t, String severity) {
    Customer c = customer(app, t, "Acme " + io.hatrack.testing.Fixtures.unique());
    return escalations(app)
        .create(
            t.owner(),
            t.product().slug(),
            EscalationDraft.of(c.name(), "Checkout fails", severity).ownedBy(t.owner().handle()));
  }

  @Test
  void anEscalationIsOpenedWithTheDefaultPolicyAndItsClocksRun(TestApp app) {
    Team t = team(app);
    Escalation x = open(app, t, "s2");

    app.clock().advance(Duration.ofMinutes(90));
    EscalationService.View v = escalations(app).get(t.owner(), x.key());

    assertThat(x.severity()).isEqualTo(Severity.S2);
    assertThat(x.status()).isEqualTo(EscalationStatus.NEW);
    assertThat(x.ownerName()).isEqualTo(t.owner().name());
    assertThat(v.policy().name()).isEqualTo(SlaPolicy.STANDARD);
    assertThat(v.policy().isDefault()).isTrue();
    assertThat(v.state().firstResponse().elapsed()).isEqualTo(Duration.ofMinutes(90));
    assertThat(v.state().firstResponse().status()).isEqualTo(SlaStatus.BREACHING_SOON);
    assertThat(v.timeline())
        .extracting(TimelineEntry::kind)
        .containsExactly(TimelineEntry.Kind.OPENED);
    boolean indexed =
        app.database().read(h -> app.app().search().index().has(h, t.product().id(), "escalation"));
    assertThat(indexed).isTrue();
  }

  @Test
  void badInputIsRefusedWithTheFieldAndNothingIsWritten(TestApp app) {
    Team t = team(app);
    Customer c = customer(app, t, "Known Ltd");
    long entities = app.count("entity");
    long rows = app.count("escalation");
    long events = app.count("escalation_event");
    String product = t.product().slug();

    assertThatThrownBy(
            () ->
                escalations(app)
                    .create(t.owner(), product, EscalationDraft.of("Nobody Inc", "Down", "S1")))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).reasonFor("customer")).contains("Nobody Inc"));
    assertThatThrownBy(
            () ->
                escalations(app)
                    .create(t.owner(), product, EscalationDraft.of(c.name(), "Down", "S5")))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).reasonFor("severity")).contains("S1, S2, S3, S4"));
    assertThatThrownBy(
            () ->
                escalations(app)
                    .create(
                        t.owner(),
                        product,
                        EscalationDraft.of(c.name(), "Down", "S2").ownedBy("stranger")))
        .isInstanceOf(Invalid.class);
    assertThat(app.count("entity")).isEqualTo(entities);
    assertThat(app.count("escalation")).isEqualTo(rows);
    assertThat(app.count("escalation_event")).isEqualTo(events);
  }

  @Test
  void theFirstCustomerUpdateIsTheFirstResponseAndAnEmptyNoteIsRefused(TestApp app) {
    Team t = team(app);
    Escalation x = open(app, t, "S1");
    app.clock().advance(Duration.ofMinutes(10));

    escalations(app).post(t.owner(), x.key(), "note", "Looking at the logs");
    app.clock().advance(Duration.ofMinutes(10));
    escalations(app).post(t.owner(), x.key(), "customer_update", "We are on it.");
    app.clock().advance(Duration.ofMinutes(10));
    escalations(app).post(t.owner(), x.key(), "customer_update", "Still on it.");
    long events = app.count("escalation_event");
    EscalationService.View v = escalations(app).get(t.owner(), x.key());

    assertThat(v.escalation().firstResponseAt()).isEqualTo(x.openedAt().plusSeconds(1200));
    assertThat(v.state().firstResponse().stopped()).isTrue();
    assertThat(v.state().firstResponse().elapsed()).isEqualTo(Duration.ofMinutes(20));
    assertThat(v.timeline())
        .extracting(TimelineEntry::kind)
        .containsExactly(
            TimelineEntry.Kind.OPENED,
            TimelineEntry.Kind.NOTE,
            TimelineEntry.Kind.CUSTOMER_UPDATE,
            TimelineEntry.Kind.CUSTOMER_UPDATE);
    assertThatThrownBy(() -> escalations(app).post(t.owner(), x.key(), "note", "  "))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).reasonFor("text")).isEqualTo("must not be blank"));
    assertThatThrownBy(() -> escalations(app).post(t.owner(), x.key(), "email", "Hi"))
        .isInstanceOf(Invalid.class);
    assertThat(app.count("escalation_event")).isEqualTo(events);
  }

  @Test
  void statusesMoveWithTheVersionPauseTheClockAndReopen(TestApp app) {
    Team t = team(app);
    Escalation x = open(app, t, "S3");
    String key = x.key();

    Escalation investigating =
        escalations(app).changeStatus(t.owner(), key, x.version(), "investigating", null);
    app.clock().advance(Duration.ofHours(1));
    Escalation waiting =
        escalations(app)
            .changeStatus(
                t.owner(), key, investigating.version(), "waiting_on_customer", "Asked for logs");
    app.clock().advance(Duration.ofHours(5));
    EscalationService.View paused = escalations(app).get(t.owner(), key);

    assertThat(paused.state().paused()).isTrue();
    assertThat(paused.state().resolution().elapsed()).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(
            () ->
                escalations(app)
                    .changeStatus(t.owner(), key, investigating.version(), "investigating", null))
        .isInstanceOf(Conflict.class);
    assertThatThrownBy(
            () -> escalations(app).changeStatus(t.owner(), key, waiting.version(), "new", null))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).reasonFor("status")).contains("cannot go"));

    Escalation resolved =
        escalations(app).changeStatus(t.owner(), key, waiting.version(), "resolved", "Fixed");
    Escalation closed =
        escalations(app).changeStatus(t.owner(), key, resolved.version(), "closed", null);
    Escalation reopened =
        escalations(app).changeStatus(t.owner(), key, closed.version(), "investigating", null);

    assertThat(resolved.resolvedAt()).isNotNull();
    assertThat(closed.closedAt()).isNotNull();
    assertThat(closed.resolvedAt()).isEqualTo(resolved.resolvedAt());
    assertThat(reopened.status()).isEqualTo(EscalationStatus.INVESTIGATING);
    assertThat(reopened.resolvedAt()).isNull();
    assertThat(reopened.closedAt()).isNull();
  }

  @Test
  void aStaleVersionIsAConflictAndChangesAreRecordedOnTheTimeline(TestApp app) {
    Team t = team(app);
    Escalation x = open(app, t, "S3");
    User ben = t.member(app, Role.EDITOR, "ben");

    Escalation changed =
        escalations(app)
            .update(
                t.owner(),
                x.key(),
                x.version(),
                new EscalationDraft(null, "Checkout fails on Safari", null, "S1", ben.handle()));

    assertThat(changed.title()).isEqualTo("Checkout fails on Safari");
    assertThat(changed.severity()).isEqualTo(Severity.S1);
    assertThat(changed.ownerId()).isEqualTo(ben.id());
    assertThat(escalations(app).get(t.owner(), x.key()).timeline())
        .extracting(TimelineEntry::kind)
        .contains(TimelineEntry.Kind.SEVERITY, TimelineEntry.Kind.OWNER);
    assertThatThrownBy(
            () ->
                escalations(app)
                    .update(
                        t.owner(),
                        x.key(),
                        x.version(),
                        new EscalationDraft(null, "Stale", null, null, null)))
        .isInstanceOf(Conflict.class);
    assertThat(escalations(app).get(t.owner(), x.key()).escalation().title())
        .isEqualTo("Checkout fails on Safari");
  }

  @Test
  void viewersReadButMayNotOpenEscalationsAndCommentersMayWriteUpdates(TestApp app) {
    Team t = team(app);
    Escalation x = open(app, t, "S2");
    User vic = t.member(app, Role.VIEWER, "vic");
    User eva = t.member(app, Role.COMMENTER, "eva");
    Customer c = customer(app, t, "Viewers Co");

    assertThat(escalations(app).get(vic, x.key()).escalation().id()).isEqualTo(x.id());
    assertThatThrownBy(
            () ->
                escalations(app)
                    .create(vic, t.product().slug(), EscalationDraft.of(c.name(), "X", "S2")))
        .isInstanceOf(Forbidden.class);
    assertThat(escalations(app).post(eva, x.key(), "customer_update", "Hello").kind())
        .isEqualTo(TimelineEntry.Kind.CUSTOMER_UPDATE);
    assertThatThrownBy(
            () -> escalations(app).changeStatus(eva, x.key(), x.version(), "resolved", null))
        .isInstanceOf(Forbidden.class);
  }

  @Test
  void anEscalationLinksToABugButNotToAStory(TestApp app) {
    Team t = team(app);
    Escalation x = open(app, t, "S1");
    var definition = app.app().definition().workItems();
    var bug = definition.create(t.owner(), t.product().slug(), NewWorkItem.of("bug", "Safari bug"));
    var story =
        definition.create(t.owner(), t.product().slug(), NewWorkItem.of("story", "A story"));

    escalations(app).link(t.owner(), x.key(), bug.key());

    assertThat(escalations(app).get(t.owner(), x.key()).timeline())
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo(TimelineEntry.Kind.LINK);
              assertThat(e.body()).contains("concerns").contains(bug.key());
              assertThat(e.actorName()).isEqualTo(t.owner().name());
            });
    assertThatThrownBy(() -> escalations(app).link(t.owner(), x.key(), story.key()))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).reasonFor("target")).contains("feature or a bug"));
    assertThatThrownBy(() -> escalations(app).link(t.owner(), x.key(), "CHK-99999"))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void aPolicyWithBusinessHoursDrivesTheClocksOfTheProductThatPicksIt(TestApp app) {
    Team t = team(app);
    String ws = t.workspace().slug();
    SlaPolicy berlin =
        policies(app)
            .create(
                t.owner(),
                ws,
                SlaPolicyDraft.named("Berlin office")
                    .inHours(
                        "Europe/Berlin",
                        List.of("mon", "tue", "wed", "thu", "fri"),
                        "09:00",
                        "17:00",
                        List.of("2026-12-25"))
                    .withTargets(Map.of("S2", new SlaPolicyDraft.Target(120L, 960L))));
    policies(app).pick(t.owner(), t.product().slug(), berlin.id());

    Escalation x = open(app, t, "S2");
    EscalationService.View v = escalations(app).get(t.owner(), x.key());

    assertThat(berlin.hours().holidays()).hasSize(1);
    assertThat(berlin.targets(Severity.S2).firstResponse()).isEqualTo(Duration.ofHours(2));
    assertThat(berlin.targets(Severity.S1)).isEqualTo(SlaPolicy.standardTargets().get(Severity.S1));
    assertThat(v.policy().id()).isEqualTo(berlin.id());
    assertThat(v.escalation().policyId()).isEqualTo(berlin.id());
    assertThat(policies(app).list(t.owner(), ws).policies()).hasSize(2);
  }

  @Test
  void badPoliciesAreRefusedFieldByFieldAndTheDefaultCannotBeDeleted(TestApp app) {
    Team t = team(app);
    String ws = t.workspace().slug();
    SlaPolicy standard = policies(app).list(t.owner(), ws).byDefault();
    long policies = app.count("sla_policy");

    assertThatThrownBy(
            () ->
                policies(app)
                    .create(
                        t.owner(),
                        ws,
                        SlaPolicyDraft.named("Bad")
                            .inHours(
                                "Mars/Olympus",
                                List.of("mon", "funday"),
                                "18:00",
                                "08:00",
                                List.of("soon"))
                            .withTargets(
                                Map.of(
                                    "S1", new SlaPolicyDraft.Target(-5L, 60L),
                                    "S5", new SlaPolicyDraft.Target(5L, 60L)))))
        .isInstanceOf(Invalid.class)
        .satisfies(
            e -> {
              Invalid i = (Invalid) e;
              assertThat(i.reasonFor("time_zone")).contains("time zone");
              assertThat(i.reasonFor("work_days")).contains("weekdays");
              assertThat(i.reasonFor("end")).contains("after the start");
              assertThat(i.reasonFor("holidays")).contains("dates");
              assertThat(i.reasonFor("targets.S1.first_response_minutes")).contains("more than 0");
              assertThat(i.reasonFor("targets.S5")).contains("not a severity");
            });
    assertThat(app.count("sla_policy")).isEqualTo(policies);
    assertThatThrownBy(() -> policies(app).delete(t.owner(), ws, standard.id(), standard.version()))
        .isInstanceOf(Conflict.class);
    assertThatThrownBy(
            () ->
                policies(app)
                    .update(
                        t.owner(),
                        ws,
                        standard.id(),
                        standard.version() + 7,
                        SlaPolicyDraft.named("X")))
        .isInstanceOf(Conflict.class);
  }

  @Test
  void makingAnotherPolicyTheDefaultMovesTheDefaultAndDeletingMovesEscalationsBack(TestApp app) {
    Team t = team(app);
    String ws = t.workspace().slug();
    SlaPolicy standard = policies(app).list(t.owner(), ws).byDefault();
    SlaPolicy fast = policies(app).create(t.owner(), ws, SlaPolicyDraft.named("Fast").asDefault());
    Escalation x = open(app, t, "S4");

    assertThat(policies(app).list(t.owner(), ws).byDefault().id()).isEqualTo(fast.id());
    assertThat(x.policyId()).isEqualTo(fast.id());

    SlaPolicy back =
        policies(app)
            .update(
                t.owner(),
                ws,
                standard.id(),
                policies(app).get(t.owner(), ws, standard.id()).version(),
                SlaPolicyDraft.named(null).asDefault());
    SlaPolicy fastNow = policies(app).get(t.owner(), ws, fast.id());
    policies(app).delete(t.owner(), ws, fast.id(), fastNow.version());

    assertThat(back.isDefault()).isTrue();
    assertThat(escalations(app).get(t.owner(), x.key()).escalation().policyId())
        .isEqualTo(standard.id());
  }
}
