package io.hatrack.discovery.research;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checkout's interview study in the demo story, "Saved cards: why do shoppers re-enter cards?":
 * five sessions with merchants' people from the demo customers (notes, a WebVTT, an SRT and a plain
 * text transcript), and a dozen insights highlighted from them, tagged and linked to the features
 * of the saved-cards work where the definition demo made them.
 */
final class ResearchDemo implements DemoSeed {
  static final String TITLE = "Saved cards: why do shoppers re-enter cards?";

  private final Research research;
  private final ItemService items;

  ResearchDemo(Research research, ItemService items) {
    this.research = research;
    this.items = items;
  }

  @Override
  public void seed(DemoStory story) {
    User ana = story.ana();
    String chk = story.checkout().slug();
    story.at(32, 3);
    Study study =
        research
            .studies()
            .create(
                ana,
                chk,
                new StudyDraft(
                    TITLE,
                    ResearchDemoTexts.GOALS,
                    "running",
                    story
                        .clock()
                        .instant()
                        .atZone(java.time.ZoneOffset.UTC)
                        .toLocalDate()
                        .toString(),
                    null));
    String ref = Long.toString(study.id());
    Map<String, Long> who = participants(story, ref);
    List<Long> sessions = new ArrayList<>();
    int day = 28;
    for (ResearchDemoTexts.Interview interview : ResearchDemoTexts.INTERVIEWS) {
      story.at(day, 5);
      day -= 4;
      User interviewer = story.person(interview.interviewer());
      Session s =
          research
              .sessions()
              .create(
                  ana,
                  ref,
                  new SessionDraft(
                      story
                          .clock()
                          .instant()
                          .atZone(java.time.ZoneOffset.UTC)
                          .toLocalDate()
                          .toString(),
                      interviewer.id(),
                      interview.participants().stream().map(who::get).toList(),
                      interview.notes()));
      if (interview.transcript() != null) {
        story.later(90);
        research
            .sessions()
            .uploadTranscript(
                ana,
                ref,
                s.id(),
                interview.fileName(),
                interview.transcript().getBytes(StandardCharsets.UTF_8));
      }
      sessions.add(s.id());
    }
    insights(story, chk, sessions);
  }

  /** The participants, by name: contacts of the demo customers where the customers are there. */
  private Map<String, Long> participants(DemoStory story, String studyRef) {
    Map<String, CustomerChoice> contacts = new LinkedHashMap<>();
    for (CustomerChoice c :
        research.studies().customerChoices(story.ana(), story.checkout().slug())) {
      if (c.contactId() != null) {
        contacts.put(c.contactName(), c);
      }
    }
    Map<String, Long> ids = new LinkedHashMap<>();
    for (String[] p : ResearchDemoTexts.PARTICIPANTS) {
      CustomerChoice c = contacts.get(p[0]);
      Participant made =
          research
              .studies()
              .addParticipant(
                  story.ana(),
                  studyRef,
                  new ParticipantDraft(
                      p[0],
                      c == null ? null : c.customerId(),
                      c == null ? null : c.contactId(),
                      p[1],
                      p[2]));
      ids.put(p[0], made.id());
    }
    return ids;
  }

  private void insights(DemoStory story, String chk, List<Long> sessions) {
    int minutes = 0;
    story.at(6, 2);
    for (ResearchDemoTexts.Highlight h : ResearchDemoTexts.HIGHLIGHTS) {
      story.later(minutes);
      minutes = 7;
      List<String> supports = new ArrayList<>();
      for (String title : h.features()) {
        feature(story, title).ifPresent(f -> supports.add(f.key()));
      }
      research
          .insights()
          .create(
              story.person(h.by()),
              chk,
              new InsightDraft(
                  h.quote(),
                  h.note(),
                  null,
                  sessions.get(h.session()),
                  h.source(),
                  null,
                  null,
                  h.tags(),
                  supports));
    }
  }

  private Optional<Item> feature(DemoStory story, String title) {
    return items.find(story.ana(), title, 20).stream()
        .filter(i -> i.title().equals(title))
        .filter(i -> i.kind().equals("work_item"))
        .filter(i -> i.productId() != null && i.productId() == story.checkout().id())
        .findFirst();
  }
}
