package io.hatrack.planning.roadmap;

import io.hatrack.definition.WorkItemType;

/**
 * Which entries a view shows: of one work item type, team (slug or name), tag or workflow state,
 * and only the public ones; null or blank means any.
 */
public record RoadmapFilter(
    String type, String team, String tag, String state, boolean publicOnly) {
  public static final RoadmapFilter NONE = new RoadmapFilter(null, null, null, null, false);

  public RoadmapFilter {
    type = blankToNull(type);
    team = blankToNull(team);
    tag = blankToNull(tag);
    state = blankToNull(state);
    if (type != null) {
      type = WorkItemType.parse("type", type).id();
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Whether no condition is set. */
  public boolean none() {
    return type == null && team == null && tag == null && state == null && !publicOnly;
  }

  boolean matches(RoadmapEntry e, String teamSlug) {
    return (type == null || type.equals(e.type()))
        && (team == null
            || team.equalsIgnoreCase(e.team() == null ? "" : e.team())
            || team.equalsIgnoreCase(teamSlug == null ? "" : teamSlug))
        && (tag == null || e.tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag)))
        && (state == null || state.equalsIgnoreCase(e.state() == null ? "" : e.state()))
        && (!publicOnly || e.isPublic());
  }

  /** The filter as query parameters for links ("&type=feature&public=true"), each prefixed "&". */
  public String query() {
    StringBuilder q = new StringBuilder();
    append(q, "type", type);
    append(q, "team", team);
    append(q, "tag", tag);
    append(q, "state", state);
    if (publicOnly) {
      q.append("&public=true");
    }
    return q.toString();
  }

  private static void append(StringBuilder q, String name, String value) {
    if (value != null) {
      q.append('&')
          .append(name)
          .append('=')
          .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
