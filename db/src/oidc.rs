//! OpenID Connect sign-in: the short-lived record of a sign-in started at a provider, and the
//! provider accounts members have connected (`account`).
//!
//! A provider account is only ever connected by the member while signed in; nothing here looks
//! a member up by an email address a provider asserts (DESIGN §4, issue 4: "never linked by an
//! unverified email").

use domain::{SignInProvider, UserRole};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::DbError;

/// How long a started sign-in may take at the provider.
pub const LOGIN_VALID_SECS: u32 = 600;

/// A member of a practice, as `practice_id` and `user_id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    pub practice_id: Uuid,
    pub user_id: Uuid,
}

/// A signed-in member connecting an account, and the session they do it from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Linking {
    pub member: Member,
    pub session_hash: [u8; 32],
}

/// A sign-in or connection started at a provider.
#[derive(Debug, Clone)]
pub struct NewLogin<'a> {
    pub state_hash: &'a [u8; 32],
    pub browser_hash: &'a [u8; 32],
    pub provider: SignInProvider,
    pub nonce: &'a str,
    pub pkce_verifier: &'a str,
    /// The signed-in member connecting an account; `None` for a sign-in.
    pub linking: Option<Linking>,
}

/// A started sign-in, taken back (and used up) when the provider answers.
#[derive(Debug, Clone)]
pub struct PendingLogin {
    pub browser_hash: Vec<u8>,
    pub nonce: String,
    pub pkce_verifier: String,
    /// The member connecting an account, if their session that started it is still live.
    pub linking: Option<Member>,
    /// A connection was started but the session that started it has ended since.
    pub linking_session_ended: bool,
}

/// Records a started sign-in; the provider's answer must come back within
/// [`LOGIN_VALID_SECS`].
pub async fn start(conn: &mut PgConnection, login: &NewLogin<'_>) -> Result<(), DbError> {
    sqlx::query!(
        "insert into oidc_login (state_hash, browser_hash, provider, nonce, pkce_verifier, practice_id, user_id, session_hash, expires_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(secs => $9))",
        &login.state_hash[..],
        &login.browser_hash[..],
        login.provider.as_str(),
        login.nonce,
        login.pkce_verifier,
        login.linking.map(|l| l.member.practice_id),
        login.linking.map(|l| l.member.user_id),
        login.linking.as_ref().map(|l| &l.session_hash[..]),
        f64::from(LOGIN_VALID_SECS),
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Takes the started sign-in with this state for this provider, if it has not expired. It is
/// deleted in the same statement, so an answer can be used once only. For a connection, the
/// member's session that started it must still be live (idle and absolute limits as
/// `policy`; it was a complete session when the connection started, and stays one).
pub async fn take(
    conn: &mut PgConnection,
    provider: SignInProvider,
    state_hash: &[u8; 32],
    policy: crate::session::SessionPolicy,
) -> Result<Option<PendingLogin>, DbError> {
    let idle_secs = i64::try_from(policy.idle.as_secs()).unwrap_or(i64::MAX);
    let row = sqlx::query!(
        r#"with taken as (
               delete from oidc_login where state_hash = $1 and provider = $2
               returning browser_hash, nonce, pkce_verifier, practice_id, user_id, session_hash, expires_at
           )
           select t.browser_hash, t.nonce, t.pkce_verifier, t.practice_id, t.user_id,
                  t.session_hash is not null as "linking!",
                  t.expires_at > now() as "live!",
                  exists (select 1 from session s
                          where s.id_hash = t.session_hash and s.practice_id = t.practice_id and s.user_id = t.user_id
                            and s.expires_at > now() and s.last_seen_at > now() - $3::bigint * interval '1 second'
                  ) as "session_live!"
           from taken t"#,
        &state_hash[..],
        provider.as_str(),
        idle_secs,
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.filter(|r| r.live).map(|r| {
        let member = r
            .practice_id
            .zip(r.user_id)
            .map(|(practice_id, user_id)| Member {
                practice_id,
                user_id,
            });
        PendingLogin {
            browser_hash: r.browser_hash,
            nonce: r.nonce,
            pkce_verifier: r.pkce_verifier,
            linking: member.filter(|_| r.session_live),
            linking_session_ended: r.linking && !r.session_live,
        }
    }))
}

/// Deletes started sign-ins nobody finished (run by the scheduler).
pub async fn purge_expired(conn: &mut PgConnection) -> Result<u64, DbError> {
    let purged = sqlx::query!("delete from oidc_login where expires_at <= now()")
        .execute(conn)
        .await?;
    Ok(purged.rows_affected())
}

/// Why an account could not be connected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkOutcome {
    Linked,
    /// This provider account already belongs to another member (of any practice).
    TakenByAnother,
    /// This member already has an account of this provider connected.
    AlreadyHasOne,
    /// This very account was already connected to this member.
    AlreadyLinked,
}

/// Connects a provider account (its subject) to a member who is signed in.
pub async fn link(
    conn: &mut PgConnection,
    member: Member,
    provider: SignInProvider,
    subject: &str,
) -> Result<LinkOutcome, DbError> {
    let owner = sqlx::query!(
        "select practice_id, user_id from account where provider = $1 and provider_account_id = $2",
        provider.as_str(),
        subject,
    )
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(owner) = owner {
        return Ok(
            if owner.practice_id == member.practice_id && owner.user_id == member.user_id {
                LinkOutcome::AlreadyLinked
            } else {
                LinkOutcome::TakenByAnother
            },
        );
    }
    let inserted = sqlx::query!(
        "insert into account (practice_id, user_id, provider, provider_account_id)
         values ($1, $2, $3, $4)
         on conflict do nothing",
        member.practice_id,
        member.user_id,
        provider.as_str(),
        subject,
    )
    .execute(conn)
    .await?;
    Ok(if inserted.rows_affected() == 1 {
        LinkOutcome::Linked
    } else {
        // Lost a race, or the member has one of this provider already.
        LinkOutcome::AlreadyHasOne
    })
}

/// Disconnects the member's account of this provider; false when there was none.
pub async fn unlink(
    conn: &mut PgConnection,
    member: Member,
    provider: SignInProvider,
) -> Result<bool, DbError> {
    let deleted = sqlx::query!(
        "delete from account where practice_id = $1 and user_id = $2 and provider = $3",
        member.practice_id,
        member.user_id,
        provider.as_str(),
    )
    .execute(conn)
    .await?;
    Ok(deleted.rows_affected() == 1)
}

/// A connected account, as the member's profile shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedAccount {
    pub provider: SignInProvider,
    pub linked_at: chrono::DateTime<chrono::Utc>,
}

/// The member's connected accounts.
pub async fn linked_accounts(
    conn: &mut PgConnection,
    member: Member,
) -> Result<Vec<LinkedAccount>, DbError> {
    let rows = sqlx::query!(
        "select provider, created_at from account where practice_id = $1 and user_id = $2 order by provider",
        member.practice_id,
        member.user_id,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(LinkedAccount {
                provider: r.provider.parse().ok()?,
                linked_at: r.created_at,
            })
        })
        .collect())
}

/// The member a provider account signs in, with what the sign-in needs to decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountOwner {
    pub practice_id: Uuid,
    pub user_id: Uuid,
    pub role: UserRole,
    pub email: String,
    /// Seconds until the account may sign in again; 0 when not locked.
    pub locked_for_secs: i64,
}

/// The active member this provider account is connected to, if any. Removed members sign in
/// with nothing.
pub async fn owner(
    conn: &mut PgConnection,
    provider: SignInProvider,
    subject: &str,
) -> Result<Option<AccountOwner>, DbError> {
    let row = sqlx::query!(
        r#"select u.practice_id, u.id, u.role as "role: UserRole", u.email,
                  greatest(0, ceil(extract(epoch from u.locked_until - now())))::bigint as "locked_for_secs!"
           from account a join "user" u on u.practice_id = a.practice_id and u.id = a.user_id
           where a.provider = $1 and a.provider_account_id = $2
             and u.removed_at is null and u.email_verified_at is not null"#,
        provider.as_str(),
        subject,
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| AccountOwner {
        practice_id: r.practice_id,
        user_id: r.id,
        role: r.role,
        email: r.email,
        locked_for_secs: r.locked_for_secs,
    }))
}
