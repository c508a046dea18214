package io.chainmonitor.support.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

/** Reads a PEM public key ({@code PUBLIC KEY}) or certificate ({@code CERTIFICATE}), RSA or EC. */
final class PublicKeys {

    private static final Pattern PEM = Pattern
            .compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PublicKeys() {
    }

    static PublicKey read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the JWT public key at " + resource.getDescription(), e);
        }
    }

    static PublicKey parse(String pem) {
        Matcher matcher = PEM.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException("the JWT public key is not a PEM public key or certificate");
        }
        byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
        try {
            return switch (matcher.group(1)) {
                case "PUBLIC KEY" -> publicKey(der);
                case "CERTIFICATE" -> CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
                default -> throw new IllegalArgumentException(
                        "the JWT public key is a PEM " + matcher.group(1) + ", not a PUBLIC KEY or CERTIFICATE");
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the JWT public key cannot be read: " + e.getMessage(), e);
        }
    }

    private static PublicKey publicKey(byte[] der) throws GeneralSecurityException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(spec);
        }
    }
}
