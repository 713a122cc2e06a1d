//! Registering a practice and its first ADMIN. The browser makes fresh Argon2id parameters,
//! derives the login key from the password and sends only that key and the parameters.
//!
//! The answer is the same whether or not the address already has an account ("check your
//! mail"): a new address gets a verification link, a known one a note with sign-in and reset
//! links. So registration cannot be used to find out who has an account.

use leptos::prelude::*;

use crate::error::AppError;

/// Minimum password length: the password also protects the practice vault (ASVS 6.2.1 asks
/// for 8; we ask for 12, DESIGN §4.2). Checked in the browser, where the password lives.
pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 128;

#[server(endpoint = "register_practice")]
pub async fn register_practice(
    practice_name: String,
    email: String,
    kdf_params: String,
    login_key: String,
) -> Result<(), AppError> {
    server::register(&practice_name, &email, &kdf_params, &login_key)
        .await
        .map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use crypto::{KdfParams, LoginKey, LoginVerifier};
    use domain::{Email, PracticeName};

    use crate::auth::client_network;
    use crate::error::AppError;

    pub async fn register(
        name: &str,
        email: &str,
        kdf_params: &str,
        login_key: &str,
    ) -> Result<(), AppError> {
        let name = PracticeName::parse(name).map_err(|e| AppError::Validation(e.to_string()))?;
        let email = Email::parse(email).map_err(|e| AppError::Validation(e.to_string()))?;
        // Refuses parameters below the floor, so a weak wrap can never be registered.
        let params =
            KdfParams::from_text(kdf_params).map_err(|e| AppError::Validation(e.to_string()))?;
        if params.parallelism() != 1 {
            // Only m and t are stored per account; p = 1 is the product's fixed choice.
            return Err(AppError::Validation(
                "Argon2id parallelism must be 1".to_owned(),
            ));
        }
        let login_key =
            LoginKey::from_text(login_key).map_err(|e| AppError::Validation(e.to_string()))?;
        let pool = crate::error::db_pool()?;
        // Before the expensive hash: refused requests cost the server nothing.
        crate::auth::rate_limits::check(&pool, "register", crate::auth::rate_limits::REGISTER)
            .await?;
        let verifier = tokio::task::spawn_blocking(move || LoginVerifier::create(&login_key))
            .await
            .map_err(|_| AppError::Internal)?;
        let to_i32 = |n: u32| {
            i32::try_from(n)
                .map_err(|_| AppError::Validation("KDF parameters out of range".to_owned()))
        };
        let admin = db::practice::AdminCredentials {
            email: &email,
            login_verifier_phc: verifier.as_str(),
            kdf_salt: params.salt(),
            kdf_memory_kib: to_i32(params.memory_kib())?,
            kdf_iterations: to_i32(params.iterations())?,
            locale: "de",
        };
        let locale = crate::mail::request_locale();
        let mut tx = pool.begin().await?;
        let network = client_network();
        match db::practice::register(&mut tx, &name, &admin, network.as_deref()).await {
            Ok(registered) => {
                let owner = db::token::TokenOwner {
                    practice_id: registered.practice_id,
                    user_id: registered.admin_id,
                };
                crate::auth::verify_email::send_link(&mut tx, owner, &email, locale).await?;
                tx.commit().await?;
            }
            Err(db::practice::RegisterError::EmailTaken) => {
                drop(tx);
                let mut conn = pool.acquire().await?;
                let mail = crate::mail::Mail::AccountExists {
                    sign_in: crate::mail::link("/login", None),
                    reset: crate::mail::link("/forgot-password", None),
                };
                crate::mail::queue(&mut conn, None, &email, &mail, locale).await?;
            }
            Err(db::practice::RegisterError::Db(error)) => return Err(error.into()),
        }
        crate::mail::wake();
        Ok(())
    }
}
