package io.hatrack.delivery.ceremonies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A retrospective's cards laid out as a board: per column, stacks of cards (a group with its cards,
 * or a card on its own). A group sits in the column of its first card. Once voting starts, stacks
 * are ordered by votes (most first), before that in the order written.
 */
public record RetroBoard(List<Column> columns) {

  /** A column of the board. */
  public record Column(int position, String name, List<Stack> stacks) {
    public int cards() {
      return stacks.stream().mapToInt(s -> s.cards().size()).sum();
    }
  }

  /**
   * A group with its cards, or one ungrouped card ({@code group} null).
   *
   * @param votes the cards' votes together
   */
  public record Stack(RetroGroup group, List<RetroCard> cards, int votes, int myVotes) {}

  public static RetroBoard of(
      List<String> columns, List<RetroCard> cards, List<RetroGroup> groups, boolean byVotes) {
    Map<Long, RetroGroup> groupById = new LinkedHashMap<>();
    groups.forEach(g -> groupById.put(g.id(), g));
    List<List<Stack>> stacks = new ArrayList<>();
    columns.forEach(c -> stacks.add(new ArrayList<>()));
    Map<Long, List<RetroCard>> grouped = new LinkedHashMap<>();
    Map<Long, Integer> groupColumn = new LinkedHashMap<>();
    List<RetroCard> ordered =
        cards.stream().sorted(Comparator.comparingLong(RetroCard::id)).toList();
    for (RetroCard c : ordered) {
      int col = Math.max(0, Math.min(columns.size() - 1, c.column()));
      if (c.groupId() != null && groupById.containsKey(c.groupId())) {
        groupColumn.putIfAbsent(c.groupId(), col);
        grouped.computeIfAbsent(c.groupId(), k -> new ArrayList<>()).add(c);
      } else {
        stacks.get(col).add(new Stack(null, List.of(c), c.votes(), c.myVotes()));
      }
    }
    grouped.forEach(
        (gid, list) ->
            stacks
                .get(groupColumn.get(gid))
                .add(
                    new Stack(
                        groupById.get(gid),
                        list,
                        list.stream().mapToInt(RetroCard::votes).sum(),
                        list.stream().mapToInt(RetroCard::myVotes).sum())));
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      List<Stack> s = new ArrayList<>(stacks.get(i));
      Comparator<Stack> first = Comparator.comparingLong(x -> x.cards().get(0).id());
      s.sort(
          byVotes ? Comparator.comparingInt(Stack::votes).reversed().thenComparing(first) : first);
      out.add(new Column(i, columns.get(i), List.copyOf(s)));
    }
    return new RetroBoard(List.copyOf(out));
  }
}
