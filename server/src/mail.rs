//! Delivering queued mail: over SMTP (lettre, rustls) when `DERMA_SMTP_URL` is set, otherwise
//! into the local development outbox (`.data/outbox`, one `.eml` file per message, readable
//! with any mail program or `make mail`).
//!
//! What a mail says is decided where it is queued (app crate, `app::mail`); this module only
//! moves queued messages. Nothing here logs an address or a body.

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::settings::MailSettings;
use crate::StartupError;

/// Where mail goes.
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox(AsyncFileTransport<Tokio1Executor>),
}

pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

/// Why one message was not delivered. `reason` is safe to store: no address, no body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryError {
    /// Retrying will not help (refused recipient, malformed address).
    pub permanent: bool,
    pub reason: String,
}

impl Mailer {
    pub fn from_settings(settings: &MailSettings) -> Result<Self, StartupError> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| StartupError::Mail(format!("DERMA_MAIL_FROM is not an address: {e}")))?;
        let transport = if let Some(url) = &settings.smtp_url {
            Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                    .map_err(|e| StartupError::Mail(format!("DERMA_SMTP_URL is not usable: {e}")))?
                    .build(),
            )
        } else {
            std::fs::create_dir_all(&settings.outbox_dir).map_err(|e| {
                StartupError::Mail(format!(
                    "cannot create the mail outbox {}: {e}",
                    settings.outbox_dir.display()
                ))
            })?;
            Transport::Outbox(AsyncFileTransport::<Tokio1Executor>::new(
                &settings.outbox_dir,
            ))
        };
        Ok(Self { transport, from })
    }

    /// Where mail goes, for the start-up log line (never the credentials).
    pub fn describe(&self) -> &'static str {
        match self.transport {
            Transport::Smtp(_) => "smtp",
            Transport::Outbox(_) => "local outbox (DERMA_SMTP_URL unset)",
        }
    }

    /// Sends one queued message.
    pub async fn deliver(&self, mail: &db::outbox::DueMail) -> Result<(), DeliveryError> {
        let to: Mailbox = mail.to_address.parse().map_err(|_| DeliveryError {
            permanent: true,
            reason: "recipient address is malformed".to_owned(),
        })?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body_text.clone())
            .map_err(|e| DeliveryError {
                permanent: true,
                reason: format!("message could not be built: {}", error_kind(&e)),
            })?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|e| {
                DeliveryError {
                    permanent: e.is_permanent(),
                    // The status code only: server texts may quote the recipient.
                    reason: match e.status() {
                        Some(code) => format!("smtp answered {code}"),
                        None if e.is_timeout() => "smtp timed out".to_owned(),
                        None => match io_error_kind(&e) {
                            Some(kind) => format!("smtp connection failed: {kind}"),
                            None => "smtp connection failed".to_owned(),
                        },
                    },
                }
            }),
            Transport::Outbox(outbox) => {
                outbox
                    .send(message)
                    .await
                    .map(|_| ())
                    .map_err(|_| DeliveryError {
                        permanent: false,
                        reason: "could not write to the local outbox".to_owned(),
                    })
            }
        }
    }
}

/// The I/O error kind under an SMTP error ("connection refused", "unexpected end of file"):
/// enough to tell a missing server from a dropped connection, and never a server's text.
fn io_error_kind(error: &lettre::transport::smtp::Error) -> Option<std::io::ErrorKind> {
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return Some(io.kind());
        }
        source = cause.source();
    }
    None
}

fn error_kind(error: &lettre::error::Error) -> &'static str {
    match error {
        lettre::error::Error::MissingFrom => "no sender",
        lettre::error::Error::MissingTo => "no recipient",
        _ => "invalid header",
    }
}
