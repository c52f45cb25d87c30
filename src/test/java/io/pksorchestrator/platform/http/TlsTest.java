package io.pksorchestrator.platform.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.pksorchestrator.platform.FoundationProperties.Foundation;
import io.pksorchestrator.platform.RetryableFoundationException;
import io.pksorchestrator.platform.TestFoundations;
import io.pksorchestrator.platform.TestFoundations.MutableClock;
import io.pksorchestrator.platform.pks.FeignPksGateway;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against a server whose certificate is signed by a CA generated here: trusted with the CA configured (also
 * inside a bundle of several certificates), refused without it, accepted with skip-tls-validation.
 */
class TlsTest {

  private static final String PASSWORD = "changeit";
  private static WireMockServer wm;
  private static String caPem;
  private static String otherCaPem;

  @TempDir
  static Path dir;

  @BeforeAll
  static void startHttpsServer() throws Exception {
    KeyPair caKeys = keys();
    X509Certificate ca = certificate("CN=pkso test CA", caKeys, "CN=pkso test CA", caKeys.getPrivate(), true);
    KeyPair serverKeys = keys();
    X509Certificate server = certificate("CN=localhost", serverKeys, "CN=pkso test CA", caKeys.getPrivate(), false);
    KeyPair otherKeys = keys();
    otherCaPem = pem(certificate("CN=other CA", otherKeys, "CN=other CA", otherKeys.getPrivate(), true));
    caPem = pem(ca);

    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", serverKeys.getPrivate(), PASSWORD.toCharArray(),
        new X509Certificate[] {server, ca});
    Path keystore = dir.resolve("server.p12");
    try (OutputStream out = Files.newOutputStream(keystore)) {
      store.store(out, PASSWORD.toCharArray());
    }
    wm = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort()
        .keystorePath(keystore.toString()).keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)
        .keystoreType("PKCS12"));
    wm.start();
    wm.stubFor(post("/pks-uaa/oauth/token").willReturn(okJson(
        "{\"access_token\":\"tls-token\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
    wm.stubFor(get("/pks/v1/plans").willReturn(okJson("[]")));
  }

  @AfterAll
  static void stop() {
    wm.stop();
  }

  private static String base() {
    return "https://localhost:" + wm.httpsPort();
  }

  private static FeignPksGateway gateway(boolean skipTls, String pem) {
    Foundation f = TestFoundations.foundation(base(), Duration.ofSeconds(10), skipTls, pem);
    return new FeignPksGateway(TestFoundations.clients(f, new MutableClock()));
  }

  @Test
  void trustsTheServerWithTheConfiguredCa() {
    assertThat(gateway(false, caPem).plans(TestFoundations.NAME)).isEmpty();
  }

  @Test
  void trustsTheServerWhenTheCaIsPartOfABundle() {
    assertThat(gateway(false, otherCaPem + "\n" + caPem).plans(TestFoundations.NAME)).isEmpty();
  }

  @Test
  void refusesTheServerWithoutTheCa() {
    assertThatThrownBy(() -> gateway(false, null).plans(TestFoundations.NAME))
        .isInstanceOfSatisfying(RetryableFoundationException.class, e -> {
          assertThat(e.status()).isZero();
          assertThat(e.getMessage()).contains("failed without a response").contains("SSLHandshakeException")
              .contains("TLS certificate is trusted");
        });
  }

  @Test
  void refusesTheServerWithAnUnrelatedCa() {
    assertThatThrownBy(() -> gateway(false, otherCaPem).plans(TestFoundations.NAME))
        .isInstanceOf(RetryableFoundationException.class);
  }

  @Test
  void acceptsAnyCertificateWhenValidationIsSkipped() {
    assertThat(gateway(true, null).plans(TestFoundations.NAME)).isEmpty();
  }

  @Test
  void aBadPemIsAClearError() {
    assertThatThrownBy(() -> FoundationTls.parsePem("not a certificate", "pkso.foundations.x.ca-certificates"))
        .hasMessageContaining("pkso.foundations.x.ca-certificates is not a valid PEM certificate bundle");
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static X509Certificate certificate(String subject, KeyPair keys, String issuer, PrivateKey signer,
      boolean ca) throws Exception {
    Instant now = Instant.now();
    var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(now.toEpochMilli()),
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(2))), new X500Name(subject),
        keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    if (ca) {
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
    }
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
  }

  private static String pem(X509Certificate certificate) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }
}
