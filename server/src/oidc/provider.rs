//! One configured OpenID Connect provider: its discovered endpoints and signing keys (fetched
//! when first needed and kept in memory; the keys again when a token names one we lack), the
//! authorization request, and the code exchange at the token endpoint.
//!
//! Every server keeps its own cache; nothing here is shared state, so servers stay stateless.

use std::time::{Duration, Instant};

use jsonwebtoken::jwk::JwkSet;
use serde::Deserialize;
use tokio::sync::RwLock;

use super::id_token::{self, Expected, IdTokenError, Identity};
use crate::settings::OidcProviderSettings;

/// How long discovered endpoints and keys are trusted before they are fetched again.
const CACHE_FOR: Duration = Duration::from_hours(6);
/// Key sets are fetched again for an unknown key id at most this often.
const REFETCH_AT_MOST_EVERY: Duration = Duration::from_mins(1);
/// The most we read of any answer of a provider.
const MAX_ANSWER_BYTES: usize = 256 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    #[error("the provider could not be reached: {0}")]
    Unreachable(#[source] reqwest::Error),
    #[error("the provider answered {status} at {what}")]
    Status {
        what: &'static str,
        status: reqwest::StatusCode,
    },
    #[error("the provider's {0} is not what OpenID Connect requires")]
    Unusable(&'static str),
    #[error(transparent)]
    IdToken(#[from] IdTokenError),
}

#[derive(Debug, Clone, Deserialize)]
struct Metadata {
    issuer: String,
    authorization_endpoint: String,
    token_endpoint: String,
    jwks_uri: String,
}

struct Discovered {
    metadata: Metadata,
    keys: JwkSet,
    fetched_at: Instant,
    keys_fetched_at: Instant,
}

pub struct Provider {
    pub settings: OidcProviderSettings,
    redirect_uri: String,
    http: reqwest::Client,
    discovered: RwLock<Option<Discovered>>,
}

#[derive(Deserialize)]
struct TokenAnswer {
    id_token: Option<String>,
}

impl Provider {
    pub fn new(
        settings: OidcProviderSettings,
        public_origin: &str,
    ) -> Result<Self, reqwest::Error> {
        let redirect_uri = format!(
            "{public_origin}/auth/oidc/{}/callback",
            settings.provider.as_str()
        );
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            // Endpoints come from discovery; a redirect elsewhere is not followed.
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(Self {
            settings,
            redirect_uri,
            http,
            discovered: RwLock::new(None),
        })
    }

    pub fn redirect_uri(&self) -> &str {
        &self.redirect_uri
    }

    /// The provider's sign-in page for this attempt (authorization code flow with PKCE S256,
    /// only the `openid` scope: we keep no name, address or picture from the provider).
    pub async fn authorization_url(
        &self,
        state: &str,
        nonce: &str,
        code_challenge: &str,
    ) -> Result<String, ProviderError> {
        let endpoint = self.metadata().await?.authorization_endpoint;
        let mut url = reqwest::Url::parse(&endpoint)
            .map_err(|_| ProviderError::Unusable("authorization endpoint"))?;
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.settings.client_id)
            .append_pair("redirect_uri", &self.redirect_uri)
            .append_pair("scope", "openid")
            .append_pair("state", state)
            .append_pair("nonce", nonce)
            .append_pair("code_challenge", code_challenge)
            .append_pair("code_challenge_method", "S256")
            // The provider asks who signs in every time: on a shared reception computer the
            // account someone left signed in at Google must not open our staff area for the
            // next person, nor be connected to a member by mistake.
            .append_pair("prompt", "login");
        Ok(url.into())
    }

    /// Redeems the code and checks the ID token that comes with it.
    pub async fn identity(
        &self,
        code: &str,
        pkce_verifier: &str,
        nonce: &str,
    ) -> Result<Identity, ProviderError> {
        let metadata = self.metadata().await?;
        let answer = self
            .http
            .post(&metadata.token_endpoint)
            .form(&[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", &self.redirect_uri),
                ("code_verifier", pkce_verifier),
                ("client_id", &self.settings.client_id),
                ("client_secret", self.settings.client_secret.expose()),
            ])
            .send()
            .await
            .map_err(ProviderError::Unreachable)?;
        if !answer.status().is_success() {
            return Err(ProviderError::Status {
                what: "the token endpoint",
                status: answer.status(),
            });
        }
        let token = read_json::<TokenAnswer>(answer, "token answer")
            .await?
            .id_token
            .ok_or(ProviderError::Unusable("token answer (no ID token)"))?;
        let keys = self.keys_for(&token).await?;
        Ok(id_token::verify(
            &token,
            &keys,
            &Expected {
                issuer: &metadata.issuer,
                client_id: &self.settings.client_id,
                nonce,
            },
        )?)
    }

    async fn metadata(&self) -> Result<Metadata, ProviderError> {
        if let Some(d) = self.discovered.read().await.as_ref() {
            if d.fetched_at.elapsed() < CACHE_FOR {
                return Ok(d.metadata.clone());
            }
        }
        let fresh = self.discover().await?;
        let metadata = fresh.metadata.clone();
        *self.discovered.write().await = Some(fresh);
        Ok(metadata)
    }

    /// The key set, fetched again once if the token names a key it lacks (rotation).
    async fn keys_for(&self, token: &str) -> Result<JwkSet, ProviderError> {
        {
            let guard = self.discovered.read().await;
            let Some(d) = guard.as_ref() else {
                return Err(ProviderError::Unusable("metadata (not discovered)"));
            };
            if id_token::key_is_known(token, &d.keys)
                || d.keys_fetched_at.elapsed() < REFETCH_AT_MOST_EVERY
            {
                return Ok(d.keys.clone());
            }
        }
        let mut guard = self.discovered.write().await;
        let Some(d) = guard.as_mut() else {
            return Err(ProviderError::Unusable("metadata (not discovered)"));
        };
        d.keys = self.fetch_keys(&d.metadata.jwks_uri).await?;
        d.keys_fetched_at = Instant::now();
        Ok(d.keys.clone())
    }

    async fn discover(&self) -> Result<Discovered, ProviderError> {
        let url = format!("{}/.well-known/openid-configuration", self.settings.issuer);
        let answer = self
            .http
            .get(&url)
            .send()
            .await
            .map_err(ProviderError::Unreachable)?;
        if !answer.status().is_success() {
            return Err(ProviderError::Status {
                what: "discovery",
                status: answer.status(),
            });
        }
        let metadata: Metadata = read_json(answer, "discovery document").await?;
        self.check(&metadata)?;
        let keys = self.fetch_keys(&metadata.jwks_uri).await?;
        let now = Instant::now();
        Ok(Discovered {
            metadata,
            keys,
            fetched_at: now,
            keys_fetched_at: now,
        })
    }

    /// The document must be the configured issuer's own (OpenID Connect Discovery §4.3), and
    /// its endpoints on the same kind of transport.
    fn check(&self, metadata: &Metadata) -> Result<(), ProviderError> {
        let configured = self.settings.issuer.as_str();
        let issuer = metadata.issuer.trim_end_matches('/');
        // Microsoft's multi-tenant endpoints publish a template (`{tenantid}`); the tenant of
        // each token is then checked against it.
        let template_ok = self.settings.provider == domain::SignInProvider::Microsoft
            && issuer.starts_with("https://login.microsoftonline.com/{tenantid}/");
        if issuer != configured && !template_ok {
            return Err(ProviderError::Unusable("issuer"));
        }
        let https = configured.starts_with("https://");
        let issuer_origin = origin_of(configured);
        for endpoint in [
            &metadata.authorization_endpoint,
            &metadata.token_endpoint,
            &metadata.jwks_uri,
        ] {
            // Over https any https endpoint (Google's live on other hosts); a plain-http
            // provider on loopback only on its own origin.
            let ok = if https {
                endpoint.starts_with("https://") && origin_of(endpoint).is_some()
            } else {
                issuer_origin.is_some() && origin_of(endpoint) == issuer_origin
            };
            if !ok {
                return Err(ProviderError::Unusable("endpoints"));
            }
        }
        Ok(())
    }

    async fn fetch_keys(&self, jwks_uri: &str) -> Result<JwkSet, ProviderError> {
        let answer = self
            .http
            .get(jwks_uri)
            .send()
            .await
            .map_err(ProviderError::Unreachable)?;
        if !answer.status().is_success() {
            return Err(ProviderError::Status {
                what: "the key set",
                status: answer.status(),
            });
        }
        read_json(answer, "key set").await
    }
}

/// The answer's JSON body, refused beyond [`MAX_ANSWER_BYTES`].
async fn read_json<T: serde::de::DeserializeOwned>(
    mut answer: reqwest::Response,
    what: &'static str,
) -> Result<T, ProviderError> {
    let mut body = Vec::new();
    while let Some(chunk) = answer.chunk().await.map_err(ProviderError::Unreachable)? {
        if body.len() + chunk.len() > MAX_ANSWER_BYTES {
            return Err(ProviderError::Unusable(what));
        }
        body.extend_from_slice(&chunk);
    }
    serde_json::from_slice(&body).map_err(|_| ProviderError::Unusable(what))
}

/// `scheme://host[:port]` of a URL, as browsers compare origins.
fn origin_of(url: &str) -> Option<String> {
    reqwest::Url::parse(url)
        .ok()
        .map(|u| u.origin().ascii_serialization())
}
