//! Typed settings from environment variables with safe defaults (README "Configuration").
//! The Leptos options (address, site root, output name) come from Leptos.toml instead.

mod oidc;

use std::fmt;
use std::time::Duration;

pub use oidc::OidcProviderSettings;

/// Everything the server reads from its environment, parsed once at start.
#[derive(Clone)]
pub struct Settings {
    pub database_url: Redacted,
    pub db_max_connections: u32,
    /// The origin users reach us at, e.g. `https://app.derma-consent.de`. Decides HSTS and
    /// (later) the origin check of state-changing requests and the links in emails.
    pub public_origin: String,
    pub migrate_on_start: bool,
    pub request_timeout: Duration,
    pub log_format: LogFormat,
    /// Path of the Leptos options file.
    pub leptos_config: String,
    /// Deployment secret (`DERMA_SERVER_SECRET`, 32 bytes base64url). Required over https;
    /// locally a random one is made per process when unset.
    pub server_secret: Redacted32,
    /// Our reverse proxies (`DERMA_TRUSTED_PROXY`, address ranges): only requests from them
    /// may name the client in `X-Forwarded-For`. Empty by default.
    pub trusted_proxy: crate::proxy::TrustedProxies,
    pub mail: MailSettings,
    /// `DERMA_CONSENT_EXPIRY_SECS`: how often each server expires overdue consent links (the
    /// link itself stops working at its expiry regardless; this sets the status and audits).
    pub consent_expiry_every: Duration,
    /// Sign-in with Google or Microsoft: only the providers configured (`settings/oidc.rs`).
    pub oidc: Vec<OidcProviderSettings>,
}

/// Outgoing mail (verification, password reset, invites, consent links).
#[derive(Debug, Clone)]
pub struct MailSettings {
    /// `DERMA_SMTP_URL`, e.g. `smtps://user:pass@mail.example.de` or
    /// `smtp://mail.example.de:587?tls=required`. Required over https; locally, without it,
    /// mail is written to [`MailSettings::outbox_dir`] instead of being sent.
    pub smtp_url: Option<Redacted>,
    /// `DERMA_MAIL_FROM`, e.g. `Derma Consent <no-reply@derma-consent.de>`.
    pub from: String,
    /// `DERMA_MAIL_OUTBOX_DIR`: the local development outbox (one `.eml` file per message).
    pub outbox_dir: std::path::PathBuf,
    /// `DERMA_MAIL_POLL_MS`: how often the queue is looked at (mail queued by this server is
    /// sent at once; this catches mail queued by others and retries).
    pub poll: Duration,
}

/// 32 secret bytes that never print.
#[derive(Clone)]
pub struct Redacted32([u8; 32]);

impl Redacted32 {
    pub fn expose(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for Redacted32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// A secret that never prints: connection strings carry passwords.
#[derive(Clone)]
pub struct Redacted(String);

impl Redacted {
    pub fn new(secret: impl Into<String>) -> Self {
        Self(secret.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("database_url", &self.database_url)
            .field("db_max_connections", &self.db_max_connections)
            .field("public_origin", &self.public_origin)
            .field("migrate_on_start", &self.migrate_on_start)
            .field("request_timeout", &self.request_timeout)
            .field("log_format", &self.log_format)
            .field("leptos_config", &self.leptos_config)
            .field("server_secret", &self.server_secret)
            .field("trusted_proxy", &self.trusted_proxy)
            .field("mail", &self.mail)
            .field("consent_expiry_every", &self.consent_expiry_every)
            .field("oidc", &self.oidc)
            .finish()
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SettingsError {
    #[error("DATABASE_URL is not set: run the app with `make run` (it starts a private PostgreSQL) or export DATABASE_URL=postgres://…")]
    MissingDatabaseUrl,
    #[error("DERMA_SERVER_SECRET is required when DERMA_PUBLIC_ORIGIN is https: set 32 random bytes in base64url")]
    MissingServerSecret,
    #[error("DERMA_SMTP_URL is required when DERMA_PUBLIC_ORIGIN is https: set the SMTP server, e.g. smtps://user:password@mail.example.de")]
    MissingSmtpUrl,
    #[error("{key}={value:?} is not valid: {expected}")]
    Invalid {
        key: &'static str,
        value: String,
        expected: &'static str,
    },
}

impl Settings {
    /// Reads the settings through `var` (the process environment in production, a map in tests).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Result<Self, SettingsError> {
        let public_origin = origin(&var)?;
        let https = public_origin.starts_with("https://");
        let database_url = var("DATABASE_URL")
            .filter(|v| !v.trim().is_empty())
            .ok_or(SettingsError::MissingDatabaseUrl)?;
        Ok(Self {
            database_url: Redacted(database_url),
            db_max_connections: parse(
                &var,
                "DERMA_DB_MAX_CONNECTIONS",
                10,
                "a number of connections from 1 to 1000",
                |n: &u32| (1..=1000).contains(n),
            )?,
            public_origin,
            migrate_on_start: parse(
                &var,
                "DERMA_MIGRATE_ON_START",
                true,
                "true or false",
                |_| true,
            )?,
            request_timeout: Duration::from_secs(parse(
                &var,
                "DERMA_REQUEST_TIMEOUT_SECS",
                30,
                "seconds from 1 to 600",
                |n: &u64| (1..=600).contains(n),
            )?),
            log_format: match var("DERMA_LOG_FORMAT").as_deref().map(str::trim) {
                None | Some("" | "text") => LogFormat::Text,
                Some("json") => LogFormat::Json,
                Some(other) => return Err(invalid("DERMA_LOG_FORMAT", other, "text or json")),
            },
            leptos_config: var("LEPTOS_CONFIG").unwrap_or_else(|| "Leptos.toml".to_owned()),
            server_secret: server_secret(&var, https)?,
            trusted_proxy: match var("DERMA_TRUSTED_PROXY") {
                None => crate::proxy::TrustedProxies::default(),
                Some(raw) => crate::proxy::TrustedProxies::parse(&raw).ok_or_else(|| {
                    invalid(
                        "DERMA_TRUSTED_PROXY",
                        &raw,
                        "the address ranges of your own reverse proxies, e.g. 10.0.0.0/8,127.0.0.1",
                    )
                })?,
            },
            mail: mail(&var, https)?,
            consent_expiry_every: Duration::from_secs(parse(
                &var,
                "DERMA_CONSENT_EXPIRY_SECS",
                60,
                "seconds from 1 to 3600",
                |n: &u64| (1..=3600).contains(n),
            )?),
            oidc: oidc::providers(&var)?,
        })
    }

    /// Served over TLS: turns on HSTS, `upgrade-insecure-requests` and `Secure` cookies.
    pub fn is_https(&self) -> bool {
        self.public_origin.starts_with("https://")
    }
}

fn invalid(key: &'static str, value: &str, expected: &'static str) -> SettingsError {
    SettingsError::Invalid {
        key,
        value: value.to_owned(),
        expected,
    }
}

fn parse<T: std::str::FromStr>(
    var: &impl Fn(&str) -> Option<String>,
    key: &'static str,
    default: T,
    expected: &'static str,
    ok: impl Fn(&T) -> bool,
) -> Result<T, SettingsError> {
    match var(key) {
        None => Ok(default),
        Some(raw) if raw.trim().is_empty() => Ok(default),
        Some(raw) => raw
            .trim()
            .parse()
            .ok()
            .filter(|v| ok(v))
            .ok_or_else(|| invalid(key, &raw, expected)),
    }
}

fn server_secret(
    var: &impl Fn(&str) -> Option<String>,
    https: bool,
) -> Result<Redacted32, SettingsError> {
    use base64::Engine as _;
    const EXPECTED: &str =
        "32 random bytes in base64url (e.g. `openssl rand -base64 32 | tr '+/' '-_' | tr -d =`)";
    match var("DERMA_SERVER_SECRET").filter(|v| !v.trim().is_empty()) {
        Some(raw) => base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(raw.trim().trim_end_matches('='))
            .ok()
            .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
            .map(Redacted32)
            .ok_or_else(|| invalid("DERMA_SERVER_SECRET", "***", EXPECTED)),
        None if https => Err(SettingsError::MissingServerSecret),
        None => {
            let mut bytes = [0u8; 32];
            rand::RngCore::fill_bytes(&mut rand::thread_rng(), &mut bytes);
            Ok(Redacted32(bytes))
        }
    }
}

fn mail(var: &impl Fn(&str) -> Option<String>, https: bool) -> Result<MailSettings, SettingsError> {
    let set = |key| var(key).filter(|v: &String| !v.trim().is_empty());
    let smtp_url = match set("DERMA_SMTP_URL") {
        Some(url) if url.starts_with("smtp://") || url.starts_with("smtps://") => {
            Some(Redacted(url.trim().to_owned()))
        }
        Some(_) => {
            return Err(invalid(
                "DERMA_SMTP_URL",
                "***",
                "an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.de",
            ))
        }
        None if https => return Err(SettingsError::MissingSmtpUrl),
        None => None,
    };
    let from = set("DERMA_MAIL_FROM").map_or_else(
        || "Derma Consent <no-reply@derma-consent.localhost>".to_owned(),
        |v| v.trim().to_owned(),
    );
    if !from.contains('@') {
        return Err(invalid(
            "DERMA_MAIL_FROM",
            &from,
            "a sender address, e.g. Derma Consent <no-reply@derma-consent.de>",
        ));
    }
    Ok(MailSettings {
        smtp_url,
        from,
        outbox_dir: set("DERMA_MAIL_OUTBOX_DIR")
            .map_or_else(|| ".data/outbox".into(), |v| v.trim().into()),
        poll: Duration::from_millis(parse(
            var,
            "DERMA_MAIL_POLL_MS",
            2000,
            "milliseconds from 50 to 60000",
            |n: &u64| (50..=60_000).contains(n),
        )?),
    })
}

fn origin(var: &impl Fn(&str) -> Option<String>) -> Result<String, SettingsError> {
    const EXPECTED: &str =
        "an origin like https://app.example.de (scheme and host, optional port, no path)";
    let Some(raw) = var("DERMA_PUBLIC_ORIGIN").filter(|v| !v.trim().is_empty()) else {
        // Locally the origin is wherever the server listens.
        let addr = var("LEPTOS_SITE_ADDR").filter(|v| !v.trim().is_empty());
        return Ok(format!(
            "http://{}",
            addr.as_deref().map_or("127.0.0.1:3000", str::trim)
        ));
    };
    let value = raw.trim().trim_end_matches('/');
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', '@', ' ']) => {
            Ok(normalised_origin(value))
        }
        _ => Err(invalid("DERMA_PUBLIC_ORIGIN", &raw, EXPECTED)),
    }
}

/// The origin as browsers serialise it in the `Origin` header (lower case, no default port),
/// so the same-origin check can compare bytes.
fn normalised_origin(value: &str) -> String {
    let lower = value.to_ascii_lowercase();
    for (scheme, port) in [("https://", ":443"), ("http://", ":80")] {
        if let Some(host) = lower.strip_prefix(scheme) {
            return format!("{scheme}{}", host.strip_suffix(port).unwrap_or(host));
        }
    }
    lower
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn from(pairs: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Settings::from_env(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_are_safe_and_local() {
        let s = from(&[("DATABASE_URL", "postgres://u:secret@h/db")]).expect("valid");
        assert_eq!(s.public_origin, "http://127.0.0.1:3000");
        assert!(!s.is_https());
        assert_eq!(s.db_max_connections, 10);
        assert!(s.migrate_on_start);
        assert_eq!(s.log_format, LogFormat::Text);
        assert_eq!(s.leptos_config, "Leptos.toml");
        assert_eq!(s.consent_expiry_every, Duration::from_mins(1));
    }

    #[test]
    fn missing_database_url_says_how_to_fix_it() {
        let err = from(&[]).expect_err("refused");
        assert_eq!(err, SettingsError::MissingDatabaseUrl);
        assert!(err.to_string().contains("make run"));
    }

    #[test]
    fn debug_output_never_shows_the_database_password() {
        let s = from(&[("DATABASE_URL", "postgres://u:hunter2@h/db")]).expect("valid");
        assert!(!format!("{s:?}").contains("hunter2"));
    }

    #[test]
    fn invalid_values_are_refused_with_the_key_named() {
        for (key, value) in [
            ("DERMA_DB_MAX_CONNECTIONS", "0"),
            ("DERMA_DB_MAX_CONNECTIONS", "many"),
            ("DERMA_REQUEST_TIMEOUT_SECS", "-1"),
            ("DERMA_MIGRATE_ON_START", "yes please"),
            ("DERMA_LOG_FORMAT", "xml"),
            ("DERMA_CONSENT_EXPIRY_SECS", "0"),
            ("DERMA_PUBLIC_ORIGIN", "app.example.de"),
            ("DERMA_PUBLIC_ORIGIN", "https://app.example.de/path"),
            ("DERMA_PUBLIC_ORIGIN", "https://"),
        ] {
            let err = from(&[("DATABASE_URL", "postgres://h/db"), (key, value)]).expect_err(key);
            assert!(err.to_string().contains(key), "{err}");
        }
    }

    #[test]
    fn the_server_secret_is_required_over_https_and_never_printed() {
        let https = [
            ("DATABASE_URL", "postgres://h/db"),
            ("DERMA_PUBLIC_ORIGIN", "https://app.example.de"),
        ];
        assert_eq!(
            from(&https).expect_err("required"),
            SettingsError::MissingServerSecret
        );
        let secret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
        let smtp = ("DERMA_SMTP_URL", "smtps://mail.example.de");
        let s = from(&[https[0], https[1], smtp, ("DERMA_SERVER_SECRET", secret)]).expect("valid");
        assert_eq!(s.server_secret.expose()[31], 31);
        assert!(!format!("{s:?}").contains(secret));
        let short =
            from(&[https[0], https[1], ("DERMA_SERVER_SECRET", "c2hvcnQ")]).expect_err("too short");
        assert!(
            short.to_string().contains("DERMA_SERVER_SECRET")
                && !short.to_string().contains("c2hvcnQ")
        );
        assert!(
            from(&[("DATABASE_URL", "postgres://h/db")]).is_ok(),
            "locally a random secret is made"
        );
    }

    #[test]
    fn mail_needs_a_real_smtp_server_over_https_and_hides_its_password() {
        let secret = (
            "DERMA_SERVER_SECRET",
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
        );
        let https = [
            ("DATABASE_URL", "postgres://h/db"),
            ("DERMA_PUBLIC_ORIGIN", "https://app.example.de"),
            secret,
        ];
        assert_eq!(
            from(&https).expect_err("required"),
            SettingsError::MissingSmtpUrl
        );
        let url = "smtps://mailer:geheim-123@mail.example.de";
        let s = from(&[https[0], https[1], secret, ("DERMA_SMTP_URL", url)]).expect("valid");
        assert_eq!(s.mail.smtp_url.as_ref().map(Redacted::expose), Some(url));
        assert!(!format!("{s:?}").contains("geheim-123"));
        let wrong = from(&[
            https[0],
            https[1],
            secret,
            ("DERMA_SMTP_URL", "http://user:geheim-123@x"),
        ])
        .expect_err("not smtp");
        assert!(
            wrong.to_string().contains("DERMA_SMTP_URL") && !wrong.to_string().contains("geheim")
        );

        let local = from(&[("DATABASE_URL", "postgres://h/db")]).expect("local");
        assert!(
            local.mail.smtp_url.is_none(),
            "locally mail goes to the outbox"
        );
        assert_eq!(
            local.mail.outbox_dir,
            std::path::PathBuf::from(".data/outbox")
        );
        assert!(from(&[
            ("DATABASE_URL", "postgres://h/db"),
            ("DERMA_MAIL_POLL_MS", "5")
        ])
        .is_err());
        assert!(from(&[
            ("DATABASE_URL", "postgres://h/db"),
            ("DERMA_MAIL_FROM", "niemand")
        ])
        .is_err());
    }

    #[test]
    fn local_origin_follows_the_listen_address() {
        let s = from(&[
            ("DATABASE_URL", "postgres://h/db"),
            ("LEPTOS_SITE_ADDR", "127.0.0.1:3055"),
        ])
        .expect("valid");
        assert_eq!(s.public_origin, "http://127.0.0.1:3055");
    }

    #[test]
    fn the_origin_is_compared_as_browsers_send_it() {
        assert_eq!(
            normalised_origin("HTTPS://App.Example.DE:443"),
            "https://app.example.de"
        );
        assert_eq!(normalised_origin("http://127.0.0.1:80"), "http://127.0.0.1");
        assert_eq!(
            normalised_origin("http://127.0.0.1:3000"),
            "http://127.0.0.1:3000"
        );
        assert_eq!(
            normalised_origin("https://app.example.de:8443"),
            "https://app.example.de:8443"
        );
    }

    #[test]
    fn https_origin_is_recognised_and_trailing_slash_dropped() {
        let s = from(&[
            ("DATABASE_URL", "postgres://h/db"),
            ("DERMA_PUBLIC_ORIGIN", "https://app.example.de/"),
            ("DERMA_SMTP_URL", "smtp://mail.example.de?tls=required"),
            (
                "DERMA_SERVER_SECRET",
                "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
            ),
        ])
        .expect("valid");
        assert_eq!(s.public_origin, "https://app.example.de");
        assert!(s.is_https());
    }
}
