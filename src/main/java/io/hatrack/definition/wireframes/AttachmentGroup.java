package io.hatrack.definition.wireframes;

import java.util.ArrayList;
import java.util.List;

/** The versions of one attached name: the newest, and the older ones newest first. */
public record AttachmentGroup(Attachment latest, List<Attachment> older) {
  public AttachmentGroup {
    older = List.copyOf(older);
  }

  /** Groups attachments listed by name, newest version first (as the service lists them). */
  public static List<AttachmentGroup> of(List<Attachment> byNameNewestFirst) {
    List<AttachmentGroup> groups = new ArrayList<>();
    Attachment latest = null;
    List<Attachment> older = new ArrayList<>();
    for (Attachment a : byNameNewestFirst) {
      if (latest != null && latest.name().equals(a.name())) {
        older.add(a);
        continue;
      }
      if (latest != null) {
        groups.add(new AttachmentGroup(latest, older));
      }
      latest = a;
      older = new ArrayList<>();
    }
    if (latest != null) {
      groups.add(new AttachmentGroup(latest, older));
    }
    return groups;
  }
}
