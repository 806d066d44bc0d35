package io.hatrack.discovery.research;

import java.util.List;

/** A parsed transcript: the format it was read as and its segments in reading order. */
public record Transcript(TranscriptFormat format, List<Segment> segments) {
  public Transcript {
    segments = List.copyOf(segments);
  }
}
