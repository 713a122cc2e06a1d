//! Readiness: can we run a query right now?

use std::time::Duration;

use sqlx::PgPool;

use crate::DbError;

/// Runs a trivial query with a deadline, for `/readyz`.
#[tracing::instrument(skip_all)]
pub async fn ping(pool: &PgPool, deadline: Duration) -> Result<(), DbError> {
    let query = sqlx::query_scalar!("select 1 as \"one!\"").fetch_one(pool);
    match tokio::time::timeout(deadline, query).await {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(e)) => Err(DbError::Query(e)),
        Err(_) => Err(DbError::Timeout(deadline)),
    }
}
