//! Sign-in with Google or Microsoft (OpenID Connect), from environment variables:
//!
//! | variable | meaning |
//! |---|---|
//! | `DERMA_OIDC_GOOGLE_CLIENT_ID`, `…_CLIENT_SECRET` | the OAuth client of the Google Cloud project |
//! | `DERMA_OIDC_GOOGLE_ISSUER` | default `https://accounts.google.com` |
//! | `DERMA_OIDC_MICROSOFT_CLIENT_ID`, `…_CLIENT_SECRET` | the Entra ID app registration |
//! | `DERMA_OIDC_MICROSOFT_TENANT` | default `organizations` (work and school accounts of any tenant), `common`, or one tenant id (GUID) |
//! | `DERMA_OIDC_MICROSOFT_ISSUER` | default `https://login.microsoftonline.com/<tenant>/v2.0` |
//!
//! A provider is offered only when its client id and secret are both set.

use domain::SignInProvider;

use super::{invalid, Redacted, SettingsError};

/// One configured provider.
#[derive(Clone)]
pub struct OidcProviderSettings {
    pub provider: SignInProvider,
    /// Where `/.well-known/openid-configuration` is found; the ID tokens' issuer.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Redacted,
}

impl std::fmt::Debug for OidcProviderSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcProviderSettings")
            .field("provider", &self.provider)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .finish()
    }
}

impl OidcProviderSettings {
    /// The issuer's origin (scheme, host, port): where the sign-in form may send the browser.
    pub fn issuer_origin(&self) -> &str {
        let after_scheme = self.issuer.find("://").map_or(0, |i| i + 3);
        self.issuer[after_scheme..]
            .find('/')
            .map_or(self.issuer.as_str(), |i| &self.issuer[..after_scheme + i])
    }
}

/// The variable names of one provider (static, so errors can name them).
struct Keys {
    provider: SignInProvider,
    client_id: &'static str,
    client_secret: &'static str,
    issuer: &'static str,
}

const KEYS: &[Keys] = &[
    Keys {
        provider: SignInProvider::Google,
        client_id: "DERMA_OIDC_GOOGLE_CLIENT_ID",
        client_secret: "DERMA_OIDC_GOOGLE_CLIENT_SECRET",
        issuer: "DERMA_OIDC_GOOGLE_ISSUER",
    },
    Keys {
        provider: SignInProvider::Microsoft,
        client_id: "DERMA_OIDC_MICROSOFT_CLIENT_ID",
        client_secret: "DERMA_OIDC_MICROSOFT_CLIENT_SECRET",
        issuer: "DERMA_OIDC_MICROSOFT_ISSUER",
    },
];

const TENANT: &str = "DERMA_OIDC_MICROSOFT_TENANT";

pub fn providers(
    var: &impl Fn(&str) -> Option<String>,
) -> Result<Vec<OidcProviderSettings>, SettingsError> {
    let set = |key: &str| {
        var(key)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let mut providers = Vec::new();
    for keys in KEYS {
        let (client_id, client_secret) = match (set(keys.client_id), set(keys.client_secret)) {
            (None, None) => continue,
            (Some(id), Some(secret)) => (id, secret),
            (Some(_), None) => {
                return Err(invalid(
                    keys.client_secret,
                    "",
                    "the client secret that belongs to the client id (both or neither)",
                ))
            }
            (None, Some(_)) => {
                return Err(invalid(
                    keys.client_id,
                    "",
                    "the client id that belongs to the client secret (both or neither)",
                ))
            }
        };
        let issuer = match set(keys.issuer) {
            Some(issuer) => issuer.trim_end_matches('/').to_owned(),
            None => default_issuer(keys.provider, &var)?,
        };
        if !acceptable_issuer(&issuer) {
            return Err(invalid(
                keys.issuer,
                &issuer,
                "an https:// URL without query or fragment (http:// only for a provider on this machine)",
            ));
        }
        providers.push(OidcProviderSettings {
            provider: keys.provider,
            issuer,
            client_id,
            client_secret: Redacted::new(client_secret),
        });
    }
    Ok(providers)
}

fn default_issuer(
    provider: SignInProvider,
    var: &impl Fn(&str) -> Option<String>,
) -> Result<String, SettingsError> {
    Ok(match provider {
        SignInProvider::Google => "https://accounts.google.com".to_owned(),
        SignInProvider::Microsoft => {
            let tenant = var(TENANT)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| "organizations".to_owned());
            // A tenant given by domain (or `consumers`) publishes its GUID as issuer, which
            // would never match the configured one: only these forms work.
            let guid =
                tenant.len() == 36 && tenant.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
            if !(guid || tenant == "organizations" || tenant == "common") {
                return Err(invalid(
                    TENANT,
                    &tenant,
                    "organizations, common, or the tenant id (a GUID)",
                ));
            }
            format!("https://login.microsoftonline.com/{tenant}/v2.0")
        }
    })
}

/// https everywhere; plain http only for a provider on loopback (the browser tests' own).
fn acceptable_issuer(issuer: &str) -> bool {
    if issuer.contains(['?', '#', ' ']) {
        return false;
    }
    if let Some(rest) = issuer.strip_prefix("https://") {
        return !rest.is_empty() && !rest.starts_with('/');
    }
    issuer.strip_prefix("http://").is_some_and(|rest| {
        let host = rest.split('/').next().unwrap_or_default();
        let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
        matches!(host, "127.0.0.1" | "localhost" | "[::1]")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn from(pairs: &[(&str, &str)]) -> Result<Vec<OidcProviderSettings>, SettingsError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        providers(&|k: &str| map.get(k).cloned())
    }

    #[test]
    fn nothing_is_offered_unless_configured() {
        assert!(from(&[]).expect("valid").is_empty());
    }

    #[test]
    fn defaults_name_the_real_issuers() {
        let all = from(&[
            ("DERMA_OIDC_GOOGLE_CLIENT_ID", "g-id"),
            ("DERMA_OIDC_GOOGLE_CLIENT_SECRET", "g-secret"),
            ("DERMA_OIDC_MICROSOFT_CLIENT_ID", "m-id"),
            ("DERMA_OIDC_MICROSOFT_CLIENT_SECRET", "m-secret"),
        ])
        .expect("valid");
        assert_eq!(all[0].issuer, "https://accounts.google.com");
        assert_eq!(
            all[1].issuer,
            "https://login.microsoftonline.com/organizations/v2.0"
        );
        assert_eq!(all[1].issuer_origin(), "https://login.microsoftonline.com");
        assert!(!format!("{all:?}").contains("secret\""), "{all:?}");
        assert!(!format!("{all:?}").contains("g-secret"));
    }

    #[test]
    fn half_a_client_is_refused_with_the_missing_key_named() {
        let error = from(&[("DERMA_OIDC_GOOGLE_CLIENT_ID", "g-id")]).expect_err("refused");
        assert!(
            error
                .to_string()
                .contains("DERMA_OIDC_GOOGLE_CLIENT_SECRET"),
            "{error}"
        );
        let error = from(&[("DERMA_OIDC_MICROSOFT_CLIENT_SECRET", "s")]).expect_err("refused");
        assert!(
            error.to_string().contains("DERMA_OIDC_MICROSOFT_CLIENT_ID"),
            "{error}"
        );
    }

    #[test]
    fn plain_http_issuers_only_on_loopback() {
        let with = |issuer: &str| {
            from(&[
                ("DERMA_OIDC_GOOGLE_CLIENT_ID", "id"),
                ("DERMA_OIDC_GOOGLE_CLIENT_SECRET", "s"),
                ("DERMA_OIDC_GOOGLE_ISSUER", issuer),
            ])
        };
        let local = with("http://127.0.0.1:4455/").expect("loopback");
        assert_eq!(local[0].issuer, "http://127.0.0.1:4455");
        assert_eq!(local[0].issuer_origin(), "http://127.0.0.1:4455");
        for bad in [
            "http://idp.example.com",
            "http://127.0.0.1.evil.example",
            "ftp://idp",
            "https://",
            "https://idp.example?x=1",
        ] {
            assert!(with(bad).is_err(), "{bad}");
        }
        let tenant = |value: &str| {
            from(&[
                ("DERMA_OIDC_MICROSOFT_CLIENT_ID", "id"),
                ("DERMA_OIDC_MICROSOFT_CLIENT_SECRET", "s"),
                ("DERMA_OIDC_MICROSOFT_TENANT", value),
            ])
        };
        for bad in ["evil/../x", "praxis.onmicrosoft.com", "consumers"] {
            assert!(tenant(bad).is_err(), "{bad}");
        }
        let one = tenant("9188040d-6c67-4c5b-b112-36a304b66dad").expect("guid");
        assert_eq!(
            one[0].issuer,
            "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0"
        );
    }
}
