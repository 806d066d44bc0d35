package io.hatrack.bench;

import io.hatrack.delivery.ceremonies.Ceremonies;
import io.hatrack.delivery.ceremonies.EntryDraft;
import io.hatrack.delivery.ceremonies.Retro;
import io.hatrack.delivery.ceremonies.RetroCard;
import io.hatrack.delivery.ceremonies.RetroDraft;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.teams.TeamDraft;
import io.hatrack.planning.teams.TeamService;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * The ceremonies' pages under load of data (target: pages under 100 ms, UI.md): a team of 12 with
 * 120 working days of stand-ups (12 entries a day, a blocker in one entry of five, a third of them
 * resolved) and a retrospective with 500 cards and 12 voters. Measures, over HTTP on loopback on
 * SQLite, the stand-up page of the last day, its JSON, the retro board page and a vote (htmx, which
 * answers with the board); prints the median, p95 and maximum of {@code RUNS} (default 50) warm
 * requests. Run it with {@code bench/ceremonies-bench.sh}.
 */
public final class CeremoniesBench {
  private CeremoniesBench() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(System.getenv().getOrDefault("RUNS", "50"));
    try (TestServer server = TestServer.start()) {
      User ana = server.user("Ana Lima");
      Workspace ws = server.workspace(ana);
      TeamService teams = server.app().planning().releasePlanning().teams();
      teams.create(ana, ws.slug(), TeamDraft.named("Payments"));
      List<User> people = new ArrayList<>();
      people.add(ana);
      teams.putMember(ana, ws.slug(), "payments", ana.handle(), 100);
      for (int i = 1; i < 12; i++) {
        User u = server.user("Member " + i);
        server.app().workspaces().addMember(ana, ws.slug(), u.email(), Role.EDITOR);
        teams.putMember(ana, ws.slug(), "payments", u.handle(), 100);
        people.add(u);
      }
      Ceremonies c = server.app().delivery().ceremonies();
      Random random = new Random(42);
      LocalDate day = LocalDate.now().minusDays(1);
      List<LocalDate> days = new ArrayList<>();
      while (days.size() < 120) {
        if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
          days.add(0, day);
        }
        day = day.minusDays(1);
      }
      long seeding = System.nanoTime();
      for (LocalDate d : days) {
        for (User u : people) {
          List<String> blockers =
              random.nextInt(5) == 0 ? List.of("Blocked by " + random.nextInt(1000)) : List.of();
          var e =
              c.standups()
                  .write(
                      u,
                      ws.slug(),
                      "payments",
                      d.toString(),
                      new EntryDraft(
                          "Worked on item " + random.nextInt(500),
                          "Item " + random.nextInt(500),
                          blockers));
          if (!e.blockers().isEmpty() && random.nextInt(3) > 0) {
            var b = e.blockers().get(0);
            c.standups().resolve(ana, ws.slug(), "payments", b.id(), b.version());
          }
        }
      }
      Retro retro =
          c.retros()
              .create(
                  ana, ws.slug(), "payments", new RetroDraft(null, "Big", null, null, false, 40));
      List<RetroCard> cards = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        User u = people.get(i % people.size());
        cards.add(
            c.retros()
                .addCard(
                    u, ws.slug(), "payments", retro.id(), Integer.toString(i % 3), "Card " + i));
      }
      java.util.Map<String, Integer> given = new java.util.HashMap<>();
      for (User u : people) {
        for (int v = 0; v < 30; v++) {
          RetroCard card = cards.get(random.nextInt(cards.size()));
          int mine = given.merge(u.id() + "/" + card.id(), 1, Integer::sum);
          c.retros().vote(u, ws.slug(), "payments", retro.id(), card.id(), mine);
        }
      }
      System.out.printf(
          "Seeded %d stand-up entries, 500 cards and 360 votes in %.1f s%n",
          days.size() * people.size(), (System.nanoTime() - seeding) / 1e9);

      Browser browser = new Browser(server.url());
      browser.signIn(ana.email(), "password123");
      TestServer.Api api = server.api(ana);
      String team = "/w/" + ws.slug() + "/teams/payments";
      String last = days.get(days.size() - 1).toString();
      measure(
          "stand-up page, last day (12 entries, summary)",
          runs,
          () -> browser.get(team + "/standups?day=" + last).status());
      measure(
          "stand-up JSON, last day",
          runs,
          () ->
              api.get("/api/v1/workspaces/" + ws.slug() + "/teams/payments/standups?day=" + last)
                  .status());
      measure(
          "retro board page (500 cards)",
          runs,
          () -> browser.get(team + "/retros/" + retro.id()).status());
      int[] n = {0};
      long target = cards.get(0).id();
      measure(
          "vote (htmx, answers the board of 500 cards)",
          runs,
          () ->
              browser
                  .htmxPost(
                      team + "/retros/" + retro.id() + "/cards/" + target + "/vote",
                      "votes",
                      Integer.toString(n[0]++ % 2))
                  .status());
    }
  }

  private static void measure(String name, int runs, IntSupplier request) {
    for (int i = 0; i < 10; i++) {
      check(request.getAsInt());
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      check(request.getAsInt());
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        "%-48s median %6.1f ms  p95 %6.1f ms  max %6.1f ms%n",
        name, ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1], ms[runs - 1]);
  }

  private static void check(int status) {
    if (status != 200) {
      throw new IllegalStateException("answered " + status);
    }
  }
}
