package io.hatrack.delivery.imports.source;

import io.hatrack.delivery.imports.ImportFile;
import io.hatrack.delivery.imports.RecordProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How an imported file's bytes are text. A byte-order mark says it (UTF-8, or UTF-16 either way,
 * and is skipped); without one, a file is UTF-8 when every byte of it is, and otherwise
 * Windows-1252 (what Excel and older Jira servers write on Windows; Latin-1 is a subset of it),
 * which the report says with the line of the first byte that is not UTF-8. A file with NUL bytes
 * and no mark is refused: it is binary, or UTF-16 that says nothing of its byte order.
 *
 * @param charset how the text is encoded
 * @param skip the bytes of the byte-order mark, skipped when reading
 * @param note what the report says of the encoding when it is not plain UTF-8, or null
 */
public record SourceText(Charset charset, int skip, String note) {
  /** Windows-1252, the fallback for text that is not UTF-8. */
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** A file that cannot be read as text at all. */
  public static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<RecordProblem> problems;

    public Unreadable(RecordProblem problem) {
      super(problem.toString());
      this.problems = List.of(problem);
    }

    public List<RecordProblem> problems() {
      return problems;
    }
  }

  /** The encoding's name as the report shows it. */
  public String label() {
    String name =
        charset.equals(WINDOWS_1252)
            ? "Windows-1252"
            : charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : charset.name();
    return skip > 0 ? name + " with a byte-order mark" : name;
  }

  /** Reads the whole file once, as a stream, to find its encoding. */
  public static SourceText detect(ImportFile file) {
    try (InputStream in = file.open()) {
      byte[] head = in.readNBytes(3);
      if (head.length == 0) {
        throw new Unreadable(RecordProblem.ofFile("the file is empty"));
      }
      if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
        return new SourceText(StandardCharsets.UTF_16BE, 2, "read as UTF-16 (big-endian)");
      }
      if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
        return new SourceText(StandardCharsets.UTF_16LE, 2, "read as UTF-16 (little-endian)");
      }
      boolean bom =
          head.length == 3
              && (head[0] & 0xFF) == 0xEF
              && (head[1] & 0xFF) == 0xBB
              && (head[2] & 0xFF) == 0xBF;
      return scan(in, bom ? new byte[0] : head, bom ? 3 : 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SourceText scan(InputStream in, byte[] first, int skip) throws IOException {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(64 * 1024 + 8);
    CharBuffer chars = CharBuffer.allocate(64 * 1024 + 8);
    byte[] chunk = first;
    int n = first.length;
    long read = 1;
    long decoded = 1;
    long badLine = 0;
    boolean end = false;
    while (true) {
      for (int i = 0; i < n; i++) {
        if (chunk[i] == 0) {
          throw new Unreadable(
              new RecordProblem(
                  "line " + read,
                  "the file holds NUL bytes: it is binary, or UTF-16 without a byte-order mark;"
                      + " save it as UTF-8"));
        }
        if (chunk[i] == '\n') {
          read++;
        }
      }
      bytes.put(chunk, 0, n);
      bytes.flip();
      if (badLine == 0) {
        int from = bytes.position();
        CoderResult r = utf8.decode(bytes, chars, end);
        for (int i = from; i < bytes.position(); i++) {
          if (bytes.get(i) == '\n') {
            decoded++;
          }
        }
        if (r.isError()) {
          badLine = decoded;
        }
        chars.clear();
      }
      if (badLine != 0) {
        bytes.position(bytes.limit());
      }
      bytes.compact();
      if (end) {
        break;
      }
      chunk = chunk.length == 64 * 1024 ? chunk : new byte[64 * 1024];
      n = in.read(chunk, 0, Math.min(chunk.length, bytes.remaining()));
      if (n < 0) {
        n = 0;
        end = true;
      }
    }
    if (badLine > 0) {
      return new SourceText(
          WINDOWS_1252,
          skip,
          "the file is not UTF-8 (from line "
              + badLine
              + "): it was read as Windows-1252; if accents look wrong, save it as UTF-8");
    }
    return new SourceText(StandardCharsets.UTF_8, skip, null);
  }

  /** Opens the file as text in this encoding, past its byte-order mark. */
  public Reader open(ImportFile file) throws IOException {
    InputStream in = file.open();
    long skipped = in.skip(skip);
    if (skipped != skip) {
      in.close();
      throw new IOException("the file is shorter than its byte-order mark");
    }
    return new BufferedReader(new InputStreamReader(in, charset), 64 * 1024);
  }
}
