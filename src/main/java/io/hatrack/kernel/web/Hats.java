package io.hatrack.kernel.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hats of DESIGN.md in their order, each either built (a package that registered its routes) or
 * still coming. The sidebar lists all of them; a coming hat shows a page that says so plainly.
 */
public final class Hats {
  /** One hat: its id (also its path segment), title and what it will give. */
  public record Hat(String id, String title, String summary, boolean built) {}

  private final List<Hat> hats = new ArrayList<>();

  public Hats() {
    add(
        "discovery",
        "Discovery",
        "Customers and segments with revenue, interviews and notes, highlights turned into insights"
            + " linked to features, and surveys with public links and NPS, CSAT and CES scoring.");
    add(
        "feedback",
        "Feedback",
        "A feedback inbox fed by hand, CSV/JSON import, a public board and the API; full-text search,"
            + " duplicates merged, sentiment and themes, and demand on features by count and revenue.");
    add(
        "definition",
        "Definition",
        "Work items from objectives to stories with keys such as CHK-42, requirement documents with"
            + " versions and diffs, acceptance criteria with an INVEST check, wireframes and prototypes.");
    add(
        "planning",
        "Planning",
        "RICE, ICE, WSJF, Kano, MoSCoW and custom scores, a ranked backlog, teams with capacity, release"
            + " plans from a constraint solver that explains itself, and ROI models.");
    add(
        "roadmap",
        "Roadmap",
        "Now/Next/Later, timelines and swimlanes, a public roadmap, and exports to CSV, SVG and PNG.");
    add(
        "delivery",
        "Delivery",
        "Sprints with goals and capacity, stand-ups, reviews and retrospectives, velocity and burndown,"
            + " and importers from Jira, GitHub and Trello.");
    add(
        "escalations",
        "Escalations",
        "Customer escalations with severity, SLA clocks, a timeline of customer updates, and links to"
            + " features and bugs.");
    add(
        "market",
        "Market",
        "Competitor profiles, a capability matrix, trends, SWOT, and weighted decision matrices for"
            + " tools and vendors.");
    add(
        "launch",
        "Launch",
        "Launch plans with checklists and go/no-go, release notes, positioning and messaging, demo"
            + " scripts and battlecards, training, and a versioned help center.");
    add(
        "measure",
        "Measure",
        "KPIs and OKRs, product analytics (DAU/WAU/MAU, retention cohorts, funnels, adoption),"
            + " usability studies with SUS, and post-launch reviews.");
    add(
        "me",
        "Me",
        "Your work log, a product-competency self-assessment with a growth plan, 1:1 notes and a"
            + " \u201cmy week\u201d page.");
  }

  private void add(String id, String title, String summary) {
    hats.add(new Hat(id, title, summary, false));
  }

  /** Marks a hat as built: its package serves {@code /w/{ws}/{product}/{id}} and below. */
  public Hats built(String id) {
    for (int i = 0; i < hats.size(); i++) {
      Hat hat = hats.get(i);
      if (hat.id().equals(id)) {
        hats.set(i, new Hat(hat.id(), hat.title(), hat.summary(), true));
        return this;
      }
    }
    throw new IllegalArgumentException("no hat named " + id);
  }

  public List<Hat> all() {
    return List.copyOf(hats);
  }

  public Optional<Hat> find(String id) {
    return hats.stream().filter(h -> h.id().equals(id)).findFirst();
  }
}
