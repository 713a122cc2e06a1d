//! Liveness and readiness for load balancers and orchestrators.
//! `/healthz`: the process answers. `/readyz`: it can also reach the database.

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use serde_json::json;

use crate::AppState;

const DB_DEADLINE: Duration = Duration::from_secs(2);

pub async fn healthz() -> impl IntoResponse {
    Json(json!({ "status": "ok" }))
}

pub async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    match db::ping(&state.pool, DB_DEADLINE).await {
        Ok(()) => (
            StatusCode::OK,
            Json(json!({ "status": "ready", "checks": { "database": "up" } })),
        ),
        Err(error) => {
            // Details go to the log only; callers learn just which check failed.
            tracing::warn!(%error, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "checks": { "database": "down" } })),
            )
        }
    }
}
