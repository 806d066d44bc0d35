package io.hatrack.planning.backlog;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checkout's scored backlog in the demo story: a RICE model (the default; reach from the unique
 * customers of the linked feedback, impact from their importance, effort from the estimates), a
 * WSJF model and a MoSCoW model. Ana fills every feature from evidence, then types in what evidence
 * cannot give (confidence, the WSJF estimates, the MoSCoW category). Fixed values, so every demo
 * scores the same way.
 */
public final class BacklogDemo implements DemoSeed {
  private final ScoringService scoring;

  /** A feature's manual inputs: RICE fallbacks and confidence, WSJF estimates, MoSCoW. */
  private record Plan(
      String feature,
      int reach,
      String impact,
      int confidence,
      int value,
      int time,
      int risk,
      String moscow) {}

  private static final List<Plan> PLANS =
      List.of(
          new Plan("One-click saved cards", 40, "2", 80, 13, 8, 5, "must"),
          new Plan("3-D Secure retry", 30, "2", 80, 8, 13, 8, "must"),
          new Plan("Next-day payouts", 20, "2", 80, 13, 8, 3, "must"),
          new Plan("Apple Pay and Google Pay buttons", 25, "1", 50, 8, 5, 3, "should"),
          new Plan("CSV invoice export", 15, "1", 100, 8, 5, 2, "should"),
          new Plan("Payout status notifications", 12, "0.5", 80, 5, 3, 2, "should"),
          new Plan("Error budget dashboard", 8, "1", 80, 3, 3, 8, "should"),
          new Plan("Address autocomplete", 30, "1", 100, 5, 3, 2, "could"),
          new Plan("Card expiry reminders", 18, "0.5", 50, 3, 2, 2, "could"),
          new Plan("Biometric confirmation on mobile web", 22, "1", 50, 5, 3, 5, "could"),
          new Plan("Incident status page for merchants", 10, "0.5", 50, 3, 2, 5, "could"),
          new Plan("Accounting integrations", 9, "1", 50, 5, 2, 3, "wont"));

  private final ItemService items;

  public BacklogDemo(ScoringService scoring, ItemService items) {
    this.scoring = scoring;
    this.items = items;
  }

  @Override
  public void seed(DemoStory story) {
    User ana = story.ana();
    String chk = story.checkout().slug();
    story.at(6, 3);
    scoring.create(
        ana,
        chk,
        new ModelDraft(
            "RICE",
            "rice",
            new ModelConfig(null, "customers", "impact", null, null, null, null, null, null),
            true));
    story.later(4);
    scoring.create(ana, chk, new ModelDraft("WSJF", "wsjf", null, false));
    story.later(3);
    scoring.create(ana, chk, new ModelDraft("MoSCoW", "moscow", null, false));
    story.later(10);
    scoring.fillAll(ana, chk);
    for (Plan p : PLANS) {
      Optional<String> key = find(ana, p.feature());
      if (key.isEmpty()) {
        continue;
      }
      story.later(2);
      score(ana, key.get(), "RICE", rice(p));
      score(ana, key.get(), "WSJF", wsjf(p));
      score(ana, key.get(), "MoSCoW", Map.of("category", ScoreInput.manual(p.moscow())));
    }
  }

  private static Map<String, ScoreInput> rice(Plan p) {
    Map<String, ScoreInput> m = new LinkedHashMap<>();
    m.put("reach", new ScoreInput(Integer.toString(p.reach()), "manual", "sales estimate"));
    m.put("impact", ScoreInput.manual(p.impact()));
    m.put("confidence", ScoreInput.manual(Integer.toString(p.confidence())));
    m.put("effort", ScoreInput.manual("3"));
    return m;
  }

  private static Map<String, ScoreInput> wsjf(Plan p) {
    Map<String, ScoreInput> m = new LinkedHashMap<>();
    m.put("business_value", ScoreInput.manual(Integer.toString(p.value())));
    m.put("time_criticality", ScoreInput.manual(Integer.toString(p.time())));
    m.put("risk_reduction", ScoreInput.manual(Integer.toString(p.risk())));
    m.put("job_size", ScoreInput.manual("5"));
    return m;
  }

  /** Keeps what evidence filled and adds the manual values only for inputs still missing. */
  private void score(User ana, String key, String model, Map<String, ScoreInput> manual) {
    ScoringService.Scored current =
        scoring.scores(ana, key).scores().stream()
            .filter(s -> s.model().name().equals(model))
            .findFirst()
            .orElseThrow();
    Map<String, ScoreInput> inputs =
        new LinkedHashMap<>(current.stored().map(ItemScore::inputs).orElse(Map.of()));
    manual.forEach(inputs::putIfAbsent);
    scoring.put(ana, key, model, current.stored().map(ItemScore::version).orElse(0L), inputs);
  }

  private Optional<String> find(User ana, String title) {
    return items.find(ana, title, 10).stream()
        .filter(i -> i.title().equals(title) && i.kind().equals("work_item"))
        .map(Item::key)
        .findFirst();
  }
}
