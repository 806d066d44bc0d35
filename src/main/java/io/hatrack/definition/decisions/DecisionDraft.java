package io.hatrack.definition.decisions;

import java.util.List;

/**
 * Everything a decision says, as written by a person or a client, before it is checked: the input
 * of creating a decision and what an edit form submits.
 *
 * <p>Absent texts are empty.
 *
 * @param status {@code proposed} (when blank), {@code decided} or {@code superseded}
 * @param decidedOn an ISO date such as {@code 2026-03-01}, or blank
 * @param deciders handles of workspace members ({@code ana} or {@code @ana})
 * @param supersededBy the id or key of the decision that replaces this one (status superseded)
 * @param supersedes on creation only: the id or key of a decision the new one replaces, which is
 *     marked superseded in the same transaction
 */
public record DecisionDraft(
    String title,
    String context,
    String outcome,
    String consequences,
    String status,
    String decidedOn,
    List<String> deciders,
    List<DecisionOption> options,
    String supersededBy,
    String supersedes) {
  public DecisionDraft {
    context = context == null ? "" : context;
    outcome = outcome == null ? "" : outcome;
    consequences = consequences == null ? "" : consequences;
    deciders = deciders == null ? List.of() : List.copyOf(deciders);
    options = options == null ? List.of() : List.copyOf(options);
  }

  /** A proposed decision with only a title; add the rest with the {@code with...} methods. */
  public static DecisionDraft of(String title) {
    return new DecisionDraft(title, "", "", "", "proposed", null, List.of(), List.of(), null, null);
  }

  public DecisionDraft withContext(String text) {
    return new DecisionDraft(
        title,
        text,
        outcome,
        consequences,
        status,
        decidedOn,
        deciders,
        options,
        supersededBy,
        supersedes);
  }

  public DecisionDraft withOutcome(String text) {
    return new DecisionDraft(
        title,
        context,
        text,
        consequences,
        status,
        decidedOn,
        deciders,
        options,
        supersededBy,
        supersedes);
  }

  public DecisionDraft withConsequences(String text) {
    return new DecisionDraft(
        title,
        context,
        outcome,
        text,
        status,
        decidedOn,
        deciders,
        options,
        supersededBy,
        supersedes);
  }

  /** Decided on {@code date} (ISO) by the members with these handles. */
  public DecisionDraft decided(String date, String... handles) {
    return new DecisionDraft(
        title,
        context,
        outcome,
        consequences,
        "decided",
        date,
        List.of(handles),
        options,
        supersededBy,
        supersedes);
  }

  public DecisionDraft withStatus(String value) {
    return new DecisionDraft(
        title,
        context,
        outcome,
        consequences,
        value,
        decidedOn,
        deciders,
        options,
        supersededBy,
        supersedes);
  }

  public DecisionDraft withDecidedOn(String date) {
    return new DecisionDraft(
        title,
        context,
        outcome,
        consequences,
        status,
        date,
        deciders,
        options,
        supersededBy,
        supersedes);
  }

  public DecisionDraft withDeciders(String... handles) {
    return new DecisionDraft(
        title,
        context,
        outcome,
        consequences,
        status,
        decidedOn,
        List.of(handles),
        options,
        supersededBy,
        supersedes);
  }

  public DecisionDraft withOptions(DecisionOption... list) {
    return new DecisionDraft(
        title,
        context,
        outcome,
        consequences,
        status,
        decidedOn,
        deciders,
        List.of(list),
        supersededBy,
        supersedes);
  }

  public DecisionDraft withOptions(List<DecisionOption> list) {
    return new DecisionDraft(
        title,
        context,
        outcome,
        consequences,
        status,
        decidedOn,
        deciders,
        list,
        supersededBy,
        supersedes);
  }

  public DecisionDraft supersededBy(String ref) {
    return new DecisionDraft(
        title,
        context,
        outcome,
        consequences,
        "superseded",
        decidedOn,
        deciders,
        options,
        ref,
        supersedes);
  }

  /** The new decision replaces {@code ref}, which becomes superseded by it. */
  public DecisionDraft superseding(String ref) {
    return new DecisionDraft(
        title,
        context,
        outcome,
        consequences,
        status,
        decidedOn,
        deciders,
        options,
        supersededBy,
        ref);
  }
}
