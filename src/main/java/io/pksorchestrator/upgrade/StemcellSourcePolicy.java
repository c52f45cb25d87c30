package io.pksorchestrator.upgrade;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which stemcell sources the orchestrator may read (issue 11 item 2): its own disk is off limits except one
 * directory. Allowed are
 * <ul>
 *   <li>an absolute path of a readable regular file below {@code pkso.upgrade.stemcell-dir}, with no {@code .} or
 *       {@code ..} segment, whose real path (symbolic links resolved) is still below the real path of that
 *       directory;</li>
 *   <li>an {@code http} or {@code https} URL without user info whose host is, character for character (case
 *       ignored, a trailing dot dropped), on {@code pkso.upgrade.stemcell-url-hosts}. IP literals in other
 *       spellings ({@code 2130706433}, {@code 0x7f.1}, {@code 127.1}) therefore match nothing.</li>
 * </ul>
 * Everything else is refused with {@link StemcellSourceRejectedException}. A path that is not below the directory
 * is refused before the file system is touched, and every failure inside the directory (missing, not a regular
 * file, unreadable, a link leading out) gives the same message, so the answer never tells whether a file exists
 * outside the directory. Plain Java: the API validation, the pre-checks and the upload delegate use the same rule.
 */
public final class StemcellSourcePolicy {

  /** A source that the policy allows, resolved to exactly what will be read. */
  public sealed interface Resolved permits LocalFile, RemoteUrl {
    /** The exact source that will be uploaded (real path or URL), for the approval summary. */
    String display();
  }

  /** A file below the stemcell directory, by its real path. */
  public record LocalFile(Path realPath) implements Resolved {
    @Override
    public String display() {
      return "file " + realPath;
    }
  }

  /** An http(s) URL on an allowed host. */
  public record RemoteUrl(URI url) implements Resolved {
    @Override
    public String display() {
      return "download " + url;
    }
  }

  private final Path directory;
  private final Set<String> hosts;

  /**
   * @param directory {@code pkso.upgrade.stemcell-dir}; null: no file is allowed. Must be absolute.
   * @param hosts {@code pkso.upgrade.stemcell-url-hosts}; empty: no URL is allowed
   */
  public StemcellSourcePolicy(Path directory, List<String> hosts) {
    if (directory != null && !directory.isAbsolute()) {
      throw new IllegalArgumentException("pkso.upgrade.stemcell-dir must be an absolute path, not '" + directory + "'");
    }
    this.directory = directory == null ? null : directory.normalize();
    this.hosts = new TreeSet<>();
    if (hosts != null) {
      hosts.stream().filter(h -> h != null && !h.isBlank()).map(StemcellSourcePolicy::canonicalHost)
          .forEach(this.hosts::add);
    }
  }

  /** The configured directory (normalised), or null. */
  public Path directory() {
    return directory;
  }

  /** The allowed URL hosts (lower case). */
  public Set<String> hosts() {
    return Set.copyOf(hosts);
  }

  /** Resolves {@code source} or throws {@link StemcellSourceRejectedException} saying what is allowed. */
  public Resolved resolve(String source) {
    if (source == null || source.isBlank()) {
      throw rejected("stemcellSource is empty; " + allowed());
    }
    if (source.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw rejected("stemcellSource contains control characters; " + allowed());
    }
    String s = source.strip();
    int colon = s.indexOf(':');
    int slash = s.indexOf('/');
    if (colon > 0 && (slash < 0 || colon < slash)) {
      return url(s);
    }
    return file(s);
  }

  private Resolved url(String s) {
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      throw rejected("stemcellSource is not a valid URL (" + e.getReason() + "); " + allowed());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw rejected("stemcellSource scheme '" + scheme + "' is not allowed; " + allowed());
    }
    if (uri.getRawUserInfo() != null) {
      throw rejected("stemcellSource URL must not carry user information (user:password@); " + allowed());
    }
    if (uri.getHost() == null) {
      throw rejected("stemcellSource URL has no valid host name; " + allowed());
    }
    String host = canonicalHost(uri.getHost());
    if (!hosts.contains(host)) {
      throw rejected("stemcellSource host '" + host + "' is not on pkso.upgrade.stemcell-url-hosts " + hosts
          + "; " + allowed());
    }
    return new RemoteUrl(uri.normalize());
  }

  private Resolved file(String s) {
    if (directory == null) {
      throw rejected("stemcellSource files are not allowed: pkso.upgrade.stemcell-dir is not set; " + allowed());
    }
    if (!s.startsWith("/")) {
      throw rejected("stemcellSource path must be absolute; " + allowed());
    }
    for (String segment : s.split("/")) {
      if (segment.equals("..") || segment.equals(".")) {
        throw rejected("stemcellSource path must not contain '.' or '..' segments; " + allowed());
      }
    }
    Path lexical;
    try {
      lexical = Path.of(s).normalize();
    } catch (InvalidPathException e) {
      throw rejected("stemcellSource is not a valid path; " + allowed());
    }
    if (!lexical.startsWith(directory) || lexical.equals(directory)) {
      // decided on the text alone: nothing outside the directory is ever looked at
      throw rejected("stemcellSource '" + s + "' is not below the stemcell directory " + directory
          + " (pkso.upgrade.stemcell-dir); " + allowed());
    }
    try {
      Path realDirectory = directory.toRealPath();
      Path real = lexical.toRealPath();
      if (real.startsWith(realDirectory) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
          && Files.isReadable(real)) {
        return new LocalFile(real);
      }
    } catch (IOException | SecurityException e) {
      // same answer as every other failure below the directory
    }
    throw rejected("stemcellSource '" + s + "': no readable stemcell file at this path below the stemcell directory "
        + directory + " (symbolic links must stay inside it)");
  }

  private String allowed() {
    return "allowed are an absolute path below " + (directory == null ? "pkso.upgrade.stemcell-dir (not set)"
        : directory.toString()) + " or an http(s) URL on the hosts " + (hosts.isEmpty()
        ? "of pkso.upgrade.stemcell-url-hosts (none set)" : hosts.toString());
  }

  private static String canonicalHost(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  private static StemcellSourceRejectedException rejected(String message) {
    return new StemcellSourceRejectedException(message);
  }
}
