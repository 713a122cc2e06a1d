//! Inviting a member by mail and accepting the invitation. The invitee's browser makes their
//! password keys and key pair; the server stores the login verifier, the public key and the
//! private key wrapped under the password. The account id is the invitation's id, so the
//! browser can bind its key wrap to the account before the account exists.

use domain::UserRole;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What an invitation link shows before it is accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub practice_id: String,
    /// The id the new account will have.
    pub user_id: String,
    pub practice_name: String,
    pub email: String,
    pub role: UserRole,
}

#[server(endpoint = "invite_member")]
pub async fn invite_member(email: String, role: UserRole) -> Result<(), AppError> {
    server::invite(&email, role)
        .await
        .map_err(crate::error::answered)
}

#[server(endpoint = "invite_details")]
pub async fn invite_details(token: String) -> Result<InvitationView, AppError> {
    server::details(&token)
        .await
        .map_err(crate::error::answered)
}

#[server(endpoint = "accept_invite")]
pub async fn accept_invite(
    token: String,
    kdf_params: String,
    login_key: String,
    member_public_key: String,
    member_wrapped_private_key: String,
) -> Result<(), AppError> {
    server::accept(&server::Acceptance {
        token,
        kdf_params,
        login_key,
        member_public_key,
        member_wrapped_private_key,
    })
    .await
    .map_err(crate::error::answered)
}

#[cfg(feature = "ssr")]
mod server {
    use crypto::{
        KdfParams, KeyType, LoginKey, LoginVerifier, MemberPublicKey, PasswordWrapEnvelope, Token,
    };
    use domain::{AuditAction, Capability, Email, UserRole};

    use super::InvitationView;
    use crate::auth::{client_network, rate_limits, require};
    use crate::error::AppError;
    use crate::mail::{self, Mail};

    const INVALID: &str = "Diese Einladung ist ungültig, abgelaufen oder schon angenommen. Bitten Sie Ihre Praxis um eine neue.";

    fn invalid() -> AppError {
        AppError::Validation(INVALID.to_owned())
    }

    pub async fn invite(email: &str, role: UserRole) -> Result<(), AppError> {
        let staff = require(Capability::ManageTeam)?;
        let email = Email::parse(email).map_err(|e| AppError::Validation(e.to_string()))?;
        let pool = crate::error::db_pool()?;
        let mut tx = pool.begin().await?;
        let token = Token::generate();
        let invite_id = db::team::create_invite(
            &mut tx,
            staff.practice_id,
            &email,
            role,
            token.hash().as_bytes(),
            staff.user_id,
        )
        .await?;
        let practice = db::practice::name(&mut tx, staff.practice_id).await?;
        let link = mail::link("/invite", Some(token.to_text().as_str()));
        mail::queue(
            &mut tx,
            Some(staff.practice_id),
            &email,
            &Mail::Invite {
                practice,
                role,
                link,
            },
            mail::request_locale(),
        )
        .await?;
        let network = client_network();
        db::audit::append(
            &mut tx,
            &db::audit::NewAuditEntry {
                practice_id: staff.practice_id,
                action: AuditAction::InviteSent,
                entity: Some(("invite", invite_id)),
                actor_user_id: Some(staff.user_id),
                ip_truncated: network.as_deref(),
                metadata: serde_json::json!({ "role": role.as_str() }),
            },
        )
        .await?;
        tx.commit().await?;
        mail::wake();
        Ok(())
    }

    pub async fn details(text: &str) -> Result<InvitationView, AppError> {
        let token = Token::from_text(text.trim()).map_err(|_| invalid())?;
        let pool = crate::error::db_pool()?;
        rate_limits::check(&pool, "redeem_link", rate_limits::REDEEM_LINK).await?;
        let mut conn = pool.acquire().await?;
        let invite = db::team::open_invite(&mut conn, token.hash().as_bytes())
            .await?
            .ok_or_else(invalid)?;
        Ok(InvitationView {
            practice_id: invite.practice_id.to_string(),
            user_id: invite.id.to_string(),
            practice_name: invite.practice_name,
            email: invite.email,
            role: invite.role,
        })
    }

    pub struct Acceptance {
        pub token: String,
        pub kdf_params: String,
        pub login_key: String,
        pub member_public_key: String,
        pub member_wrapped_private_key: String,
    }

    pub async fn accept(input: &Acceptance) -> Result<(), AppError> {
        let token = Token::from_text(input.token.trim()).map_err(|_| invalid())?;
        let bad = |e: &dyn std::fmt::Display| AppError::Validation(e.to_string());
        let params = KdfParams::from_text(&input.kdf_params).map_err(|e| bad(&e))?;
        let login_key = LoginKey::from_text(&input.login_key).map_err(|e| bad(&e))?;
        let public_key =
            MemberPublicKey::from_text(&input.member_public_key).map_err(|e| bad(&e))?;
        let wrapped = PasswordWrapEnvelope::from_text(&input.member_wrapped_private_key)
            .map_err(|e| bad(&e))?;
        if params.parallelism() != 1
            || wrapped.wrapped_key().0 != KeyType::MemberKey
            || wrapped.kdf_params().ok().as_ref() != Some(&params)
        {
            return Err(AppError::Validation(
                "the member key wrap does not match the password's parameters".to_owned(),
            ));
        }
        let pool = crate::error::db_pool()?;
        rate_limits::check(&pool, "redeem_link", rate_limits::REDEEM_LINK).await?;
        let verifier = tokio::task::spawn_blocking(move || LoginVerifier::create(&login_key))
            .await
            .map_err(|_| AppError::Internal)?;
        let to_i32 = |n: u32| {
            i32::try_from(n)
                .map_err(|_| AppError::Validation("KDF parameters out of range".to_owned()))
        };
        let mut tx = pool.begin().await?;
        let acceptance = db::team::Acceptance {
            login_verifier_phc: verifier.as_str(),
            kdf_salt: params.salt(),
            kdf_memory_kib: to_i32(params.memory_kib())?,
            kdf_iterations: to_i32(params.iterations())?,
            public_key: public_key.as_raw(),
            wrapped_private_key: &input.member_wrapped_private_key,
        };
        let invite = match db::team::accept(&mut tx, token.hash().as_bytes(), &acceptance).await {
            Ok(invite) => invite,
            Err(db::team::AcceptError::Invalid) => return Err(invalid()),
            Err(db::team::AcceptError::EmailTaken) => {
                return Err(AppError::Conflict(
                    "Für diese E-Mail-Adresse gibt es bereits ein Konto bei Derma Consent."
                        .to_owned(),
                ))
            }
            Err(db::team::AcceptError::Db(e)) => return Err(e.into()),
        };
        let network = client_network();
        db::audit::append(
            &mut tx,
            &db::audit::NewAuditEntry {
                practice_id: invite.practice_id,
                action: AuditAction::InviteAccepted,
                entity: Some(("user", invite.id)),
                actor_user_id: Some(invite.id),
                ip_truncated: network.as_deref(),
                metadata: serde_json::json!({ "role": invite.role.as_str() }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
