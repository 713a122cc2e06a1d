//! `POST /auth/oidc/{provider}` starts a sign-in (or, for a signed-in member, the connection of
//! an account); `GET /auth/oidc/{provider}/callback` takes the provider's answer.
//!
//! The answer is accepted once (the started sign-in is deleted as it is read), within ten
//! minutes, only in the browser that started it (a short-lived `SameSite=Lax` cookie whose hash
//! the record keeps: Lax, because the answer arrives as a cross-site navigation), and only
//! with the PKCE verifier and nonce of that start. Our session cookie is `SameSite=Strict`,
//! so it is not sent with that cross-site answer either: the callback ends with a small page
//! that moves on to our own pages by itself, a same-site navigation that carries it again.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Form, Router};
use serde::Deserialize;

use app::auth::{ClientNetwork, SessionStage, Staff};
use db::oidc::{LinkOutcome, Linking, Member, NewLogin};
use db::rate_limit::Limit;
use domain::{AuditAction, SignInProvider};

use super::Provider;
use crate::AppState;

/// Starting a sign-in costs the provider's sign-in page; bound it per network like passwords.
const START_LIMIT: Limit = Limit {
    max_hits: 20,
    window: std::time::Duration::from_mins(5),
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/auth/oidc/{provider}", post(start))
        .route("/auth/oidc/{provider}/callback", get(callback))
}

#[derive(Deserialize)]
pub struct StartForm {
    /// `sign-in` from the sign-in page, `link` from the profile.
    intent: String,
}

#[derive(Deserialize)]
pub struct Answer {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// What the member is told (the `oidc` query parameter the pages explain).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Linked,
    Cancelled,
    NotLinked,
    Locked,
    TooMany,
    Expired,
    Taken,
    HasOne,
    Failed,
}

impl Outcome {
    const fn code(self) -> &'static str {
        match self {
            Outcome::Linked => "linked",
            Outcome::Cancelled => "cancelled",
            Outcome::NotLinked => "not-linked",
            Outcome::Locked => "locked",
            Outcome::TooMany => "too-many",
            Outcome::Expired => "expired",
            Outcome::Taken => "taken",
            Outcome::HasOne => "has-one",
            Outcome::Failed => "failed",
        }
    }
}

const SIGN_IN_PAGE: &str = "/login";
const PROFILE_PAGE: &str = "/app/profil";

fn provider_named<'a>(state: &'a AppState, name: &str) -> Option<(SignInProvider, &'a Provider)> {
    let provider: SignInProvider = name.parse().ok()?;
    state.oidc.get(provider).map(|p| (provider, p))
}

fn see_other(location: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, location.to_owned())],
    )
        .into_response()
}

fn back(page: &str, outcome: Outcome) -> String {
    format!("{page}?oidc={}", outcome.code())
}

fn browser_cookie_name(state: &AppState) -> &'static str {
    if state.settings.is_https() {
        "__Host-dc_oidc"
    } else {
        "dc_oidc"
    }
}

fn browser_cookie(state: &AppState, value: &str, max_age: u32) -> String {
    format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        browser_cookie_name(state),
        if state.settings.is_https() {
            "; Secure"
        } else {
            ""
        }
    )
}

async fn start(
    State(state): State<AppState>,
    Path(name): Path<String>,
    staff: Option<Extension<Staff>>,
    Extension(network): Extension<ClientNetwork>,
    Form(form): Form<StartForm>,
) -> Response {
    let Some((provider_id, provider)) = provider_named(&state, &name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let linking = match form.intent.as_str() {
        "sign-in" => None,
        "link" => match staff.map(|Extension(s)| s) {
            Some(staff) if staff.stage() == SessionStage::Complete => Some(Linking {
                member: Member {
                    practice_id: staff.practice_id,
                    user_id: staff.user_id,
                },
                session_hash: staff.session_hash,
            }),
            _ => return see_other(SIGN_IN_PAGE),
        },
        _ => return StatusCode::BAD_REQUEST.into_response(),
    };
    let page = if linking.is_some() {
        PROFILE_PAGE
    } else {
        SIGN_IN_PAGE
    };
    match begin(&state, provider_id, provider, linking, network).await {
        Ok((location, cookie)) => {
            let mut response = see_other(&location);
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            response
        }
        Err(outcome) => see_other(&back(page, outcome)),
    }
}

async fn begin(
    state: &AppState,
    provider_id: SignInProvider,
    provider: &Provider,
    linking: Option<Linking>,
    network: ClientNetwork,
) -> Result<(String, String), Outcome> {
    let connection = || async {
        state.pool.acquire().await.map_err(|error| {
            tracing::error!(%error, "oidc start: no database connection");
            Outcome::Failed
        })
    };
    let bucket = format!(
        "oidc_start:net:{}",
        network.0.as_deref().unwrap_or("unknown")
    );
    // Counted before the provider is asked anything; no connection is held while it answers.
    match db::rate_limit::hit(&mut *connection().await?, &bucket, START_LIMIT).await {
        Ok(None) => {}
        Ok(Some(_)) => return Err(Outcome::TooMany),
        Err(error) => {
            tracing::error!(%error, "oidc start: rate limit");
            return Err(Outcome::Failed);
        }
    }
    let state_token = crypto::Token::generate();
    let browser = crypto::Token::generate();
    let nonce = crypto::Token::generate();
    let verifier = crypto::Token::generate();
    let location = provider
        .authorization_url(
            &state_token.to_text(),
            &nonce.to_text(),
            &verifier.pkce_challenge(),
        )
        .await
        .map_err(|error| {
            tracing::error!(%error, provider = %provider_id, "oidc start: provider unavailable");
            Outcome::Failed
        })?;
    db::oidc::start(
        &mut *connection().await?,
        &NewLogin {
            state_hash: state_token.hash().as_bytes(),
            browser_hash: browser.hash().as_bytes(),
            provider: provider_id,
            nonce: &nonce.to_text(),
            pkce_verifier: &verifier.to_text(),
            linking,
        },
    )
    .await
    .map_err(|error| {
        tracing::error!(%error, "oidc start: cannot record");
        Outcome::Failed
    })?;
    let cookie = browser_cookie(state, &browser.to_text(), db::oidc::LOGIN_VALID_SECS);
    Ok((location, cookie))
}

async fn callback(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Extension(network): Extension<ClientNetwork>,
    headers: HeaderMap,
    Query(answer): Query<Answer>,
) -> Response {
    let Some((provider_id, provider)) = provider_named(&state, &name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let browser = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|cookies| {
            cookies.split(';').find_map(|pair| {
                let (k, v) = pair.trim().split_once('=')?;
                (k == browser_cookie_name(&state)).then(|| v.to_owned())
            })
        });
    let (location, session_cookie) =
        match finish(&state, provider_id, provider, answer, browser, network).await {
            Ok(done) => done,
            Err((page, outcome)) => (back(page, outcome), None),
        };
    let mut response = continue_page(&location);
    let cookies = [Some(browser_cookie(&state, "", 0)), session_cookie];
    for cookie in cookies.into_iter().flatten() {
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

type Finished = (String, Option<String>);
type Refused = (&'static str, Outcome);

async fn finish(
    state: &AppState,
    provider_id: SignInProvider,
    provider: &Provider,
    answer: Answer,
    browser: Option<String>,
    network: ClientNetwork,
) -> Result<Finished, Refused> {
    let failed = |page: &'static str| {
        move |error: db::DbError| {
            tracing::error!(%error, "oidc callback: database");
            (page, Outcome::Failed)
        }
    };
    let state_token = answer
        .state
        .as_deref()
        .and_then(|s| crypto::Token::from_text(s).ok())
        .ok_or((SIGN_IN_PAGE, Outcome::Expired))?;
    let pending = {
        let mut conn = state.pool.acquire().await.map_err(|error| {
            tracing::error!(%error, "oidc callback: no database connection");
            (SIGN_IN_PAGE, Outcome::Failed)
        })?;
        db::oidc::take(
            &mut conn,
            provider_id,
            state_token.hash().as_bytes(),
            state.session_policy,
        )
        .await
        .map_err(failed(SIGN_IN_PAGE))?
        .ok_or((SIGN_IN_PAGE, Outcome::Expired))?
    };
    let page = if pending.linking.is_some() || pending.linking_session_ended {
        PROFILE_PAGE
    } else {
        SIGN_IN_PAGE
    };
    let same_browser = browser
        .and_then(|b| crypto::Token::from_text(&b).ok())
        .is_some_and(|b| b.hash().as_bytes()[..] == pending.browser_hash[..]);
    if !same_browser {
        tracing::warn!(provider = %provider_id, "oidc callback: answer arrived in another browser");
        return Err((SIGN_IN_PAGE, Outcome::Expired));
    }
    if pending.linking_session_ended {
        return Err((SIGN_IN_PAGE, Outcome::Expired));
    }
    if let Some(error) = answer.error.as_deref() {
        // The provider's own error code (RFC 6749 §4.1.2.1), never anything about the person.
        let code: String = error
            .chars()
            .take(40)
            .filter(char::is_ascii_graphic)
            .collect();
        tracing::info!(provider = %provider_id, error = %code, "oidc callback: provider refused");
        return Err((
            page,
            if error == "access_denied" {
                Outcome::Cancelled
            } else {
                Outcome::Failed
            },
        ));
    }
    let code = answer.code.ok_or((page, Outcome::Failed))?;
    let identity = provider
        .identity(&code, &pending.pkce_verifier, &pending.nonce)
        .await
        .map_err(|error| {
            tracing::warn!(%error, provider = %provider_id, "oidc callback: no valid identity");
            (page, Outcome::Failed)
        })?;
    let mut tx = state.pool.begin().await.map_err(|error| {
        tracing::error!(%error, "oidc callback: no database connection");
        (page, Outcome::Failed)
    })?;
    let done = match pending.linking {
        Some(member) => link(&mut tx, member, provider_id, &identity.subject, &network)
            .await
            .map_err(failed(page))?,
        None => sign_in(state, &mut tx, provider_id, &identity.subject, &network)
            .await
            .map_err(failed(page))?,
    };
    tx.commit().await.map_err(|error| {
        tracing::error!(%error, "oidc callback: commit");
        (page, Outcome::Failed)
    })?;
    done.map_err(|outcome| (page, outcome))
}

async fn link(
    tx: &mut db::PgConnection,
    member: Member,
    provider: SignInProvider,
    subject: &str,
    network: &ClientNetwork,
) -> Result<Result<Finished, Outcome>, db::DbError> {
    let outcome = match db::oidc::link(tx, member, provider, subject).await? {
        LinkOutcome::Linked => {
            db::audit::append(
                tx,
                &db::audit::NewAuditEntry {
                    practice_id: member.practice_id,
                    action: AuditAction::SignInAccountLinked,
                    entity: Some(("user", member.user_id)),
                    actor_user_id: Some(member.user_id),
                    ip_truncated: network.0.as_deref(),
                    metadata: serde_json::json!({ "provider": provider.as_str() }),
                },
            )
            .await?;
            Outcome::Linked
        }
        LinkOutcome::AlreadyLinked => Outcome::Linked,
        LinkOutcome::TakenByAnother => Outcome::Taken,
        LinkOutcome::AlreadyHasOne => Outcome::HasOne,
    };
    Ok(match outcome {
        Outcome::Linked => Ok((back(PROFILE_PAGE, Outcome::Linked), None)),
        other => Err(other),
    })
}

async fn sign_in(
    app: &AppState,
    tx: &mut db::PgConnection,
    provider: SignInProvider,
    subject: &str,
    network: &ClientNetwork,
) -> Result<Result<Finished, Outcome>, db::DbError> {
    let Some(owner) = db::oidc::owner(tx, provider, subject).await? else {
        tracing::info!(%provider, "oidc sign-in: the account is connected to no member");
        return Ok(Err(Outcome::NotLinked));
    };
    if owner.locked_for_secs > 0 {
        return Ok(Err(Outcome::Locked));
    }
    let stage = db::two_factor::state(tx, owner.practice_id, owner.user_id)
        .await?
        .map_or(SessionStage::Complete, |s| {
            SessionStage::of(s.enabled, s.required_by_practice, false)
        });
    // As with the password: with 2FA on, this is only the first step, and the sign-in is
    // recorded once the code is right.
    if stage != SessionStage::NeedsCode {
        db::staff::record_success(tx, owner.practice_id, owner.user_id).await?;
        db::audit::append(
            tx,
            &db::audit::NewAuditEntry {
                practice_id: owner.practice_id,
                action: AuditAction::LoginSucceeded,
                entity: Some(("user", owner.user_id)),
                actor_user_id: Some(owner.user_id),
                ip_truncated: network.0.as_deref(),
                metadata: serde_json::json!({ "method": "oidc", "provider": provider.as_str() }),
            },
        )
        .await?;
    }
    let token = crypto::Token::generate();
    db::session::create(
        tx,
        token.hash().as_bytes(),
        owner.practice_id,
        owner.user_id,
        network.0.as_deref(),
        app.session_policy,
    )
    .await?;
    let cookie = app.session_cookie.set(token.to_text().as_str());
    Ok(Ok(("/app".to_owned(), Some(cookie))))
}

/// A page that goes on to `location` by itself (and offers a link where refresh is off).
fn continue_page(location: &str) -> Response {
    // `location` is one of our own fixed paths with a fixed query; escaped all the same.
    let href = location
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    let mut response = Html(format!(
        "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"refresh\" content=\"0;url={href}\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Derma Consent</title></head>\
         <body><p><a href=\"{href}\">Weiter / Continue</a></p></body></html>"
    ))
    .into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
