//! Signing out ends this session on the server and clears the cookie in the browser.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    // Any stage: a session still waiting for its 2FA code can be ended too.
    let Some(staff) = crate::auth::session_staff() else {
        return Ok(());
    };
    let pool = crate::error::db_pool()?;
    let mut tx = pool.begin().await?;
    if db::session::end(&mut tx, &staff.session_hash).await? {
        let network = crate::auth::client_network();
        db::audit::append(
            &mut tx,
            &db::audit::NewAuditEntry {
                practice_id: staff.practice_id,
                action: domain::AuditAction::LoggedOut,
                entity: Some(("user", staff.user_id)),
                actor_user_id: Some(staff.user_id),
                ip_truncated: network.as_deref(),
                metadata: serde_json::json!({}),
            },
        )
        .await?;
    }
    tx.commit().await?;
    clear_session_cookie();
    Ok(())
}

/// Tells the browser to drop the session cookie (with this answer).
#[cfg(feature = "ssr")]
pub(crate) fn clear_session_cookie() {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        if let Some(clear) = use_context::<crate::auth::SessionCookie>().map(|c| c.clear()) {
            if let Ok(value) = http::HeaderValue::from_str(&clear) {
                response.append_header(http::header::SET_COOKIE, value);
            }
        }
    }
}
