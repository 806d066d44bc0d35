package io.hatrack.definition.story;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Stories over the API: the quality check, acceptance criteria, and the Gherkin export. */
public final class StoryApi implements Routes {
  private static final String TAG = "Stories";

  private final StoryService stories;
  private final ObjectMapper json;

  public StoryApi(StoryService stories, ObjectMapper json) {
    this.stories = stories;
    this.json = json;
  }

  @Override
  public void register(Router r) {
    r.get("/api/v1/items/{item}/quality", this::quality)
        .summary("The quality check of a story: INVEST and vague words, each finding explained")
        .description(
            "Each finding has a criterion (role, goal, independent, negotiable, valuable,"
                + " estimable, small, testable, clear), a verdict (passed, warning, failed) and an"
                + " explanation with what to do. Vague-word findings also name the word and where"
                + " it is. Only stories have a quality check.")
        .tag(TAG)
        .returns(200, StoryJson.QualityJson.class);
    r.get("/api/v1/items/{item}/acceptance", this::acceptance)
        .summary("A work item's acceptance criteria as Given/When/Then scenarios")
        .description(
            "text is the criteria as stored; scenarios the same, read. When the text cannot be"
                + " read, problems says why (line by line) and scenarios is empty.")
        .tag(TAG)
        .etag()
        .returns(200, StoryJson.AcceptanceJson.class);
    r.put("/api/v1/items/{item}/acceptance", this::replace)
        .summary("Replace a work item's acceptance criteria (editors)")
        .description(
            "Send either {\"scenarios\": [{\"name\", \"given\": [...], \"when\": [...], \"then\":"
                + " [...]}]} or {\"text\": \"Scenario: ...\\n  Given ...\"}, or the text itself with"
                + " Content-Type text/plain. Text that cannot be read is refused with its line"
                + " numbers; an empty list or text clears the criteria.")
        .tag(TAG)
        .body(StoryJson.AcceptanceInput.class)
        .ifMatch()
        .etag()
        .returns(200, StoryJson.AcceptanceJson.class);
    r.get("/api/v1/items/{item}/gherkin", this::gherkin)
        .summary("The acceptance criteria as a Gherkin .feature file (text/plain)")
        .description(
            "For a story: a feature with its scenarios. For a feature, epic, initiative or"
                + " objective: a feature with one Rule per story under it (depth first, in rank"
                + " order), each scenario tagged with its story's key. Answers text/plain as an"
                + " attachment named after the key, e.g. CHK-42.feature.")
        .tag(TAG);
  }

  private void quality(Context ctx) {
    ctx.json(StoryJson.QualityJson.of(stories.quality(Requests.user(ctx), ctx.pathParam("item"))));
  }

  private void acceptance(Context ctx) {
    StoryService.Acceptance a = stories.acceptance(Requests.user(ctx), ctx.pathParam("item"));
    Requests.etag(ctx, a.item().version());
    ctx.json(StoryJson.AcceptanceJson.of(a.item(), a.reading()));
  }

  private void replace(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    User user = Requests.user(ctx);
    String item = ctx.pathParam("item");
    StoryService.Acceptance saved;
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("text/plain")) {
      saved =
          stories.saveAcceptance(
              user, item, expected, new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
    } else {
      StoryJson.AcceptanceInput input = Requests.body(ctx, json, StoryJson.AcceptanceInput.class);
      if ((input.scenarios() == null) == (input.text() == null)) {
        throw Invalid.field(
            "body", "give either scenarios (a list) or text (Given/When/Then), not both");
      }
      saved =
          input.text() != null
              ? stories.saveAcceptance(user, item, expected, input.text())
              : stories.saveScenarios(user, item, expected, StoryJson.scenarios(input.scenarios()));
    }
    Requests.etag(ctx, saved.item().version());
    ctx.json(StoryJson.AcceptanceJson.of(saved.item(), saved.reading()));
  }

  private void gherkin(Context ctx) {
    StoryService.Export export = stories.gherkin(Requests.user(ctx), ctx.pathParam("item"));
    ctx.header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
    ctx.contentType("text/plain; charset=utf-8").result(export.text());
  }
}
