package io.pksorchestrator.simulator.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body part by part straight from the request stream: each part's content is
 * an {@link InputStream} that ends at the next boundary, so a part of any size passes through a fixed 64 KiB
 * buffer (no memory or disk buffering, unlike the servlet container's multipart support). Enough of RFC 7578 for
 * what Ops Manager receives: CRLF line ends, part headers, quoted {@code name} and {@code filename}.
 */
final class MultipartReader {

  /** One part: its headers (lower-case names), form field name, file name, and its content. */
  record Part(Map<String, String> headers, String name, String fileName, InputStream content) {}

  private static final int BUFFER = 64 * 1024;

  private final InputStream in;
  private final byte[] delimiter; // CRLF--boundary
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private int limit;
  private boolean finished;
  private PartStream current;

  MultipartReader(InputStream in, String boundary) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The boundary parameter of a multipart content type, or null. */
  static String boundary(String contentType) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return null;
    }
    for (String param : contentType.split(";")) {
      String p = param.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = p.substring(9).strip();
        return b.startsWith("\"") && b.endsWith("\"") && b.length() > 1 ? b.substring(1, b.length() - 1) : b;
      }
    }
    return null;
  }

  /** The next part (the previous one is skipped to its end), or null after the closing boundary. */
  Part next() throws IOException {
    if (current == null) {
      // the body starts with --boundary (no CRLF before the first delimiter)
      fill(delimiter.length - 2);
      if (limit - pos < delimiter.length - 2 || !matches(pos, 2)) {
        throw new IOException("multipart body does not start with its boundary");
      }
      pos += delimiter.length - 2;
    } else {
      current.skipAll();
    }
    if (finished) {
      return null;
    }
    String after = readLine();
    if (after.startsWith("--")) {
      finished = true;
      return null;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
      }
    }
    String disposition = headers.getOrDefault("content-disposition", "");
    current = new PartStream();
    return new Part(headers, param(disposition, "name"), param(disposition, "filename"), current);
  }

  private static String param(String header, String name) {
    for (String p : header.split(";")) {
      String s = p.strip();
      if (s.startsWith(name + "=")) {
        String v = s.substring(name.length() + 1);
        return v.startsWith("\"") && v.endsWith("\"") && v.length() > 1 ? v.substring(1, v.length() - 1) : v;
      }
    }
    return null;
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      if (pos == limit && !fill(1)) {
        throw new IOException("multipart body ends inside part headers");
      }
      byte b = buf[pos++];
      if (b == '\n') {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
      }
      if (line.length() > 8192) {
        throw new IOException("multipart header line too long");
      }
      line.append((char) (b & 0xff));
    }
  }

  /** Makes at least {@code want} bytes available (compacting the buffer); false at end of stream with none left. */
  private boolean fill(int want) throws IOException {
    if (limit - pos >= want) {
      return true;
    }
    System.arraycopy(buf, pos, buf, 0, limit - pos);
    limit -= pos;
    pos = 0;
    while (limit < want) {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        break;
      }
      limit += n;
    }
    return limit - pos > 0;
  }

  private boolean matches(int at, int from) {
    for (int i = from; i < delimiter.length; i++) {
      if (buf[at + i - from] != delimiter[i]) {
        return false;
      }
    }
    return true;
  }

  /** A part's content: bytes up to (not including) the next CRLF--boundary. */
  private final class PartStream extends InputStream {
    private boolean done;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done || len == 0) {
        return done ? -1 : 0;
      }
      fill(delimiter.length);
      if (limit - pos < delimiter.length) {
        throw new IOException("multipart body ends before its closing boundary");
      }
      // how far the content safely goes: up to a delimiter, or up to where one could still begin
      int end = limit - delimiter.length + 1;
      for (int i = pos; i < limit - delimiter.length + 1; i++) {
        if (buf[i] == '\r' && matchesAt(i)) {
          end = i;
          break;
        }
      }
      int available = Math.min(end - pos, len);
      if (end == pos) {
        // delimiter right here: the part ends
        pos += delimiter.length;
        done = true;
        return -1;
      }
      System.arraycopy(buf, pos, b, off, available);
      pos += available;
      return available;
    }

    private boolean matchesAt(int i) {
      for (int k = 0; k < delimiter.length; k++) {
        if (buf[i + k] != delimiter[k]) {
          return false;
        }
      }
      return true;
    }

    void skipAll() throws IOException {
      byte[] sink = new byte[BUFFER];
      while (read(sink, 0, sink.length) >= 0) {
        // drain
      }
    }
  }
}
