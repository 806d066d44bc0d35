package io.hatrack.kernel.work;

import java.time.Instant;

/**
 * A product of a workspace. Its slug is unique across the installation (it also names the public
 * portal, {@code /p/{slug}}); its key is unique in the workspace and prefixes item keys ({@code
 * CHK-42}).
 */
public record Product(
    long id,
    long workspaceId,
    String slug,
    String key,
    String name,
    String description,
    long createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
