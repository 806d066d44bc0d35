package io.hatrack.delivery.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file to import, read as a stream as often as the import needs (it reads a file a few times
 * rather than holding its records in memory): an upload's bytes, or a file on disk for the command
 * line, which so never holds a large file whole.
 */
public interface ImportFile {
  /** The file's name as the user gave it. */
  String name();

  /** Its size in bytes. */
  long size();

  /** Opens the file from its first byte. */
  InputStream open() throws IOException;

  /** An uploaded file held in memory. */
  static ImportFile of(String name, byte[] bytes) {
    return new ImportFile() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public long size() {
        return bytes.length;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(bytes);
      }
    };
  }

  /** A file on disk, read from disk at every pass. */
  static ImportFile of(Path path) {
    return new ImportFile() {
      @Override
      public String name() {
        return path.getFileName().toString();
      }

      @Override
      public long size() {
        try {
          return Files.size(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(path);
      }
    };
  }
}
