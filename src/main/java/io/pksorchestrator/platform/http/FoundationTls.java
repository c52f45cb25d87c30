package io.pksorchestrator.platform.http;

import io.pksorchestrator.platform.FoundationProperties.Foundation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the TLS context of a foundation. Certificates are verified against the JVM's default trust store PLUS
 * the foundation's configured CA bundle (Ops Manager, BOSH and PKS usually present certificates signed by the
 * foundation's own root CA). {@code skip-tls-validation: true} accepts any certificate and host name.
 */
public final class FoundationTls {

  private FoundationTls() {}

  /** The SSL context for a foundation; {@code name} is used in error messages only. */
  public static SSLContext sslContext(String name, Foundation foundation) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      if (foundation.skipTlsValidation()) {
        context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
        return context;
      }
      List<X509Certificate> configured = caCertificates(name, foundation);
      if (configured.isEmpty()) {
        context.init(null, null, new SecureRandom());
        return context;
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate jvmCa : defaultTrustManager().getAcceptedIssuers()) {
        store.setCertificateEntry("jvm-" + i++, jvmCa);
      }
      for (X509Certificate ca : configured) {
        store.setCertificateEntry("foundation-" + i++, ca);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      context.init(null, tmf.getTrustManagers(), new SecureRandom());
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot build the TLS context of foundation '" + name + "': " + e.getMessage(),
          e);
    }
  }

  /** Parses the configured PEM text and file; both may hold several certificates. */
  public static List<X509Certificate> caCertificates(String name, Foundation foundation) {
    List<X509Certificate> result = new ArrayList<>();
    String property = "pkso.foundations." + name + ".ca-certificates";
    if (foundation.caCertificates() != null && !foundation.caCertificates().isBlank()) {
      result.addAll(parsePem(foundation.caCertificates(), property));
    }
    if (foundation.caCertificatesFile() != null) {
      String pem;
      try {
        pem = Files.readString(foundation.caCertificatesFile(), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("Cannot read " + property + "-file '" + foundation.caCertificatesFile()
            + "' (" + e.getClass().getSimpleName() + "). Check that the file exists and is readable.");
      }
      result.addAll(parsePem(pem, property + "-file"));
    }
    return result;
  }

  static List<X509Certificate> parsePem(String pem, String property) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> certs = new ArrayList<>();
      for (Certificate c : factory.generateCertificates(
          new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)))) {
        certs.add((X509Certificate) c);
      }
      if (certs.isEmpty()) {
        throw new CertificateException("no certificate found");
      }
      return certs;
    } catch (CertificateException e) {
      throw new IllegalStateException(property + " is not a valid PEM certificate bundle (" + e.getMessage()
          + "). Expected one or more '-----BEGIN CERTIFICATE-----' blocks.");
    }
  }

  private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("The JVM has no X.509 trust manager");
  }

  /**
   * Accepts every certificate. As an {@link X509ExtendedTrustManager} it also replaces JSSE's host name check,
   * which is what {@code skip-tls-validation} promises.
   */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}
    @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}
    @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}
    @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}
    @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
    @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}
    @Override public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
