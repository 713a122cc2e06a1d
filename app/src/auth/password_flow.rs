//! The browser side of signing in and registering: the password is turned into keys here, in
//! WASM, and only the login key is sent (docs/crypto.md §9.2).

use crypto::{KdfParams, MemberKeyPair, PasswordKeys, PracticeId, UserId};

use crate::auth::{
    register_practice, reset_password, reset_target, sign_in, sign_in_parameters, StaffProfile,
    MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS,
};
use crate::error::AppError;
use crate::i18n::Messages;
use crate::vault::{uuid_bytes, UnlockKeys};

/// A password the product accepts, or the message saying why not.
pub fn check_new_password(
    messages: &Messages,
    password: &str,
    repeated: &str,
) -> Result<(), &'static str> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        Err(messages.password_too_short)
    } else if chars > MAX_PASSWORD_CHARS {
        Err(messages.password_too_long)
    } else if password != repeated {
        Err(messages.password_mismatch)
    } else {
        Ok(())
    }
}

/// What to tell the person after a failed attempt.
pub fn explain(messages: &Messages, error: &AppError) -> &'static str {
    match error {
        AppError::Validation(_) | AppError::Unauthorized => messages.sign_in_wrong,
        AppError::RateLimited { .. } => messages.sign_in_locked,
        // The one conflict of signing in: the address is not confirmed yet.
        AppError::Conflict(_) => messages.sign_in_unverified,
        AppError::Forbidden | AppError::NotFound | AppError::Internal | AppError::Transport(_) => {
            messages.error_try_again
        }
    }
}

/// Signs in; returns the profile and the keys for opening (or setting up) the vault.
pub async fn sign_in_with_password(
    email: String,
    password: String,
) -> Result<(StaffProfile, UnlockKeys), AppError> {
    let keys = unlock_keys(password_keys(&email, &password).await?);
    let profile = sign_in(email, keys.login_key.to_string()).await?;
    Ok((profile, keys))
}

/// The keys for opening the vault again (after a lock or a reload), from the password.
pub async fn vault_wrap_key(email: String, password: String) -> Result<UnlockKeys, AppError> {
    Ok(unlock_keys(password_keys(&email, &password).await?))
}

/// Registers a practice; the answer is "check your mail" either way (see `register`).
pub async fn register_with_password(
    practice_name: String,
    email: String,
    password: String,
) -> Result<(), AppError> {
    let params = KdfParams::generate();
    let keys = derive(&password, &params).await?;
    register_practice(
        practice_name,
        email,
        params.to_text(),
        keys.login_key().to_text().to_string(),
    )
    .await
}

/// Sets a new password with a reset link's token. The old member key pair is gone with the
/// old password, so a new one is made here; its private key is kept under the new password,
/// and the vault has to be shared with it again.
pub async fn reset_with_password(token: String, password: String) -> Result<(), AppError> {
    let target = reset_target(token.clone()).await?;
    let (practice, user) = match (uuid_bytes(&target.practice_id), uuid_bytes(&target.user_id)) {
        (Some(p), Some(u)) => (PracticeId::from_bytes(p), UserId::from_bytes(u)),
        _ => return Err(AppError::Internal),
    };
    let params = KdfParams::generate();
    let keys = derive(&password, &params).await?;
    let member = MemberKeyPair::generate(1);
    let wrapped = member.wrap_with_password(keys.wrap_key(), practice, user);
    reset_password(
        token,
        params.to_text(),
        keys.login_key().to_text().to_string(),
        member.public_key().to_text(),
        wrapped.to_text(),
    )
    .await
}

fn unlock_keys(keys: PasswordKeys) -> UnlockKeys {
    let (login_key, wrap_key) = keys.into_parts();
    UnlockKeys {
        login_key: login_key.to_text(),
        wrap_key,
    }
}

async fn password_keys(email: &str, password: &str) -> Result<PasswordKeys, AppError> {
    let params = sign_in_parameters(email.to_owned()).await?;
    // Parameters below the floor are refused here: a server cannot weaken the derivation.
    let params = KdfParams::from_text(&params).map_err(|_| AppError::Internal)?;
    derive(password, &params).await
}

/// The password's keys under fresh parameters (new accounts made in the browser).
pub async fn derive_password_keys(
    password: &str,
    params: &KdfParams,
) -> Result<PasswordKeys, AppError> {
    derive(password, params).await
}

/// Argon2id at 64 MiB takes a noticeable moment: let the browser paint the "busy" state first.
async fn derive(password: &str, params: &KdfParams) -> Result<PasswordKeys, AppError> {
    yield_to_browser().await;
    PasswordKeys::derive(password, params).map_err(|_| AppError::Internal)
}

#[cfg(feature = "hydrate")]
async fn yield_to_browser() {
    use leptos::wasm_bindgen::JsCast as _;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            // If scheduling fails the promise never resolves; fall back to resolving now.
            if window
                .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 30)
                .is_err()
            {
                let _ = resolve.call0(&leptos::wasm_bindgen::JsValue::NULL);
            }
        }
    });
    // The browser is single-threaded; the wrapper only lets this future be `Send`, as Leptos'
    // actions require (they are also created, never run, on the multi-threaded server).
    let _ = send_wrapper::SendWrapper::new(wasm_bindgen_futures::JsFuture::from(promise)).await;
}

/// On the server nothing is painted; the derivation never runs there anyway.
#[cfg(not(feature = "hydrate"))]
#[allow(clippy::unused_async)]
async fn yield_to_browser() {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn new_passwords_need_length_and_a_matching_repeat() {
        let m = Locale::De.messages();
        assert_eq!(
            check_new_password(m, "kurz", "kurz"),
            Err(m.password_too_short)
        );
        assert_eq!(
            check_new_password(m, "elf Zeichen", "elf Zeichen"),
            Err(m.password_too_short)
        );
        assert_eq!(
            check_new_password(m, "zwölf Zeichen", "zwölf Zeichen"),
            Ok(()),
            "counted in characters, not bytes"
        );
        assert_eq!(
            check_new_password(m, "ein langes Passwort", "ein langes Passwort!"),
            Err(m.password_mismatch)
        );
        let long = "x".repeat(129);
        assert_eq!(
            check_new_password(m, &long, &long),
            Err(m.password_too_long)
        );
    }

    #[test]
    fn failures_are_explained_without_internals() {
        let m = Locale::En.messages();
        assert_eq!(
            explain(m, &AppError::Validation("detail".into())),
            m.sign_in_wrong
        );
        assert_eq!(
            explain(
                m,
                &AppError::RateLimited {
                    retry_after_secs: 60
                }
            ),
            m.sign_in_locked
        );
        assert_eq!(
            explain(m, &AppError::Conflict("x".into())),
            m.sign_in_unverified
        );
        assert_eq!(explain(m, &AppError::Internal), m.error_try_again);
    }
}
