//! The words of every mail, in each language. Plain text only: it reads well in every mail
//! program, and a link is the only thing anyone needs to click.

use domain::UserRole;

use crate::i18n::Locale;

/// A mail to a staff member (or someone becoming one).
#[derive(Debug, Clone)]
pub enum Mail {
    /// After registration: confirm the address.
    VerifyEmail { link: String },
    /// Someone tried to register with an address that already has an account.
    AccountExists { sign_in: String, reset: String },
    /// A requested password reset.
    PasswordReset { link: String },
    /// The password was just changed with a reset link.
    PasswordChanged { reset: String },
    /// A patient's consent link. It names the practice and nothing else: not the treatment,
    /// not the patient (mail passes through providers the practice does not choose).
    ConsentLink {
        practice: String,
        link: String,
        /// The last day the link works, as the language writes dates.
        valid_until: String,
    },
    /// The one reminder of a consent link nobody has opened yet, queued when the link was
    /// mailed. Like the link mail it names the practice and the last day, nothing else.
    ConsentReminder {
        practice: String,
        link: String,
        /// The last day the link works, as the language writes dates.
        valid_until: String,
    },
    /// An invitation into a practice's team.
    Invite {
        practice: String,
        role: UserRole,
        link: String,
    },
}

const SIGNATURE_DE: &str = "\n\n-- \nDerma Consent – digitale Aufklärung und Einwilligung\nDiese E-Mail wurde automatisch erstellt.";
const SIGNATURE_EN: &str = "\n\n-- \nDerma Consent – digital patient information and consent\nThis email was sent automatically.";

impl Mail {
    /// Subject and body in `locale`.
    pub fn render(&self, locale: Locale) -> (String, String) {
        let (subject, body) = match locale {
            Locale::De => self.german(),
            Locale::En => self.english(),
        };
        let signature = match locale {
            Locale::De => SIGNATURE_DE,
            Locale::En => SIGNATURE_EN,
        };
        (subject, format!("{body}{signature}"))
    }

    fn german(&self) -> (String, String) {
        match self {
            Mail::VerifyEmail { link } => (
                "Bitte bestätigen Sie Ihre E-Mail-Adresse".to_owned(),
                format!(
                    "Guten Tag,\n\nSie haben eine Praxis bei Derma Consent registriert. Bitte bestätigen Sie Ihre E-Mail-Adresse mit diesem Link (24 Stunden gültig):\n\n{link}\n\nDanach melden Sie sich an und richten den Tresor Ihrer Praxis ein.\n\nWenn Sie sich nicht registriert haben, können Sie diese E-Mail ignorieren."
                ),
            ),
            Mail::AccountExists { sign_in, reset } => (
                "Ihr Konto bei Derma Consent".to_owned(),
                format!(
                    "Guten Tag,\n\njemand hat versucht, mit Ihrer E-Mail-Adresse eine Praxis zu registrieren. Für diese Adresse gibt es bereits ein Konto.\n\nAnmelden: {sign_in}\nPasswort vergessen: {reset}\n\nWenn Sie das nicht waren, ist nichts weiter zu tun."
                ),
            ),
            Mail::PasswordReset { link } => (
                "Neues Passwort für Derma Consent".to_owned(),
                format!(
                    "Guten Tag,\n\nmit diesem Link legen Sie ein neues Passwort fest (eine Stunde gültig, nur einmal verwendbar):\n\n{link}\n\nWichtig: Ihr bisheriges Passwort hat auch den Tresor Ihrer Praxis geöffnet. Nach dem Zurücksetzen muss Ihnen der Tresor neu freigegeben werden – von einer Kollegin oder einem Kollegen mit Admin-Rechten oder mit dem Wiederherstellungscode der Praxis.\n\nWenn Sie kein neues Passwort angefordert haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert."
                ),
            ),
            Mail::PasswordChanged { reset } => (
                "Ihr Passwort wurde geändert".to_owned(),
                format!(
                    "Guten Tag,\n\ndas Passwort Ihres Kontos bei Derma Consent wurde soeben über einen Link aus einer E-Mail neu festgelegt. Alle bisherigen Anmeldungen wurden beendet.\n\nWaren Sie das nicht, legen Sie sofort ein neues Passwort fest ({reset}) und informieren Sie die Administration Ihrer Praxis."
                ),
            ),
            Mail::Invite {
                practice,
                role,
                link,
            } => (
                format!("Einladung in das Team von {practice}"),
                format!(
                    "Guten Tag,\n\nSie wurden in das Team von „{practice}“ bei Derma Consent eingeladen (Rolle: {}). Mit diesem Link legen Sie Ihr Konto an (72 Stunden gültig, nur einmal verwendbar):\n\n{link}\n\nNach dem Anlegen zeigt Ihnen die Seite einen Prüfcode. Vergleichen Sie ihn mit der Person, die Sie eingeladen hat; erst dann gibt sie Ihnen den Tresor der Praxis frei.",
                    role_de(*role)
                ),
            ),
            Mail::ConsentLink {
                practice,
                link,
                valid_until,
            } => (
                format!("Ihre Unterlagen von {practice}"),
                format!(
                    "Guten Tag,\n\n„{practice}“ bittet Sie, vor Ihrem Termin die Aufklärung und Einwilligung zu lesen und auszufüllen. Das dauert etwa zehn Minuten und geht auf dem Smartphone:\n\n{link}\n\nDer Link ist bis einschließlich {valid_until} gültig. Ihre Angaben werden auf Ihrem Gerät verschlüsselt, bevor sie gesendet werden; lesen kann sie nur Ihre Praxis.\n\nFragen beantwortet Ihnen Ihre Praxis gern. Wenn Sie keinen Termin vereinbart haben, ignorieren Sie diese E-Mail."
                ),
            ),
            Mail::ConsentReminder {
                practice,
                link,
                valid_until,
            } => (
                format!("Erinnerung: Ihre Unterlagen von {practice}"),
                format!(
                    "Guten Tag,\n\neine kurze Erinnerung: „{practice}“ hat Ihnen die Aufklärung und Einwilligung für Ihren Termin geschickt. Wenn Sie einen Moment Zeit haben, füllen Sie sie gern hier aus:\n\n{link}\n\nDer Link ist bis einschließlich {valid_until} gültig. Haben Sie schon alles erledigt oder den Termin abgesagt, ignorieren Sie diese E-Mail einfach.\n\nVielen Dank!"
                ),
            ),
        }
    }

    fn english(&self) -> (String, String) {
        match self {
            Mail::VerifyEmail { link } => (
                "Please confirm your email address".to_owned(),
                format!(
                    "Hello,\n\nyou registered a practice with Derma Consent. Please confirm your email address with this link (valid for 24 hours):\n\n{link}\n\nThen sign in and set up your practice's vault.\n\nIf you did not register, you can ignore this email."
                ),
            ),
            Mail::AccountExists { sign_in, reset } => (
                "Your Derma Consent account".to_owned(),
                format!(
                    "Hello,\n\nsomeone tried to register a practice with your email address. This address already has an account.\n\nSign in: {sign_in}\nForgot your password: {reset}\n\nIf this was not you, there is nothing else to do."
                ),
            ),
            Mail::PasswordReset { link } => (
                "A new password for Derma Consent".to_owned(),
                format!(
                    "Hello,\n\nuse this link to set a new password (valid for one hour, usable once):\n\n{link}\n\nImportant: your old password also opened your practice's vault. After the reset, the vault has to be shared with you again – by a colleague with admin rights or with the practice's recovery code.\n\nIf you did not ask for a new password, ignore this email; your password stays as it is."
                ),
            ),
            Mail::PasswordChanged { reset } => (
                "Your password was changed".to_owned(),
                format!(
                    "Hello,\n\nthe password of your Derma Consent account was just set again with a link from an email. All earlier sign-ins were ended.\n\nIf this was not you, set a new password at once ({reset}) and tell your practice's administrator."
                ),
            ),
            Mail::Invite {
                practice,
                role,
                link,
            } => (
                format!("Invitation to the team of {practice}"),
                format!(
                    "Hello,\n\nyou were invited to the team of \"{practice}\" on Derma Consent (role: {}). Use this link to create your account (valid for 72 hours, usable once):\n\n{link}\n\nAfterwards the page shows you a check code. Compare it with the person who invited you; only then do they share the practice's vault with you.",
                    role_en(*role)
                ),
            ),
            Mail::ConsentLink {
                practice,
                link,
                valid_until,
            } => (
                format!("Your documents from {practice}"),
                format!(
                    "Hello,\n\n\"{practice}\" asks you to read and fill in the information and consent form before your appointment. It takes about ten minutes and works on a phone:\n\n{link}\n\nThe link works until {valid_until} inclusive. Your answers are encrypted on your device before they are sent; only your practice can read them.\n\nYour practice is glad to answer any questions. If you have not made an appointment, ignore this email."
                ),
            ),
            Mail::ConsentReminder {
                practice,
                link,
                valid_until,
            } => (
                format!("Reminder: your documents from {practice}"),
                format!(
                    "Hello,\n\na quick reminder: \"{practice}\" sent you the information and consent form for your appointment. When you have a moment, you can fill it in here:\n\n{link}\n\nThe link works until {valid_until} inclusive. If you have already done it or cancelled the appointment, just ignore this email.\n\nThank you!"
                ),
            ),
        }
    }
}

fn role_de(role: UserRole) -> &'static str {
    match role {
        UserRole::Admin => "Praxisinhaber/in (Admin)",
        UserRole::Arzt => "Ärztin/Arzt",
        UserRole::Empfang => "Empfang",
    }
}

fn role_en(role: UserRole) -> &'static str {
    match role {
        UserRole::Admin => "practice owner (admin)",
        UserRole::Arzt => "physician",
        UserRole::Empfang => "reception",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mail_has_both_languages_with_its_link_and_no_placeholder_left() {
        let link = "https://app.example.de/verify-email#TOKEN".to_owned();
        let mails = [
            Mail::VerifyEmail { link: link.clone() },
            Mail::AccountExists {
                sign_in: link.clone(),
                reset: link.clone(),
            },
            Mail::PasswordReset { link: link.clone() },
            Mail::PasswordChanged {
                reset: link.clone(),
            },
            Mail::Invite {
                practice: "Hautarztpraxis am Markt".to_owned(),
                role: UserRole::Arzt,
                link: link.clone(),
            },
            Mail::ConsentLink {
                practice: "Hautarztpraxis am Markt".to_owned(),
                link: link.clone(),
                valid_until: "11.12.2026".to_owned(),
            },
            Mail::ConsentReminder {
                practice: "Hautarztpraxis am Markt".to_owned(),
                link: link.clone(),
                valid_until: "11.12.2026".to_owned(),
            },
        ];
        for mail in &mails {
            for locale in Locale::ALL {
                let (subject, body) = mail.render(*locale);
                assert!(!subject.is_empty() && !subject.contains('\n'), "{subject}");
                assert!(body.contains(&link), "{locale:?}: {body}");
                assert!(!body.contains('{') && !body.contains('}'), "{body}");
            }
        }
        let (subject, body) = mails[4].render(Locale::De);
        assert!(subject.contains("Hautarztpraxis am Markt") && body.contains("Ärztin/Arzt"));
    }

    #[test]
    fn the_reminder_names_the_practice_and_the_last_day_and_differs_from_the_link_mail() {
        let practice = "Hautarztpraxis am Markt".to_owned();
        let (link, valid_until) = ("https://app.example.de/c#TOKEN".to_owned(), "11.12.2026");
        let reminder = Mail::ConsentReminder {
            practice: practice.clone(),
            link: link.clone(),
            valid_until: valid_until.to_owned(),
        };
        let first = Mail::ConsentLink {
            practice: practice.clone(),
            link,
            valid_until: valid_until.to_owned(),
        };
        for locale in Locale::ALL {
            let (subject, body) = reminder.render(*locale);
            assert!(subject.contains(&practice), "{subject}");
            assert!(
                body.contains(&practice) && body.contains(valid_until),
                "{body}"
            );
            assert_ne!(
                subject,
                first.render(*locale).0,
                "a reminder says it is one"
            );
            // Mail passes through providers: nothing about the treatment.
            for treatment in ["Botox", "Filler", "Laser", "Peeling", "PRP", "Behandlung"] {
                assert!(
                    !body.contains(treatment) && !subject.contains(treatment),
                    "{body}"
                );
            }
        }
    }
}
