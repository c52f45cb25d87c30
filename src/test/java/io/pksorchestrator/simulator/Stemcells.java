package io.pksorchestrator.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Test stemcell tarballs and their multipart upload. */
public final class Stemcells {

  private Stemcells() {}

  /** A gzipped tar holding only stemcell.MF. */
  public static byte[] tarball(String os, String version) {
    return tarball(os, version, "vsphere", "esxi");
  }

  /** A gzipped tar holding only the stemcell.MF of a stemcell for {@code infrastructure}. */
  public static byte[] tarball(String os, String version, String infrastructure, String hypervisor) {
    String manifest = "---\nname: bosh-" + infrastructure + "-" + hypervisor + "-" + os + "-go_agent\nversion: '" + version
        + "'\noperating_system: " + os + "\nstemcell_formats:\n- " + infrastructure + "-raw\ncloud_properties:\n"
        + "  infrastructure: " + infrastructure + "\n";
    try {
      ByteArrayOutputStream tar = new ByteArrayOutputStream();
      byte[] body = manifest.getBytes(StandardCharsets.UTF_8);
      byte[] header = new byte[512];
      System.arraycopy("stemcell.MF".getBytes(StandardCharsets.US_ASCII), 0, header, 0, 11);
      byte[] size = String.format("%011o", body.length).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(size, 0, header, 124, size.length);
      header[156] = '0';
      tar.write(header);
      tar.write(body);
      tar.write(new byte[(512 - body.length % 512) % 512]);
      tar.write(new byte[1024]);
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
        out.write(tar.toByteArray());
      }
      return gz.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** POST /api/v0/stemcells as multipart with stemcell[file]. */
  static HttpRequest.Builder upload(String base, String token, String fileName, byte[] content) {
    String boundary = "----pkso" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"stemcell[file]\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(content);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HttpRequest.newBuilder(URI.create(base + "/lab/opsman/api/v0/stemcells"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }
}
