package io.hatrack.planning.solver;

/** The MoSCoW category of a backlog item. */
public enum Moscow {
  MUST,
  SHOULD,
  COULD,
  WONT
}
