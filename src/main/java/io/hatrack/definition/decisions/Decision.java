package io.hatrack.definition.decisions;

import io.hatrack.kernel.work.Item;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decision in the decision log: the problem and its forces ({@code context}), the options
 * considered, what was decided and why ({@code outcome}), what follows from it ({@code
 * consequences}), who decided and when. Its identity, key, title and version are the shared {@link
 * Item}'s.
 *
 * @param decidedOn the day it was decided; present whenever the status is decided
 * @param supersededBy the decision that replaced this one, when superseded
 * @param supersedes the decisions this one replaced
 */
public record Decision(
    Item item,
    DecisionStatus status,
    String context,
    String outcome,
    String consequences,
    LocalDate decidedOn,
    List<DecisionOption> options,
    List<Decider> deciders,
    DecisionRef supersededBy,
    List<DecisionRef> supersedes) {
  public Decision {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(status, "status");
    context = context == null ? "" : context;
    outcome = outcome == null ? "" : outcome;
    consequences = consequences == null ? "" : consequences;
    options = List.copyOf(options);
    deciders = List.copyOf(deciders);
    supersedes = List.copyOf(supersedes);
  }

  public long id() {
    return item.id();
  }

  public String key() {
    return item.key();
  }

  public String title() {
    return item.title();
  }

  public long version() {
    return item.version();
  }

  /** The option the decision took, if one is marked. */
  public Optional<DecisionOption> chosen() {
    return options.stream().filter(DecisionOption::chosen).findFirst();
  }
}
