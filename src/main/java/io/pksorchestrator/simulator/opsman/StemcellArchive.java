package io.pksorchestrator.simulator.opsman;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads what Ops Manager needs from an uploaded stemcell tarball: {@code stemcell.MF} (YAML with name,
 * version, operating_system) inside the gzipped tar, falling back to the file name pattern
 * {@code bosh-stemcell-<version>-<iaas>-<hypervisor>-<os>-go_agent.tgz}. The archive must be a gzipped tar.
 */
public final class StemcellArchive {

  /** What an upload turned out to be. */
  public record Info(String name, String os, String version, String infrastructure, String hypervisor, String file) {}

  private static final Pattern FILE_NAME =
      Pattern.compile("(?:light-)?bosh-stemcell-([0-9][0-9.]*)-([a-z0-9]+)-([a-z0-9]+)-(.+)-go_agent\\.tgz");
  private static final int MAX_MANIFEST = 1 << 20;

  private StemcellArchive() {}

  /** @throws IllegalArgumentException with a message for the 422 body when this is not a stemcell */
  public static Info read(InputStream content, String fileName) throws IOException {
    String file = fileName == null ? "stemcell.tgz" : fileName.replaceAll(".*[/\\\\]", "");
    String manifest;
    try {
      manifest = findManifest(new GZIPInputStream(content));
    } catch (ZipException | java.io.EOFException e) {
      throw new IllegalArgumentException("File " + file + " is not a stemcell: it is not a gzipped tarball (.tgz)");
    }
    if (manifest != null) {
      Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(manifest);
      if (parsed instanceof Map<?, ?> mf && mf.get("name") != null && mf.get("version") != null && mf.get("operating_system") != null) {
        String name = String.valueOf(mf.get("name"));
        Matcher n = Pattern.compile("bosh-([a-z0-9]+)-([a-z0-9]+)-.*").matcher(name);
        return new Info(name, String.valueOf(mf.get("operating_system")), String.valueOf(mf.get("version")),
            n.matches() ? n.group(1) : "vsphere", n.matches() ? n.group(2) : "esxi", file);
      }
      throw new IllegalArgumentException("File " + file + " has a stemcell.MF without name, version and operating_system");
    }
    Matcher m = FILE_NAME.matcher(file);
    if (!m.matches()) {
      throw new IllegalArgumentException("File " + file + " is not a stemcell: no stemcell.MF inside and the name does not"
          + " follow bosh-stemcell-<version>-<iaas>-<hypervisor>-<os>-go_agent.tgz");
    }
    return new Info("bosh-" + m.group(2) + "-" + m.group(3) + "-" + m.group(4) + "-go_agent", m.group(4), m.group(1),
        m.group(2), m.group(3), file);
  }

  /** Walks the tar headers; returns stemcell.MF's text or null. Reads the whole stream (it may be large). */
  private static String findManifest(InputStream tar) throws IOException {
    byte[] header = new byte[512];
    String found = null;
    while (readFully(tar, header)) {
      if (header[0] == 0) {
        break;
      }
      String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "").trim();
      String sizeField = new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim();
      if (!sizeField.matches("[0-7]+")) {
        throw new ZipException("not a tar archive");
      }
      long size = Long.parseLong(sizeField, 8);
      long padded = (size + 511) / 512 * 512;
      if (found == null && (name.equals("stemcell.MF") || name.endsWith("/stemcell.MF")) && size <= MAX_MANIFEST) {
        byte[] body = new byte[(int) padded];
        if (!readFully(tar, body)) {
          throw new java.io.EOFException();
        }
        found = new String(body, 0, (int) size, StandardCharsets.UTF_8);
        break; // OM needs nothing else from the archive
      }
      tar.skipNBytes(padded);
    }
    return found;
  }

  private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
    int n = in.readNBytes(buffer, 0, buffer.length);
    if (n == 0) {
      return false;
    }
    if (n < buffer.length) {
      throw new java.io.EOFException();
    }
    return true;
  }
}
