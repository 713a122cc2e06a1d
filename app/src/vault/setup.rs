//! Setting up the vault, once per practice, by an ADMIN. Every envelope is checked for its
//! kind, key type and version before it is stored, so a confused or malicious client cannot
//! store something other than what later readers expect.

// One argument per envelope is the wire form of `setup_vault` (the macro's generated code
// carries them all, so the allowance has to cover the module).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "setup_vault")]
pub async fn setup_vault(
    inbox_public_key: String,
    wrapped_inbox_private_key: String,
    wrapped_blind_index_key: String,
    admin_password_wrap: String,
    recovery_wrap: String,
    admin_public_key: String,
    admin_wrapped_private_key: String,
    login_key: String,
) -> Result<(), AppError> {
    server::setup(server::Input {
        login_key,
        inbox_public_key,
        wrapped_inbox_private_key,
        wrapped_blind_index_key,
        admin_password_wrap,
        recovery_wrap,
        admin_public_key,
        admin_wrapped_private_key,
    })
    .await
    .map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
pub(crate) use server::check_password;

#[cfg(feature = "ssr")]
mod server {
    use crypto::{
        InboxPublicKey, KdfParams, KeyType, KeyWrapEnvelope, LoginKey, LoginVerifier,
        MemberPublicKey, PasswordWrapEnvelope, RecoveryWrapEnvelope,
    };
    use domain::Capability;

    use crate::auth::{client_network, require};
    use crate::error::AppError;

    pub struct Input {
        /// Proves the wraps were made from the member's real password: a mistyped password
        /// would otherwise wrap the master key under a key nobody can derive again.
        pub login_key: String,
        pub inbox_public_key: String,
        pub wrapped_inbox_private_key: String,
        pub wrapped_blind_index_key: String,
        pub admin_password_wrap: String,
        pub recovery_wrap: String,
        pub admin_public_key: String,
        pub admin_wrapped_private_key: String,
    }

    fn invalid(what: &str) -> AppError {
        AppError::Validation(format!(
            "{what} is not a valid version-1 envelope of the expected kind"
        ))
    }

    fn expect(found: (KeyType, u32), wanted: KeyType, what: &str) -> Result<(), AppError> {
        if found == (wanted, 1) {
            Ok(())
        } else {
            Err(invalid(what))
        }
    }

    /// The login key must match the stored hash, and the password wraps must use the member's
    /// stored Argon2id parameters (else unlocking would fail for ever).
    pub(crate) async fn check_password(
        pool: &db::PgPool,
        email: &str,
        login_key: &str,
        wraps: &[&PasswordWrapEnvelope],
    ) -> Result<(), AppError> {
        let wrong = || AppError::Validation("the password does not match this account".to_owned());
        let email = domain::Email::parse(email).map_err(|_| AppError::Internal)?;
        let mut conn = pool.acquire().await?;
        let record = db::staff::login_record(&mut conn, &email)
            .await?
            .ok_or(AppError::Unauthorized)?;
        drop(conn);
        let stored = record
            .kdf_salt
            .and_then(|salt| <[u8; 16]>::try_from(salt).ok())
            .zip(record.kdf_memory_kib.and_then(|m| u32::try_from(m).ok()))
            .zip(record.kdf_iterations.and_then(|t| u32::try_from(t).ok()))
            .and_then(|((salt, m), t)| KdfParams::new(m, t, 1, salt).ok())
            .ok_or_else(wrong)?;
        if wraps.iter().any(|w| w.kdf_params().ok() != Some(stored)) {
            return Err(AppError::Validation(
                "the wraps do not use this account's key-derivation parameters".to_owned(),
            ));
        }
        let key = LoginKey::from_text(login_key).map_err(|_| wrong())?;
        let verifier = LoginVerifier::from_stored(record.password_hash.ok_or_else(wrong)?);
        let ok = tokio::task::spawn_blocking(move || verifier.verify(&key))
            .await
            .map_err(|_| AppError::Internal)?;
        if ok.map_err(|_| AppError::Internal)? {
            Ok(())
        } else {
            Err(wrong())
        }
    }

    pub async fn setup(input: Input) -> Result<(), AppError> {
        let staff = require(Capability::ManagePracticeSettings)?;
        let inbox = InboxPublicKey::from_text(&input.inbox_public_key)
            .map_err(|_| invalid("inbox public key"))?;
        let member = MemberPublicKey::from_text(&input.admin_public_key)
            .map_err(|_| invalid("member public key"))?;
        if inbox.version() != 1 || member.version() != 1 {
            return Err(invalid("public key"));
        }
        let inbox_wrap = KeyWrapEnvelope::from_text(&input.wrapped_inbox_private_key)
            .map_err(|_| invalid("inbox key wrap"))?;
        expect(
            inbox_wrap.wrapped_key(),
            KeyType::InboxKey,
            "inbox key wrap",
        )?;
        let bidx_wrap = KeyWrapEnvelope::from_text(&input.wrapped_blind_index_key)
            .map_err(|_| invalid("blind index key wrap"))?;
        expect(
            bidx_wrap.wrapped_key(),
            KeyType::BlindIndexKey,
            "blind index key wrap",
        )?;
        let pmk_wrap = PasswordWrapEnvelope::from_text(&input.admin_password_wrap)
            .map_err(|_| invalid("password wrap"))?;
        expect(pmk_wrap.wrapped_key(), KeyType::MasterKey, "password wrap")?;
        let recovery = RecoveryWrapEnvelope::from_text(&input.recovery_wrap)
            .map_err(|_| invalid("recovery wrap"))?;
        expect(recovery.wrapped_key(), KeyType::MasterKey, "recovery wrap")?;
        let member_wrap = PasswordWrapEnvelope::from_text(&input.admin_wrapped_private_key)
            .map_err(|_| invalid("member key wrap"))?;
        expect(
            member_wrap.wrapped_key(),
            KeyType::MemberKey,
            "member key wrap",
        )?;

        let pool = crate::error::db_pool()?;
        check_password(
            &pool,
            &staff.email,
            &input.login_key,
            &[&pmk_wrap, &member_wrap],
        )
        .await?;
        let mut tx = pool.begin().await?;
        let network = client_network();
        let vault = db::vault::NewVault {
            inbox_public_key: inbox.as_raw(),
            wrapped_inbox_private_key: &input.wrapped_inbox_private_key,
            wrapped_blind_index_key: &input.wrapped_blind_index_key,
            admin_password_wrap: &input.admin_password_wrap,
            recovery_wrap: &input.recovery_wrap,
            admin_public_key: member.as_raw(),
            admin_wrapped_private_key: &input.admin_wrapped_private_key,
        };
        match db::vault::create(
            &mut tx,
            staff.practice_id,
            staff.user_id,
            &vault,
            network.as_deref(),
        )
        .await
        {
            Ok(()) => tx.commit().await.map_err(AppError::from),
            Err(db::vault::VaultError::AlreadySetUp) => Err(AppError::Conflict(
                "Der Tresor dieser Praxis ist bereits eingerichtet.".to_owned(),
            )),
            Err(db::vault::VaultError::Db(error)) => Err(error.into()),
        }
    }
}
