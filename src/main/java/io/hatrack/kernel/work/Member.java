package io.hatrack.kernel.work;

import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import java.time.Instant;

/** A person in a workspace, with their role. */
public record Member(User user, Role role, Instant since) {}
