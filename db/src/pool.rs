//! The connection pool.

use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Executor as _, PgConnection, PgPool, Row as _};

use crate::DbError;

/// How the pool connects; built from the server's settings.
#[derive(Debug, Clone)]
pub struct PoolSettings {
    pub max_connections: u32,
    pub acquire_timeout: Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        Self {
            max_connections: 10,
            acquire_timeout: Duration::from_secs(5),
        }
    }
}

/// Opens a pool. It connects lazily, so the server can start (and answer `/healthz`, and report
/// not-ready on `/readyz`) while the database is still coming up.
pub fn connect(url: &str, settings: &PoolSettings) -> Result<PgPool, DbError> {
    let options: PgConnectOptions = url.parse().map_err(DbError::InvalidUrl)?;
    Ok(connect_with(options, settings))
}

/// [`connect`] with parsed options.
pub fn connect_with(options: PgConnectOptions, settings: &PoolSettings) -> PgPool {
    PgPoolOptions::new()
        .max_connections(settings.max_connections)
        .acquire_timeout(settings.acquire_timeout)
        .after_release(|conn, _| Box::pin(async move { outside_transaction(conn).await }))
        .connect_lazy_with(options.application_name("derma-consent"))
}

/// True when the statement starts its own transaction.
pub const FRESH_TRANSACTION: &str = "select transaction_timestamp() = statement_timestamp()";

/// Whether a connection handed back to the pool is outside any transaction; one that is not
/// is closed (the database then rolls its transaction back) instead of being reused.
///
/// sqlx 0.8 loses track of a transaction whose `BEGIN` was under way when its task was dropped
/// (its rollback guard acts only once the transaction is counted), and hands the connection
/// back inside it: every later statement on it would then run in that transaction, holding its
/// locks until someone's `COMMIT` (or losing its writes with a `ROLLBACK`). The server runs
/// request handlers to completion (`server::completion`); this catches whatever else may drop
/// such a task. Outside a transaction block, the first statement of a transaction starts it, so
/// its start time is the statement's; inside a leftover block it is earlier.
async fn outside_transaction(conn: &mut PgConnection) -> Result<bool, sqlx::Error> {
    // A plain text query without arguments goes as a simple query (one protocol message): a
    // prepared one's Bind and Execute come after the Parse that started its transaction, and
    // would never compare equal.
    let fresh: bool = conn.fetch_one(FRESH_TRANSACTION).await?.try_get(0)?;
    if !fresh {
        tracing::warn!(
            "a database connection came back inside a transaction nobody holds: closed, its transaction rolled back"
        );
    }
    Ok(fresh)
}
