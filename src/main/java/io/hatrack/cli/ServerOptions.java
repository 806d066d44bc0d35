package io.hatrack.cli;

import picocli.CommandLine.Option;

/** {@code --port} and {@code --host} for the commands that serve HTTP. */
public final class ServerOptions {
  @Option(
      names = "--port",
      paramLabel = "N",
      description = "HTTP port (default: ${DEFAULT-VALUE}; env HATRACK_PORT).",
      defaultValue = "${env:HATRACK_PORT:-7070}")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description =
          "Address to listen on (default: 0.0.0.0 for serve, 127.0.0.1 for demo; env HATRACK_HOST).",
      defaultValue = "${env:HATRACK_HOST}")
  String host;

  String host(String fallback) {
    return host == null || host.isBlank() ? fallback : host;
  }
}
