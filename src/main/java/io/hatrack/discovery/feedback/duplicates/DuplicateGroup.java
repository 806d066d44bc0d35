package io.hatrack.discovery.feedback.duplicates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feedback that is nearly the same, as the PM reviews it: the pieces connected by suggested pairs
 * (if A is like B and B like C, all three are one group), with the pairs that connect them, most
 * similar first. {@link #keep()} is the piece the others would merge into: a portal idea with the
 * most votes if there is one (so that votes gather on one idea), else the oldest.
 */
public record DuplicateGroup(List<DuplicateSide> members, List<PossibleDuplicate> pairs) {
  public DuplicateGroup {
    members = List.copyOf(members);
    pairs = List.copyOf(pairs);
  }

  /** The highest similarity of the group's pairs. */
  public int percent() {
    return pairs.isEmpty() ? 0 : pairs.get(0).percent();
  }

  /** The piece to keep when merging: the idea with the most votes, else the oldest. */
  public DuplicateSide keep() {
    DuplicateSide best = members.get(0);
    for (DuplicateSide s : members) {
      if (better(s, best)) {
        best = s;
      }
    }
    return best;
  }

  /** Of a pair, the side to keep when merging it on its own (the same rule as {@link #keep()}). */
  public static DuplicateSide keep(PossibleDuplicate pair) {
    return better(pair.newer(), pair.older()) ? pair.newer() : pair.older();
  }

  private static boolean better(DuplicateSide s, DuplicateSide best) {
    int votes = s.votes() == null ? -1 : s.votes();
    int bestVotes = best.votes() == null ? -1 : best.votes();
    return votes > bestVotes || (votes == bestVotes && s.id() < best.id());
  }

  /** Groups pairs (most similar first) into connected groups, the most similar group first. */
  public static List<DuplicateGroup> of(List<PossibleDuplicate> pairs) {
    UnionFind sets = new UnionFind();
    for (PossibleDuplicate p : pairs) {
      sets.union(p.older().id(), p.newer().id());
    }
    Map<Long, List<PossibleDuplicate>> byRoot = new LinkedHashMap<>();
    for (PossibleDuplicate p : pairs) {
      byRoot.computeIfAbsent(sets.find(p.older().id()), k -> new ArrayList<>()).add(p);
    }
    List<DuplicateGroup> out = new ArrayList<>();
    for (List<PossibleDuplicate> group : byRoot.values()) {
      Map<Long, DuplicateSide> members = new LinkedHashMap<>();
      for (PossibleDuplicate p : group) {
        members.putIfAbsent(p.older().id(), p.older());
        members.putIfAbsent(p.newer().id(), p.newer());
      }
      List<DuplicateSide> sorted = new ArrayList<>(members.values());
      sorted.sort((a, b) -> Long.compare(a.id(), b.id()));
      out.add(new DuplicateGroup(sorted, group));
    }
    return out;
  }

  /** How many groups these pairs of ids (lower first) make. */
  public static long count(List<long[]> pairs) {
    UnionFind sets = new UnionFind();
    for (long[] p : pairs) {
      sets.union(p[0], p[1]);
    }
    return sets.roots();
  }

  /** Disjoint sets of ids with path halving. */
  private static final class UnionFind {
    private final Map<Long, Long> parent = new HashMap<>();

    long find(long id) {
      long x = id;
      parent.putIfAbsent(x, x);
      while (parent.get(x) != x) {
        long up = parent.get(parent.get(x));
        parent.put(x, up);
        x = up;
      }
      return x;
    }

    void union(long a, long b) {
      long ra = find(a);
      long rb = find(b);
      if (ra != rb) {
        parent.put(Math.max(ra, rb), Math.min(ra, rb));
      }
    }

    long roots() {
      long n = 0;
      for (Map.Entry<Long, Long> e : parent.entrySet()) {
        if (e.getKey().equals(e.getValue())) {
          n++;
        }
      }
      return n;
    }
  }
}
