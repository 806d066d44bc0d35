package io.hatrack.delivery.ceremonies;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Ref;
import io.hatrack.kernel.work.WorkspaceService;
import io.hatrack.planning.teams.TeamService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Retrospectives of a team: a board in one of four formats, cards written by anyone who may comment
 * (with no author stored when the retro is anonymous), groups, dot voting within a budget per
 * person that the database enforces, and action items that follow the team into its later
 * retrospectives until they are done. Editors (the facilitator) create retros, group and agree
 * actions.
 */
public final class RetroService {
  public static final int MAX_TITLE = 200;
  public static final int MAX_CARD = 1_000;
  public static final int MAX_COLUMNS = 8;
  public static final int DEFAULT_BUDGET = 3;

  private final Database db;
  private final RetroStore store;
  private final WorkspaceService workspaces;
  private final TeamService teams;
  private final AuditLog audit;
  private final Clock clock;

  RetroService(
      Database db,
      RetroStore store,
      WorkspaceService workspaces,
      TeamService teams,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.workspaces = workspaces;
    this.teams = teams;
    this.audit = audit;
    this.clock = clock;
  }

  /** A team's retrospectives, latest first, with card counts, and its open action items. */
  public record Listing(
      TeamScope scope, List<Retro> retros, Map<Long, Integer> cards, List<ActionItem> open) {
    public boolean canEdit() {
      return scope.can(Role.EDITOR);
    }
  }

  /**
   * A retrospective as {@code reader} sees it.
   *
   * @param used the votes the reader has given
   * @param carried open action items of earlier retrospectives (and those marked done here)
   * @param actions the action items agreed here
   */
  public record Board(
      TeamScope scope,
      Retro retro,
      RetroBoard board,
      List<RetroCard> cards,
      List<RetroGroup> groups,
      int used,
      List<ActionItem> carried,
      List<ActionItem> actions,
      LocalDate today) {
    public boolean canEdit() {
      return scope.can(Role.EDITOR);
    }

    public boolean canWrite() {
      return scope.can(Role.COMMENTER);
    }

    public int left() {
      return retro.voteBudget() - used;
    }
  }

  /** An action item as given: owner by handle or id (blank: nobody), due date, done. */
  public record ActionInput(String text, String owner, String due, Boolean done) {}

  public Listing list(User reader, String ws, String team) {
    return db.read(
        h -> {
          TeamScope s = scope(h, reader, ws, team);
          long id = s.team().id();
          return new Listing(
              s, store.list(h, id), store.cardCounts(h, id), store.openActions(h, id));
        });
  }

  public Board board(User reader, String ws, String team, long id) {
    return db.read(h -> board(h, reader, scope(h, reader, ws, team), id));
  }

  private Board board(Handle h, User reader, TeamScope s, long id) {
    Retro r = retro(h, s, id);
    List<RetroCard> cards = store.cards(h, id, reader.id());
    List<RetroGroup> groups = store.groups(h, id);
    boolean byVotes = r.phase().equals("vote") || r.phase().equals("discuss");
    return new Board(
        s,
        r,
        RetroBoard.of(r.columns(), cards, groups, byVotes),
        cards,
        groups,
        store.used(h, id, reader.id()),
        store.carried(h, r),
        store.actionsOf(h, id),
        TeamScope.today(clock));
  }

  private Retro retro(Handle h, TeamScope s, long id) {
    return store.byId(h, s.team().id(), id).orElseThrow(() -> new NotFound("retrospective"));
  }

  private TeamScope scope(Handle h, User actor, String ws, String team) {
    return TeamScope.of(h, workspaces, teams, actor, ws, team);
  }

  // Retrospectives.

  public Retro create(User actor, String ws, String team, RetroDraft d) {
    return db.tx(h -> create(h, actor, scope(h, actor, ws, team), d));
  }

  Retro create(Handle h, User actor, TeamScope s, RetroDraft d) {
    s.ws().require(Role.EDITOR, "run retrospectives");
    LocalDate day = TeamScope.day("day", d.day(), TeamScope.today(clock));
    String title = d.title() == null ? "" : d.title().strip();
    if (title.isEmpty()) {
      title = "Retrospective " + day;
    }
    Validation v = new Validation().optionalText("title", title, MAX_TITLE);
    RetroFormat format;
    try {
      format = RetroFormat.parse("format", d.format());
    } catch (Invalid e) {
      format = null;
      v.check("format", false, "must be one of " + RetroFormat.ids());
    }
    List<String> columns = new ArrayList<>();
    if (format == RetroFormat.CUSTOM) {
      for (String c : d.columns() == null ? List.<String>of() : d.columns()) {
        if (c != null && !c.isBlank() && !columns.contains(c.strip())) {
          columns.add(c.strip());
          v.optionalText("columns", c.strip(), 60);
        }
      }
      v.check("columns", !columns.isEmpty(), "a custom retrospective needs at least one column");
      v.check("columns", columns.size() <= MAX_COLUMNS, "are at most " + MAX_COLUMNS);
    } else if (format != null) {
      columns.addAll(format.columns());
    }
    int budget = d.voteBudget() == null ? DEFAULT_BUDGET : d.voteBudget();
    v.check("vote_budget", budget >= 1 && budget <= 50, "must be 1 to 50 votes a person");
    v.orThrow();
    boolean anonymous = Boolean.TRUE.equals(d.anonymous());
    long id =
        store.insert(
            h, s.team().id(), day, title, format, anonymous, budget, actor.id(), clock.instant());
    store.insertColumns(h, id, columns);
    s.audit(
        audit,
        h,
        actor,
        "retro.created",
        "started the retrospective " + title,
        null,
        Map.of("format", format.id(), "columns", columns, "anonymous", anonymous));
    return retro(h, s, id);
  }

  /** Changes the title, phase or vote budget if the retro is still at {@code expected}. */
  public Retro update(
      User actor,
      String ws,
      String team,
      long id,
      long expected,
      String title,
      String phase,
      Integer budget) {
    return db.tx(
        h -> {
          TeamScope s = scope(h, actor, ws, team);
          s.ws().require(Role.EDITOR, "run retrospectives");
          Retro r = retro(h, s, id);
          String t = title == null ? r.title() : title.strip();
          String p = phase == null || phase.isBlank() ? r.phase() : phase.strip();
          int b = budget == null ? r.voteBudget() : budget;
          new Validation()
              .text("title", t, MAX_TITLE)
              .check("phase", Retro.PHASES.contains(p), "must be write, group, vote or discuss")
              .check("vote_budget", b >= 1 && b <= 50, "must be 1 to 50 votes a person")
              .orThrow();
          if (!store.update(h, id, expected, t, p, b, clock.instant())) {
            throw Conflict.staleVersion("This retrospective", expected, r.version());
          }
          s.audit(
              audit,
              h,
              actor,
              "retro.changed",
              "changed the retrospective " + t,
              Map.of("title", r.title(), "phase", r.phase(), "vote_budget", r.voteBudget()),
              Map.of("title", t, "phase", p, "vote_budget", b));
          return retro(h, s, id);
        });
  }

  public void delete(User actor, String ws, String team, long id, long expected) {
    db.txVoid(
        h -> {
          TeamScope s = scope(h, actor, ws, team);
          s.ws().require(Role.EDITOR, "delete retrospectives");
          Retro r = retro(h, s, id);
          if (!store.delete(h, id, expected)) {
            throw Conflict.staleVersion("This retrospective", expected, r.version());
          }
          s.audit(
              audit,
              h,
              actor,
              "retro.deleted",
              "deleted the retrospective " + r.title(),
              Map.of("title", r.title()),
              null);
        });
  }

  // Cards.

  /** Adds a card to a column (by position from 0, or by name); anonymous retros store no author. */
  public RetroCard addCard(
      User actor, String ws, String team, long id, String column, String text) {
    return db.tx(h -> addCard(h, actor, scope(h, actor, ws, team), id, column, text));
  }

  RetroCard addCard(Handle h, User actor, TeamScope s, long id, String column, String text) {
    s.ws().require(Role.COMMENTER, "write retrospective cards");
    Retro r = retro(h, s, id);
    int col = column(r, column);
    String clean = text == null ? "" : text.strip();
    new Validation().text("text", clean, MAX_CARD).orThrow();
    long cardId =
        store.insertCard(h, id, col, clean, r.anonymous() ? null : actor.id(), clock.instant());
    // An anonymous card's audit entry names the retrospective, not the writer.
    if (!r.anonymous()) {
      s.audit(
          audit,
          h,
          actor,
          "retro.card",
          "added a card to " + r.title(),
          null,
          Map.of("card", cardId));
    }
    return card(h, r, cardId, actor);
  }

  private static int column(Retro r, String column) {
    String c = column == null ? "" : column.strip();
    for (int i = 0; i < r.columns().size(); i++) {
      if (c.equals(Integer.toString(i)) || c.equalsIgnoreCase(r.columns().get(i))) {
        return i;
      }
    }
    throw Invalid.field(
        "column",
        "must be one of "
            + String.join(", ", r.columns())
            + " (or 0 to "
            + (r.columns().size() - 1)
            + ")");
  }

  private RetroCard card(Handle h, Retro r, long cardId, User reader) {
    return store.cards(h, r.id(), reader.id()).stream()
        .filter(c -> c.id() == cardId)
        .findFirst()
        .orElseThrow(() -> new NotFound("card"));
  }

  /**
   * Changes a card's text (its author only; nobody on an anonymous retro) or its group (editors;
   * {@code group} 0 takes it out of its group). Null fields keep their value.
   */
  public RetroCard updateCard(
      User actor,
      String ws,
      String team,
      long id,
      long cardId,
      long expected,
      String text,
      Long group) {
    return db.tx(
        h -> {
          TeamScope s = scope(h, actor, ws, team);
          Retro r = retro(h, s, id);
          RetroCard c = card(h, r, cardId, actor);
          String t = c.text();
          if (text != null && !text.strip().equals(c.text())) {
            if (c.authorId() == null || c.authorId() != actor.id()) {
              throw new Forbidden(
                  r.anonymous()
                      ? "Cards of an anonymous retrospective cannot be changed: nobody is known"
                          + " as their author."
                      : "Only " + c.author() + " can change the text of their card.");
            }
            t = text.strip();
            new Validation().text("text", t, MAX_CARD).orThrow();
          }
          Long g = c.groupId();
          if (group != null) {
            s.ws().require(Role.EDITOR, "group cards");
            g = group == 0 ? null : requireGroup(h, r, group).id();
          }
          if (!store.updateCard(h, cardId, expected, t, g, clock.instant())) {
            throw Conflict.staleVersion("This card", expected, c.version());
          }
          return card(h, r, cardId, actor);
        });
  }

  private RetroGroup requireGroup(Handle h, Retro r, long groupId) {
    return store.groups(h, r.id()).stream()
        .filter(x -> x.id() == groupId)
        .findFirst()
        .orElseThrow(() -> Invalid.field("group", "is not a group of this retrospective"));
  }

  /** Deletes a card (its author or an editor), giving its votes back. */
  public void deleteCard(User actor, String ws, String team, long id, long cardId, long expected) {
    db.txVoid(
        h -> {
          TeamScope s = scope(h, actor, ws, team);
          Retro r = retro(h, s, id);
          RetroCard c = card(h, r, cardId, actor);
          boolean mine = c.authorId() != null && c.authorId() == actor.id();
          if (!mine) {
            s.ws().require(Role.EDITOR, "delete other people's cards");
          }
          store.refundCard(h, id, cardId);
          if (!store.deleteCard(h, cardId, expected)) {
            throw Conflict.staleVersion("This card", expected, c.version());
          }
        });
  }

  // Groups.

  /** Groups cards under a title; cards already in another group move to this one. */
  public RetroGroup group(
      User actor, String ws, String team, long id, String title, List<Long> cardIds) {
    return db.tx(h -> group(h, actor, scope(h, actor, ws, team), id, title, cardIds));
  }

  RetroGroup group(Handle h, User actor, TeamScope s, long id, String title, List<Long> cardIds) {
    s.ws().require(Role.EDITOR, "group cards");
    Retro r = retro(h, s, id);
    String t = title == null ? "" : title.strip();
    List<Long> ids = cardIds == null ? List.of() : cardIds;
    List<RetroCard> cards = store.cards(h, id, actor.id());
    Validation v =
        new Validation()
            .text("title", t, MAX_TITLE)
            .check("cards", !ids.isEmpty(), "pick at least one card to group");
    for (Long c : ids) {
      v.check(
          "cards",
          cards.stream().anyMatch(x -> c != null && x.id() == c),
          "card " + c + " is not on this retrospective");
    }
    v.orThrow();
    long groupId = store.insertGroup(h, id, t, clock.instant());
    for (RetroCard c : cards) {
      if (ids.contains(c.id())) {
        store.updateCard(h, c.id(), c.version(), c.text(), groupId, clock.instant());
      }
    }
    s.audit(
        audit,
        h,
        actor,
        "retro.grouped",
        "grouped cards as “" + t + "” in " + r.title(),
        null,
        Map.of("cards", ids));
    return requireGroup(h, r, groupId);
  }

  /** Renames a group (editors). */
  public RetroGroup renameGroup(
      User actor, String ws, String team, long id, long groupId, String title) {
    return db.tx(
        h -> {
          TeamScope s = scope(h, actor, ws, team);
          s.ws().require(Role.EDITOR, "group cards");
          Retro r = retro(h, s, id);
          RetroGroup g =
              store.groups(h, id).stream()
                  .filter(x -> x.id() == groupId)
                  .findFirst()
                  .orElseThrow(() -> new NotFound("group"));
          String t = title == null ? "" : title.strip();
          new Validation().text("title", t, MAX_TITLE).orThrow();
          store.renameGroup(h, g.id(), t);
          return requireGroup(h, r, groupId);
        });
  }

  /** Ungroups: deletes the group, its cards stay on the board on their own. */
  public void deleteGroup(User actor, String ws, String team, long id, long groupId) {
    db.txVoid(
        h -> {
          TeamScope s = scope(h, actor, ws, team);
          s.ws().require(Role.EDITOR, "group cards");
          retro(h, s, id);
          if (!store.deleteGroup(h, id, groupId)) {
            throw new NotFound("group");
          }
        });
  }

  // Votes.

  /** What a vote left: the card's total, the voter's dots on it, and their votes left. */
  public record VoteResult(RetroCard card, int used, int left) {}

  /**
   * Sets the voter's dots on a card to {@code dots} (0 takes them back). The budget holds across
   * concurrent votes: the used count only moves by a conditional update.
   */
  public VoteResult vote(User actor, String ws, String team, long id, long cardId, int dots) {
    return db.tx(
        h -> {
          TeamScope s = scope(h, actor, ws, team);
          s.ws().require(Role.COMMENTER, "vote");
          Retro r = retro(h, s, id);
          card(h, r, cardId, actor);
          if (dots < 0) {
            throw Invalid.field("votes", "must be 0 or more");
          }
          // The voter's row is locked first, so that their dots are read after any racing vote.
          store.lockVoter(h, id, actor.id());
          int current = store.dots(h, cardId, actor.id());
          int delta = dots - current;
          if (delta != 0 && !store.spend(h, id, actor.id(), delta, r.voteBudget())) {
            int left = r.voteBudget() - store.used(h, id, actor.id());
            throw Invalid.field(
                "votes",
                "are over your budget: "
                    + (delta == 1 ? "one more vote" : delta + " more votes")
                    + " asked, "
                    + left
                    + " of "
                    + r.voteBudget()
                    + " left");
          }
          store.setDots(h, cardId, actor.id(), dots);
          int used = store.used(h, id, actor.id());
          return new VoteResult(card(h, r, cardId, actor), used, r.voteBudget() - used);
        });
  }

  // Action items.

  public ActionItem addAction(User actor, String ws, String team, long id, ActionInput in) {
    return db.tx(h -> addAction(h, actor, scope(h, actor, ws, team), id, in));
  }

  ActionItem addAction(Handle h, User actor, TeamScope s, long id, ActionInput in) {
    s.ws().require(Role.EDITOR, "agree action items");
    Retro r = retro(h, s, id);
    String text = in.text() == null ? "" : in.text().strip();
    Validation v = new Validation().text("text", text, MAX_CARD);
    Long owner = owner(h, s, in.owner(), v);
    LocalDate due = due(in.due(), v);
    v.orThrow();
    long actionId = store.insertAction(h, s.team().id(), id, text, owner, due, clock.instant());
    if (Boolean.TRUE.equals(in.done())) {
      ActionItem a = store.action(h, s.team().id(), actionId).orElseThrow();
      Instant now = clock.instant();
      store.updateAction(h, actionId, a.version(), text, owner, due, now, actor.id(), id, now);
    }
    s.audit(
        audit,
        h,
        actor,
        "retro.action",
        "agreed “" + text + "” in " + r.title(),
        null,
        Map.of("action", actionId));
    return store.action(h, s.team().id(), actionId).orElseThrow();
  }

  /**
   * Changes an action item if it is still at {@code expected}; null fields keep their value.
   * Marking it done records who and when, and the retrospective {@code inRetro} (if any) where it
   * was marked.
   */
  public ActionItem updateAction(
      User actor,
      String ws,
      String team,
      Long inRetro,
      long actionId,
      long expected,
      ActionInput in) {
    return db.tx(
        h -> {
          TeamScope s = scope(h, actor, ws, team);
          s.ws().require(Role.EDITOR, "change action items");
          if (inRetro != null) {
            retro(h, s, inRetro);
          }
          ActionItem a =
              store
                  .action(h, s.team().id(), actionId)
                  .orElseThrow(() -> new NotFound("action item"));
          Validation v = new Validation();
          String text = in.text() == null ? a.text() : in.text().strip();
          v.text("text", text, MAX_CARD);
          Long owner = in.owner() == null ? a.ownerId() : owner(h, s, in.owner(), v);
          LocalDate due = in.due() == null ? a.due() : due(in.due(), v);
          v.orThrow();
          boolean done = in.done() == null ? a.done() : in.done();
          Instant now = clock.instant();
          Instant doneAt = done ? (a.done() ? a.doneAt() : now) : null;
          Long doneBy = done ? (a.done() ? a.doneById() : actor.id()) : null;
          Long doneIn = done ? (a.done() ? a.doneIn() : inRetro) : null;
          if (!store.updateAction(
              h, actionId, expected, text, owner, due, doneAt, doneBy, doneIn, now)) {
            throw Conflict.staleVersion("This action item", expected, a.version());
          }
          s.audit(
              audit,
              h,
              actor,
              done && !a.done() ? "retro.action.done" : "retro.action.changed",
              (done && !a.done() ? "marked done “" : "changed “") + text + "”",
              Map.of("done", a.done()),
              Map.of("done", done));
          return store.action(h, s.team().id(), actionId).orElseThrow();
        });
  }

  private Long owner(Handle h, TeamScope s, String ref, Validation v) {
    if (ref == null || ref.isBlank()) {
      return null;
    }
    String r = ref.strip().replaceFirst("^@", "");
    Ref parsed = new Ref(r);
    var u =
        parsed.id().isPresent()
            ? workspaces.memberById(h, s.ws().id(), parsed.id().getAsLong())
            : workspaces.memberByHandle(h, s.ws().id(), r);
    v.check("owner", u.isPresent(), r + " is not a member of the workspace");
    return u.map(User::id).orElse(null);
  }

  private static LocalDate due(String text, Validation v) {
    try {
      return TeamScope.day("due", text, null);
    } catch (Invalid e) {
      v.check("due", false, "must be a date such as 2027-01-04");
      return null;
    }
  }
}
