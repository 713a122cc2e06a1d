//! Fixed-window rate limits shared by all app servers (DESIGN §11): one row per key and window
//! in `rate_limit_bucket`, counted atomically by an upsert.

use std::time::Duration;

use sqlx::PgConnection;

use crate::DbError;

/// A limit: at most `max_hits` per `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max_hits: i32,
    pub window: Duration,
}

/// Counts one hit on `key` (e.g. `sign_in:net:203.0.113.0/24`; never a raw address or email)
/// and returns the seconds to wait when the limit is exceeded.
pub async fn hit(conn: &mut PgConnection, key: &str, limit: Limit) -> Result<Option<u64>, DbError> {
    let window_secs = i64::try_from(limit.window.as_secs().max(1)).unwrap_or(i64::MAX);
    let row = sqlx::query!(
        r#"
        insert into rate_limit_bucket (bucket_key, window_start, hits)
        values ($1, to_timestamp(floor(extract(epoch from now())::float8 / $2::bigint) * $2::bigint), 1)
        on conflict (bucket_key, window_start) do update set hits = rate_limit_bucket.hits + 1
        returning hits, ceil(extract(epoch from window_start + $2::bigint * interval '1 second' - now()))::bigint as "retry_after!"
        "#,
        key,
        window_secs,
    )
    .fetch_one(conn)
    .await?;
    Ok((row.hits > limit.max_hits).then(|| row.retry_after.max(1).unsigned_abs()))
}

/// Drops windows that ended (run by the scheduler).
pub async fn purge_before(conn: &mut PgConnection, older_than: Duration) -> Result<u64, DbError> {
    let secs = i64::try_from(older_than.as_secs()).unwrap_or(i64::MAX);
    let purged = sqlx::query!(
        "delete from rate_limit_bucket where window_start < now() - $1::bigint * interval '1 second'",
        secs
    )
    .execute(conn)
    .await?;
    Ok(purged.rows_affected())
}
