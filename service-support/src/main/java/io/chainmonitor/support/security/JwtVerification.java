package io.chainmonitor.support.security;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the decoder that verifies bearer tokens: the signature with the configured key, then the expiry (required),
 * not-before, issuer and audience, with a bounded clock skew.
 */
final class JwtVerification {

    private static final Set<SignatureAlgorithm> RSA = Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
            SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512);
    private static final Set<SignatureAlgorithm> EC = Set.of(SignatureAlgorithm.ES256, SignatureAlgorithm.ES384,
            SignatureAlgorithm.ES512);

    private JwtVerification() {
    }

    static JwtDecoder decoder(ApiSecurityProperties.Jwt jwt) {
        NimbusJwtDecoder decoder;
        if (jwt.hmacSecret() != null) {
            byte[] secret = jwt.hmacSecret().getBytes(StandardCharsets.UTF_8);
            decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
        } else if (jwt.publicKeyLocation() != null) {
            decoder = publicKeyDecoder(PublicKeys.read(jwt.publicKeyLocation()));
        } else {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri().toString())
                    .jwsAlgorithms(algorithms -> {
                        algorithms.addAll(RSA);
                        algorithms.addAll(EC);
                    })
                    .build();
        }
        decoder.setJwtValidator(validator(jwt));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(ApiSecurityProperties.Jwt jwt) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(jwt.clockSkew());
        // A token without an expiry would be valid forever.
        timestamps.setAllowEmptyExpiryClaim(false);
        validators.add(timestamps);
        if (jwt.issuer() != null) {
            validators.add(new JwtIssuerValidator(jwt.issuer()));
        }
        if (jwt.audience() != null) {
            validators.add(new JwtAudienceValidator(jwt.audience()));
        }
        return JwtValidators.createDefaultWithValidators(validators);
    }

    private static NimbusJwtDecoder publicKeyDecoder(PublicKey key) {
        JWK jwk;
        Set<SignatureAlgorithm> algorithms;
        if (key instanceof RSAPublicKey rsa) {
            jwk = new RSAKey.Builder(rsa).build();
            algorithms = RSA;
        } else if (key instanceof ECPublicKey ec) {
            Curve curve = Curve.forECParameterSpec(ec.getParams());
            jwk = new ECKey.Builder(curve, ec).build();
            algorithms = Set.of(ecAlgorithm(curve));
        } else {
            throw new IllegalArgumentException("the JWT public key is " + key.getAlgorithm() + ", not RSA or EC");
        }
        Set<JWSAlgorithm> accepted = algorithms.stream().map(algorithm -> JWSAlgorithm.parse(algorithm.getName()))
                .collect(Collectors.toUnmodifiableSet());
        // One configured key: it verifies whatever key id the token names, for the key's own algorithms only.
        JWSKeySelector<SecurityContext> selector = (header, context) -> accepted.contains(header.getAlgorithm())
                ? List.of(key)
                : List.of();
        return NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(jwk)))
                .jwsAlgorithms(configured -> configured.addAll(algorithms))
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(selector))
                .build();
    }

    private static SignatureAlgorithm ecAlgorithm(Curve curve) {
        if (Curve.P_256.equals(curve)) {
            return SignatureAlgorithm.ES256;
        }
        if (Curve.P_384.equals(curve)) {
            return SignatureAlgorithm.ES384;
        }
        if (Curve.P_521.equals(curve)) {
            return SignatureAlgorithm.ES512;
        }
        throw new IllegalArgumentException("the JWT public key's curve " + curve + " is not P-256, P-384 or P-521");
    }
}
