package io.hatrack.delivery.ceremonies;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A team's retrospectives over the API: boards, cards, groups, votes and action items. */
public final class RetroApi implements Routes {
  private static final String TAG = "Retrospectives";
  private static final String BASE = StandupApi.TEAM + "/retros";
  private static final String ONE = BASE + "/{retro}";

  private final RetroService retros;
  private final ObjectMapper json;

  public RetroApi(RetroService retros, ObjectMapper json) {
    this.retros = retros;
    this.json = json;
  }

  /** A retrospective; {@code anonymous}: its cards carry no author. */
  public record RetroJson(
      long id,
      String team,
      LocalDate day,
      String title,
      String format,
      List<String> columns,
      boolean anonymous,
      int voteBudget,
      String phase,
      long version,
      Instant createdAt,
      Instant updatedAt) {}

  /**
   * A card: its column (from 0), author (null when anonymous), group, vote total, and the caller's
   * own votes on it.
   */
  public record CardJson(
      long id,
      int column,
      String text,
      String author,
      Long groupId,
      int votes,
      int myVotes,
      long version) {}

  /** A group of cards. */
  public record GroupJson(long id, String title) {}

  /** An action item; done ones record who marked them done and in which retrospective. */
  public record ActionJson(
      long id,
      long retroId,
      LocalDate retroDay,
      String text,
      Long ownerId,
      String owner,
      LocalDate due,
      boolean done,
      Instant doneAt,
      String doneBy,
      Long doneIn,
      long version) {}

  /**
   * A retrospective's board as the caller sees it, with their votes used and left, the open action
   * items carried from earlier retrospectives, and those agreed here.
   */
  public record BoardJson(
      RetroJson retro,
      List<CardJson> cards,
      List<GroupJson> groups,
      int votesUsed,
      int votesLeft,
      List<ActionJson> carriedActions,
      List<ActionJson> actions) {}

  /** A new retrospective: format start_stop_continue, mad_sad_glad, four_ls or custom. */
  public record RetroInput(
      String day,
      String title,
      String format,
      List<String> columns,
      Boolean anonymous,
      Integer voteBudget) {}

  /** Changing a retrospective: title, phase (write, group, vote, discuss), vote budget. */
  public record RetroPatch(String title, String phase, Integer voteBudget) {}

  /** A card: its column by position (from 0) or name, and its text. */
  public record CardInput(String column, String text) {}

  /** Changing a card: text (its author) or group (editors; 0 ungroups). */
  public record CardPatch(String text, Long group) {}

  /** A group: title and the cards in it. */
  public record GroupInput(String title, List<Long> cards) {}

  /** Renaming a group. */
  public record GroupPatch(String title) {}

  /** The caller's votes (dots) on a card: 0 takes them back. */
  public record VoteInput(Integer votes) {}

  /** A vote's outcome: the card's total, the caller's dots on it and the caller's budget. */
  public record VoteJson(long cardId, int votes, int myVotes, int votesUsed, int votesLeft) {}

  /** An action item: text, owner (handle or id), due date, done. */
  public record ActionInput(String text, String owner, String due, Boolean done) {}

  @Override
  public void register(Router r) {
    r.get(BASE, this::list)
        .summary("A team's retrospectives, latest first")
        .tag(TAG)
        .returnsList(RetroJson.class);
    r.post(BASE, this::create)
        .summary("Start a retrospective (editors); custom needs columns")
        .tag(TAG)
        .body(RetroInput.class)
        .etag()
        .returns(201, BoardJson.class);
    r.get(ONE, this::get)
        .summary("A retrospective's board: cards, groups, the caller's votes, action items")
        .tag(TAG)
        .etag()
        .returns(200, BoardJson.class);
    r.patch(ONE, this::update)
        .summary("Change a retrospective's title, phase or vote budget (editors)")
        .tag(TAG)
        .body(RetroPatch.class)
        .ifMatch()
        .etag()
        .returns(200, RetroJson.class);
    r.delete(ONE, this::delete).summary("Delete a retrospective").tag(TAG).ifMatch().noContent();
    r.post(ONE + "/cards", this::addCard)
        .summary("Add a card (anonymous retrospectives store no author)")
        .tag(TAG)
        .body(CardInput.class)
        .returns(201, CardJson.class);
    r.patch(ONE + "/cards/{card}", this::updateCard)
        .summary("Change a card's text (its author) or group (editors; 0 ungroups)")
        .tag(TAG)
        .body(CardPatch.class)
        .ifMatch()
        .returns(200, CardJson.class);
    r.delete(ONE + "/cards/{card}", this::deleteCard)
        .summary("Delete a card (its author or editors); its votes are given back")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.put(ONE + "/cards/{card}/votes", this::vote)
        .summary("Set the caller's votes on a card, within their vote budget")
        .tag(TAG)
        .body(VoteInput.class)
        .returns(200, VoteJson.class);
    r.post(ONE + "/groups", this::group)
        .summary("Group cards under a title (editors)")
        .tag(TAG)
        .body(GroupInput.class)
        .returns(201, GroupJson.class);
    r.patch(ONE + "/groups/{group}", this::renameGroup)
        .summary("Rename a group (editors)")
        .tag(TAG)
        .body(GroupPatch.class)
        .returns(200, GroupJson.class);
    r.delete(ONE + "/groups/{group}", this::deleteGroup)
        .summary("Ungroup: delete the group, its cards stay")
        .tag(TAG)
        .noContent();
    r.post(ONE + "/actions", this::addAction)
        .summary("Agree an action item with an owner and a due date (editors)")
        .tag(TAG)
        .body(ActionInput.class)
        .returns(201, ActionJson.class);
    r.patch(ONE + "/actions/{action}", this::updateAction)
        .summary("Change an action item, or mark it done in this retrospective (editors)")
        .tag(TAG)
        .body(ActionInput.class)
        .ifMatch()
        .returns(200, ActionJson.class);
  }

  private static String ws(Context ctx) {
    return ctx.pathParam("workspace");
  }

  private static String team(Context ctx) {
    return ctx.pathParam("team");
  }

  private static long retro(Context ctx) {
    return Requests.idParam(ctx, "retro");
  }

  private void list(Context ctx) {
    RetroService.Listing l = retros.list(Requests.user(ctx), ws(ctx), team(ctx));
    String slug = l.scope().team().slug();
    List<RetroJson> out = l.retros().stream().map(x -> json(x, slug)).toList();
    ctx.json(new ListJson<>(out, out.size(), null));
  }

  private void create(Context ctx) {
    RetroInput in = Requests.body(ctx, json, RetroInput.class);
    User user = Requests.user(ctx);
    Retro made =
        retros.create(
            user,
            ws(ctx),
            team(ctx),
            new RetroDraft(
                in.day(), in.title(), in.format(), in.columns(), in.anonymous(), in.voteBudget()));
    ctx.header(
        "Location",
        "/api/v1/workspaces/" + ws(ctx) + "/teams/" + team(ctx) + "/retros/" + made.id());
    board(ctx.status(201), retros.board(user, ws(ctx), team(ctx), made.id()));
  }

  private void get(Context ctx) {
    board(ctx, retros.board(Requests.user(ctx), ws(ctx), team(ctx), retro(ctx)));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    RetroPatch in = Requests.body(ctx, json, RetroPatch.class);
    Retro r =
        retros.update(
            Requests.user(ctx),
            ws(ctx),
            team(ctx),
            retro(ctx),
            expected,
            in.title(),
            in.phase(),
            in.voteBudget());
    Requests.etag(ctx, r.version());
    ctx.json(
        json(
            r, retros.board(Requests.user(ctx), ws(ctx), team(ctx), r.id()).scope().team().slug()));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    retros.delete(Requests.user(ctx), ws(ctx), team(ctx), retro(ctx), expected);
    ctx.status(204);
  }

  private void addCard(Context ctx) {
    CardInput in = Requests.body(ctx, json, CardInput.class);
    RetroCard c =
        retros.addCard(Requests.user(ctx), ws(ctx), team(ctx), retro(ctx), in.column(), in.text());
    ctx.status(201).json(json(c));
  }

  private void updateCard(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    CardPatch in = Requests.body(ctx, json, CardPatch.class);
    RetroCard c =
        retros.updateCard(
            Requests.user(ctx),
            ws(ctx),
            team(ctx),
            retro(ctx),
            Requests.idParam(ctx, "card"),
            expected,
            in.text(),
            in.group());
    ctx.json(json(c));
  }

  private void deleteCard(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    retros.deleteCard(
        Requests.user(ctx),
        ws(ctx),
        team(ctx),
        retro(ctx),
        Requests.idParam(ctx, "card"),
        expected);
    ctx.status(204);
  }

  private void vote(Context ctx) {
    VoteInput in = Requests.body(ctx, json, VoteInput.class);
    if (in.votes() == null) {
      throw io.hatrack.kernel.Invalid.field(
          "votes", "is required: your votes on the card, 0 or more");
    }
    RetroService.VoteResult v =
        retros.vote(
            Requests.user(ctx),
            ws(ctx),
            team(ctx),
            retro(ctx),
            Requests.idParam(ctx, "card"),
            in.votes());
    ctx.json(new VoteJson(v.card().id(), v.card().votes(), v.card().myVotes(), v.used(), v.left()));
  }

  private void group(Context ctx) {
    GroupInput in = Requests.body(ctx, json, GroupInput.class);
    RetroGroup g =
        retros.group(Requests.user(ctx), ws(ctx), team(ctx), retro(ctx), in.title(), in.cards());
    ctx.status(201).json(new GroupJson(g.id(), g.title()));
  }

  private void renameGroup(Context ctx) {
    GroupPatch in = Requests.body(ctx, json, GroupPatch.class);
    RetroGroup g =
        retros.renameGroup(
            Requests.user(ctx),
            ws(ctx),
            team(ctx),
            retro(ctx),
            Requests.idParam(ctx, "group"),
            in.title());
    ctx.json(new GroupJson(g.id(), g.title()));
  }

  private void deleteGroup(Context ctx) {
    retros.deleteGroup(
        Requests.user(ctx), ws(ctx), team(ctx), retro(ctx), Requests.idParam(ctx, "group"));
    ctx.status(204);
  }

  private void addAction(Context ctx) {
    ActionInput in = Requests.body(ctx, json, ActionInput.class);
    ActionItem a =
        retros.addAction(
            Requests.user(ctx),
            ws(ctx),
            team(ctx),
            retro(ctx),
            new RetroService.ActionInput(in.text(), in.owner(), in.due(), in.done()));
    ctx.status(201).json(json(a));
  }

  private void updateAction(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    ActionInput in = Requests.body(ctx, json, ActionInput.class);
    ActionItem a =
        retros.updateAction(
            Requests.user(ctx),
            ws(ctx),
            team(ctx),
            retro(ctx),
            Requests.idParam(ctx, "action"),
            expected,
            new RetroService.ActionInput(in.text(), in.owner(), in.due(), in.done()));
    ctx.json(json(a));
  }

  private static void board(Context ctx, RetroService.Board b) {
    Requests.etag(ctx, b.retro().version());
    ctx.json(
        new BoardJson(
            json(b.retro(), b.scope().team().slug()),
            b.cards().stream().map(RetroApi::json).toList(),
            b.groups().stream().map(g -> new GroupJson(g.id(), g.title())).toList(),
            b.used(),
            b.left(),
            b.carried().stream().map(RetroApi::json).toList(),
            b.actions().stream().map(RetroApi::json).toList()));
  }

  static RetroJson json(Retro r, String team) {
    return new RetroJson(
        r.id(),
        team,
        r.day(),
        r.title(),
        r.format().id(),
        r.columns(),
        r.anonymous(),
        r.voteBudget(),
        r.phase(),
        r.version(),
        r.createdAt(),
        r.updatedAt());
  }

  static CardJson json(RetroCard c) {
    return new CardJson(
        c.id(), c.column(), c.text(), c.author(), c.groupId(), c.votes(), c.myVotes(), c.version());
  }

  static ActionJson json(ActionItem a) {
    return new ActionJson(
        a.id(),
        a.retroId(),
        a.retroDay(),
        a.text(),
        a.ownerId(),
        a.owner(),
        a.due(),
        a.done(),
        a.doneAt(),
        a.doneBy(),
        a.doneIn(),
        a.version());
  }
}
