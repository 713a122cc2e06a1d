//! Checking an ID token (OpenID Connect Core 1.0 §3.1.3.7): signed by one of the provider's
//! published keys with an asymmetric algorithm, issued by the provider for our client, not
//! expired, and carrying the nonce of this very sign-in.
//!
//! The signature check is jsonwebtoken's (ring underneath); this module decides which key,
//! algorithm and claims are acceptable. Only RS256 (Google, Microsoft) and ES256 are taken:
//! `none` and the HMAC algorithms would let anyone who knows the client secret (or nobody at
//! all) mint tokens.

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;

/// What a valid ID token must match.
#[derive(Debug, Clone)]
pub struct Expected<'a> {
    /// The issuer from discovery; Microsoft's multi-tenant metadata gives a template with
    /// `{tenantid}`, filled in from the token's `tid`.
    pub issuer: &'a str,
    pub client_id: &'a str,
    pub nonce: &'a str,
}

/// The person the provider vouches for: its stable subject id and nothing else we keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// `sub`, for Microsoft prefixed by the tenant (`tid:sub`) so that two tenants can never
    /// collide.
    pub subject: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdTokenError {
    #[error("the ID token is not a readable JWT")]
    Malformed,
    #[error("the ID token uses an algorithm we do not accept: {0:?}")]
    Algorithm(Algorithm),
    #[error("no published key of the provider matches the ID token")]
    UnknownKey,
    #[error("the ID token's signature or registered claims are invalid: {0}")]
    Invalid(String),
    #[error("the ID token comes from another issuer")]
    Issuer,
    #[error("the ID token was issued to another client")]
    Audience,
    #[error("the ID token does not carry this sign-in's nonce")]
    Nonce,
}

#[derive(Deserialize)]
struct Claims {
    iss: String,
    sub: String,
    nonce: Option<String>,
    azp: Option<String>,
    tid: Option<String>,
}

const ACCEPTED: &[Algorithm] = &[Algorithm::RS256, Algorithm::ES256];

/// Whether a key with this id is among `keys`; the caller fetches the key set again once
/// when it is not (the provider rotated its keys).
pub fn key_is_known(token: &str, keys: &JwkSet) -> bool {
    jsonwebtoken::decode_header(token)
        .ok()
        .is_some_and(|header| pick_key(header.kid.as_deref(), keys).is_some())
}

fn pick_key<'k>(kid: Option<&str>, keys: &'k JwkSet) -> Option<&'k jsonwebtoken::jwk::Jwk> {
    match kid {
        Some(kid) => keys.find(kid),
        // Without a key id only an unambiguous key set will do.
        None if keys.keys.len() == 1 => keys.keys.first(),
        None => None,
    }
}

pub fn verify(
    token: &str,
    keys: &JwkSet,
    expected: &Expected<'_>,
) -> Result<Identity, IdTokenError> {
    let header = jsonwebtoken::decode_header(token).map_err(|_| IdTokenError::Malformed)?;
    if !ACCEPTED.contains(&header.alg) {
        return Err(IdTokenError::Algorithm(header.alg));
    }
    let jwk = pick_key(header.kid.as_deref(), keys).ok_or(IdTokenError::UnknownKey)?;
    // A key published for one algorithm must not be used with another.
    if let Some(published) = jwk.common.key_algorithm {
        if format!("{published:?}") != format!("{:?}", header.alg) {
            return Err(IdTokenError::Algorithm(header.alg));
        }
    }
    let key = DecodingKey::from_jwk(jwk).map_err(|_| IdTokenError::UnknownKey)?;
    let mut validation = Validation::new(header.alg);
    validation.set_audience(&[expected.client_id]);
    validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
    validation.leeway = 60;
    let claims = jsonwebtoken::decode::<Claims>(token, &key, &validation)
        .map_err(|e| match e.kind() {
            jsonwebtoken::errors::ErrorKind::InvalidAudience => IdTokenError::Audience,
            _ => IdTokenError::Invalid(e.to_string()),
        })?
        .claims;
    if claims
        .azp
        .as_deref()
        .is_some_and(|azp| azp != expected.client_id)
    {
        return Err(IdTokenError::Audience);
    }
    let issuer = match (expected.issuer.contains("{tenantid}"), &claims.tid) {
        (true, Some(tid)) if is_tenant_id(tid) => expected.issuer.replace("{tenantid}", tid),
        (true, _) => return Err(IdTokenError::Issuer),
        (false, _) => expected.issuer.to_owned(),
    };
    if claims.iss != issuer {
        return Err(IdTokenError::Issuer);
    }
    if claims.nonce.as_deref() != Some(expected.nonce) {
        return Err(IdTokenError::Nonce);
    }
    if claims.sub.is_empty() || claims.sub.len() > 255 {
        return Err(IdTokenError::Invalid("subject".to_owned()));
    }
    let subject = match claims.tid {
        Some(tid) if is_tenant_id(&tid) => format!("{tid}:{}", claims.sub),
        _ => claims.sub,
    };
    Ok(Identity { subject })
}

/// Microsoft tenant ids are GUIDs.
fn is_tenant_id(value: &str) -> bool {
    value.len() == 36 && value.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;
    use jsonwebtoken::{EncodingKey, Header};
    use ring::rand::SystemRandom;
    use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};

    const ISSUER: &str = "https://idp.example";
    const CLIENT: &str = "derma-client";
    const NONCE: &str = "n-0S6_WzA2Mj";

    /// A provider's signing key: a fresh P-256 key and its published JWK.
    struct Signer {
        key: EncodingKey,
        keys: JwkSet,
    }

    fn signer(kid: &str) -> Signer {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
            .expect("key generation");
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng)
            .expect("key pair");
        let point = pair.public_key().as_ref();
        let jwk = serde_json::json!({
            "kty": "EC", "crv": "P-256", "kid": kid, "use": "sig", "alg": "ES256",
            "x": URL_SAFE_NO_PAD.encode(&point[1..33]),
            "y": URL_SAFE_NO_PAD.encode(&point[33..65]),
        });
        Signer {
            key: EncodingKey::from_ec_der(pkcs8.as_ref()),
            keys: serde_json::from_value(serde_json::json!({ "keys": [jwk] })).expect("jwks"),
        }
    }

    fn now() -> i64 {
        i64::try_from(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .expect("clock")
                .as_secs(),
        )
        .expect("fits")
    }

    fn claims() -> serde_json::Value {
        serde_json::json!({
            "iss": ISSUER, "aud": CLIENT, "sub": "110169484474386276334",
            "iat": now(), "exp": now() + 300, "nonce": NONCE,
        })
    }

    fn token(signer: &Signer, kid: &str, claims: &serde_json::Value) -> String {
        let mut header = Header::new(Algorithm::ES256);
        header.kid = Some(kid.to_owned());
        jsonwebtoken::encode(&header, claims, &signer.key).expect("signs")
    }

    fn expected() -> Expected<'static> {
        Expected {
            issuer: ISSUER,
            client_id: CLIENT,
            nonce: NONCE,
        }
    }

    #[test]
    fn a_valid_token_names_its_subject() {
        let s = signer("k1");
        let identity = verify(&token(&s, "k1", &claims()), &s.keys, &expected()).expect("valid");
        assert_eq!(identity.subject, "110169484474386276334");
    }

    #[test]
    fn each_wrong_claim_is_refused_for_its_own_reason() {
        let s = signer("k1");
        let with = |key: &str, value: serde_json::Value| {
            let mut c = claims();
            c[key] = value;
            verify(&token(&s, "k1", &c), &s.keys, &expected())
        };
        assert_eq!(with("nonce", "other".into()), Err(IdTokenError::Nonce));
        assert_eq!(
            with("nonce", serde_json::Value::Null),
            Err(IdTokenError::Nonce)
        );
        assert_eq!(
            with("iss", "https://evil.example".into()),
            Err(IdTokenError::Issuer)
        );
        assert_eq!(
            with("aud", "another-client".into()),
            Err(IdTokenError::Audience)
        );
        assert_eq!(
            with("azp", "another-client".into()),
            Err(IdTokenError::Audience)
        );
        assert!(matches!(
            with("exp", (now() - 3600).into()),
            Err(IdTokenError::Invalid(_))
        ));
    }

    #[test]
    fn a_token_signed_by_another_key_or_unknown_kid_is_refused() {
        let real = signer("k1");
        let forger = signer("k1");
        assert!(matches!(
            verify(&token(&forger, "k1", &claims()), &real.keys, &expected()),
            Err(IdTokenError::Invalid(_))
        ));
        let rotated = token(&real, "k2", &claims());
        assert!(!key_is_known(&rotated, &real.keys));
        assert_eq!(
            verify(&rotated, &real.keys, &expected()),
            Err(IdTokenError::UnknownKey)
        );
    }

    #[test]
    fn symmetric_and_unsigned_tokens_are_refused() {
        let s = signer("k1");
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some("k1".to_owned());
        let hmac = jsonwebtoken::encode(&header, &claims(), &EncodingKey::from_secret(b"client"))
            .expect("signs");
        assert_eq!(
            verify(&hmac, &s.keys, &expected()),
            Err(IdTokenError::Algorithm(Algorithm::HS256))
        );
        let body = URL_SAFE_NO_PAD.encode(claims().to_string());
        let unsigned = format!(
            "{}.{body}.",
            URL_SAFE_NO_PAD.encode(r#"{"alg":"none","kid":"k1"}"#)
        );
        assert_eq!(
            verify(&unsigned, &s.keys, &expected()),
            Err(IdTokenError::Malformed)
        );
        assert_eq!(
            verify("not a token", &s.keys, &expected()),
            Err(IdTokenError::Malformed)
        );
    }

    #[test]
    fn microsoft_multi_tenant_issuers_are_filled_in_from_the_tenant() {
        let s = signer("k1");
        let template = "https://login.microsoftonline.com/{tenantid}/v2.0";
        let tid = "9188040d-6c67-4c5b-b112-36a304b66dad";
        let mut c = claims();
        c["iss"] = format!("https://login.microsoftonline.com/{tid}/v2.0").into();
        c["tid"] = tid.into();
        let expected = Expected {
            issuer: template,
            ..expected()
        };
        let identity = verify(&token(&s, "k1", &c), &s.keys, &expected).expect("valid");
        assert_eq!(identity.subject, format!("{tid}:110169484474386276334"));
        // The tenant in the issuer must be the token's own.
        c["tid"] = "00000000-0000-0000-0000-000000000000".into();
        assert_eq!(
            verify(&token(&s, "k1", &c), &s.keys, &expected),
            Err(IdTokenError::Issuer)
        );
        c["tid"] = serde_json::Value::Null;
        assert_eq!(
            verify(&token(&s, "k1", &c), &s.keys, &expected),
            Err(IdTokenError::Issuer)
        );
    }
}
