package io.hatrack.kernel.work;

import org.jdbi.v3.core.Handle;

/**
 * A rule a new link must satisfy, checked inside the transaction that adds it. Throw {@link
 * io.hatrack.kernel.Invalid} with a clear reason to refuse the link.
 */
@FunctionalInterface
public interface LinkRule {
  void check(Handle h, LinkType type, Item source, Item target);
}
