//! Mail the app sends to staff and, with a consent link, to patients: what each message says
//! (German and English) and queueing it in the same transaction as the action that caused it.
//! Delivery is the server's scheduler.
//!
//! Mails carry links and the practice name, never patient data; a patient's address and a live
//! consent link are queued only sealed at rest ([`queue_sealed`]). Link tokens sit in the URL
//! fragment (`#…`), which browsers do not send to the server, so they never reach access logs.

mod texts;

use std::sync::Arc;

use domain::Email;
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Locale;

pub use texts::Mail;

/// The origin links in mail point to (`DERMA_PUBLIC_ORIGIN`).
#[derive(Clone, Debug)]
pub struct PublicOrigin(pub String);

/// Wakes the mail loop of this server once a transaction with mail has committed.
#[derive(Clone)]
pub struct MailWake(pub Arc<dyn Fn() + Send + Sync>);

/// An absolute link into the app: `path` plus an optional token in the fragment.
pub fn link(path: &str, fragment: Option<&str>) -> String {
    let origin = leptos::prelude::use_context::<PublicOrigin>()
        .map_or_else(|| "http://127.0.0.1:3000".to_owned(), |o| o.0);
    match fragment {
        Some(fragment) => format!("{origin}{path}#{fragment}"),
        None => format!("{origin}{path}"),
    }
}

/// The language of the current request (its `lang` cookie or `Accept-Language`).
pub fn request_locale() -> Locale {
    leptos::prelude::use_context::<http::request::Parts>().map_or_else(Locale::default, |parts| {
        let header = |name| {
            parts
                .headers
                .get(name)
                .and_then(|v: &http::HeaderValue| v.to_str().ok())
        };
        Locale::negotiate(
            header(http::header::COOKIE),
            header(http::header::ACCEPT_LANGUAGE),
        )
    })
}

/// Queues `mail` to `to` in the caller's transaction.
pub async fn queue(
    conn: &mut db::PgConnection,
    practice_id: Option<Uuid>,
    to: &Email,
    mail: &Mail,
    locale: Locale,
) -> Result<(), AppError> {
    let (subject, body) = mail.render(locale);
    db::outbox::enqueue(
        conn,
        &db::outbox::NewMail {
            practice_id,
            to_address: to.as_str(),
            subject: &subject,
            body_text: &body,
        },
    )
    .await?;
    Ok(())
}

/// Queues `mail` to `to` with address and body sealed at rest, for mail that names a patient's
/// address or carries a consent link: the row never holds them readable (`crypto::AtRestKey` of
/// the deployment secret, bound to the new row and column); the scheduler opens them just
/// before sending.
pub async fn queue_sealed(
    conn: &mut db::PgConnection,
    practice_id: Uuid,
    to: &Email,
    mail: &Mail,
    locale: Locale,
) -> Result<(), AppError> {
    let (subject, body) = mail.render(locale);
    let sealed = SealedMail::new(to, &body)?;
    db::outbox::enqueue_sealed(
        conn,
        &db::outbox::NewSealedMail {
            id: sealed.id,
            practice_id: Some(practice_id),
            sealed_to_address: &sealed.to_address,
            subject: &subject,
            sealed_body_text: &sealed.body_text,
        },
    )
    .await?;
    Ok(())
}

/// Address and body of a new outbox row, sealed at rest for that row.
pub struct SealedMail {
    /// The outbox row's id: the seals open only for it.
    pub id: Uuid,
    pub to_address: String,
    pub body_text: String,
}

impl SealedMail {
    /// Seals under the deployment's outbox key (from the request's server secret).
    pub fn new(to: &Email, body: &str) -> Result<Self, AppError> {
        use db::outbox::{sealed_aad, SealedColumn};
        let secret =
            leptos::prelude::use_context::<crate::auth::ServerSecret>().ok_or_else(|| {
                tracing::error!("no server secret in the request context");
                AppError::Internal
            })?;
        let key = crypto::AtRestKey::derive(&secret.0, crypto::AtRestLabel::OUTBOX_MAIL);
        let id = Uuid::new_v4();
        Ok(Self {
            id,
            to_address: key.seal(
                to.as_str().as_bytes(),
                &sealed_aad(id, SealedColumn::ToAddress),
            ),
            body_text: key.seal(body.as_bytes(), &sealed_aad(id, SealedColumn::BodyText)),
        })
    }
}

/// Tells this server's mail loop to look at the queue now (after the commit).
pub fn wake() {
    if let Some(wake) = leptos::prelude::use_context::<MailWake>() {
        (wake.0)();
    }
}
