package ai.minimind.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void keys_have_the_prefix_and_43_url_safe_characters_and_differ() {
        String a = ApiKeys.newKey();
        assertThat(a).matches("mm-[A-Za-z0-9_-]{43}");
        assertThat(ApiKeys.hasKeyShape(a)).isTrue();
        assertThat(ApiKeys.newKey()).isNotEqualTo(a);
    }

    @Test
    void hash_is_lowercase_hex_sha256() {
        assertThat(ApiKeys.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ApiKeys.sameHash(ApiKeys.hash("abc"), ApiKeys.hash("abc"))).isTrue();
        assertThat(ApiKeys.sameHash(ApiKeys.hash("abc"), ApiKeys.hash("abd"))).isFalse();
    }

    @Test
    void token_verifies_until_expiry_and_only_with_the_same_secret() {
        TokenSigner signer = new TokenSigner("secret-one");
        Instant now = Instant.ofEpochSecond(1_000_000);
        String token = signer.sign("c_1", now.plusSeconds(60));
        assertThat(signer.verify(token, now)).contains("c_1");
        assertThat(signer.verify(token, now.plusSeconds(60))).isEmpty();
        assertThat(new TokenSigner("secret-two").verify(token, now)).isEmpty();
    }

    @Test
    void tampered_or_malformed_tokens_are_refused() {
        TokenSigner signer = new TokenSigner("s");
        Instant now = Instant.ofEpochSecond(1_000_000);
        String token = signer.sign("c_1", now.plusSeconds(60));
        String forged = signer.sign("c_2", now.plusSeconds(60));
        String mixed = token.substring(0, token.lastIndexOf('.')) + forged.substring(forged.lastIndexOf('.'));
        assertThat(signer.verify(mixed, now)).isEmpty();
        assertThat(signer.verify("mmt.", now)).isEmpty();
        assertThat(signer.verify("mmt.a.b.c", now)).isEmpty();
        assertThat(signer.verify("mmt.!!!.???", now)).isEmpty();
    }
}
