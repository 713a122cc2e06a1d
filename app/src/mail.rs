//! Mail the app sends to staff: what each message says (German and English) and queueing it
//! in the same transaction as the action that caused it. Delivery is the server's scheduler.
//!
//! Mails carry links and the practice name, never patient data. Link tokens sit in the URL
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

/// Tells this server's mail loop to look at the queue now (after the commit).
pub fn wake() {
    if let Some(wake) = leptos::prelude::use_context::<MailWake>() {
        (wake.0)();
    }
}
