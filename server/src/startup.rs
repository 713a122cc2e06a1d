//! Building the application state and router, serving it, and shutting down gracefully.

use std::sync::{Arc, OnceLock};

use axum::extract::FromRef;
use axum::routing::get;
use axum::{middleware, Router};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower::ServiceBuilder;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::sensitive_headers::SetSensitiveHeadersLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use app::auth::SessionCookie;
use app::{patient_shell, shell, App, PatientApp};

use crate::{health, language, same_origin, security, session, telemetry, Settings, StartupError};

mod patient_page;

/// The largest request body the server reads.
pub const MAX_REQUEST_BYTES: usize = 2 * 1024 * 1024;

/// Refuses a declared body over [`MAX_REQUEST_BYTES`] at once (413) and stops reading an
/// undeclared one there.
async fn limit_body(
    request: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse as _;
    let declared = request
        .headers()
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_REQUEST_BYTES) {
        return http::StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    next.run(
        request.map(|body| {
            axum::body::Body::new(http_body_util::Limited::new(body, MAX_REQUEST_BYTES))
        }),
    )
    .await
}

/// Shared by every request; holds no per-user state, so any number of servers can run side by
/// side (DESIGN §11). Its fields are reached through it (`state.pool`). One reference count to
/// clone: axum's middleware and Leptos clone the state several times for every request, and
/// cloning each field was a tenth of the time of a `/c` request (docs/benchmarks.md).
#[derive(Clone)]
pub struct AppState(Arc<AppStateInner>);

/// What [`AppState`] shares.
pub struct AppStateInner {
    pub leptos_options: LeptosOptions,
    pub pool: db::PgPool,
    pub settings: Arc<Settings>,
    pub session_cookie: SessionCookie,
    pub session_policy: db::session::SessionPolicy,
    /// Wakes this server's mail loop when a request queued mail.
    pub mail_wake: crate::scheduler::MailWake,
    /// Sign-in with Google or Microsoft, where configured.
    pub oidc: crate::oidc::Providers,
    /// The providers' origins, for the CSP's `form-action`.
    pub form_targets: Arc<str>,
}

impl AppState {
    pub fn new(leptos_options: LeptosOptions, pool: db::PgPool, settings: Settings) -> Self {
        let oidc = crate::oidc::Providers::new(&settings);
        Self(Arc::new(AppStateInner {
            form_targets: Arc::from(oidc.form_targets()),
            oidc,
            leptos_options,
            pool,
            session_cookie: SessionCookie::for_deployment(settings.is_https()),
            session_policy: db::session::SessionPolicy::default(),
            mail_wake: crate::scheduler::MailWake::default(),
            settings: Arc::new(settings),
        }))
    }
}

impl std::ops::Deref for AppState {
    type Target = AppStateInner;

    fn deref(&self) -> &AppStateInner {
        &self.0
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// What the server gives every render and server function (besides the state itself).
struct Provided {
    pool: db::PgPool,
    session_cookie: SessionCookie,
    server_secret: app::auth::ServerSecret,
    public_origin: app::mail::PublicOrigin,
    mail_wake: app::mail::MailWake,
    sign_in_providers: app::auth::SignInProviders,
}

/// The routes of the staff app and of the patient app.
#[derive(Clone)]
struct RouteLists {
    staff: Vec<AxumRouteListing>,
    patient: Vec<AxumRouteListing>,
}

/// Found once per process. Leptos finds routes by rendering the whole app with resources held
/// back, and it holds them back with one flag for the whole process
/// (`leptos::server::SuppressResourceLoad`): a page rendered on another thread meanwhile waits
/// for its data forever. Every router is built after this, so no render can overlap it. (In the
/// tests, where each test builds routers while others render, it did: the suite hung now and
/// then in the signed-in staff area or the suspended pages.)
fn route_lists() -> &'static RouteLists {
    static LISTS: OnceLock<RouteLists> = OnceLock::new();
    LISTS.get_or_init(|| RouteLists {
        staff: generate_route_list(App),
        patient: generate_route_list(PatientApp),
    })
}

/// The whole HTTP surface: health checks, the language switch, the Leptos pages and server
/// functions, static files, and the layers every response passes through.
pub fn build_router(state: AppState) -> Router {
    let RouteLists {
        staff: routes,
        patient: patient_routes,
    } = route_lists().clone();
    // Behind one reference count: every handler holds the closure, and axum clones a handler
    // for each request.
    let provided = Arc::new(Provided {
        pool: state.pool.clone(),
        session_cookie: state.session_cookie.clone(),
        server_secret: app::auth::ServerSecret(*state.settings.server_secret.expose()),
        public_origin: app::mail::PublicOrigin(state.settings.public_origin.clone()),
        mail_wake: {
            let wake = state.mail_wake.clone();
            app::mail::MailWake(Arc::new(move || wake.wake()))
        },
        sign_in_providers: app::auth::SignInProviders(state.oidc.offered()),
    });
    let context = move || {
        provide_context(provided.pool.clone());
        provide_context(provided.sign_in_providers.clone());
        provide_context(provided.session_cookie.clone());
        provide_context(provided.server_secret.clone());
        provide_context(provided.public_origin.clone());
        provide_context(provided.mail_wake.clone());
        app::csp::provide_request_nonce();
    };
    // Outermost first. The security headers sit outside the timeout so that even a timed-out
    // request's answer carries them.
    let layers = ServiceBuilder::new()
        .layer(SetSensitiveHeadersLayer::new([
            http::header::COOKIE,
            http::header::AUTHORIZATION,
        ]))
        // No request needs more: a sealed consent with its signature is well below. Server
        // functions read the whole body before they look at it, so the cap is here (413).
        .layer(middleware::from_fn(limit_body))
        .layer(middleware::map_request(telemetry::drop_incoming_request_id))
        .layer(SetRequestIdLayer::x_request_id(telemetry::MakeRequestId))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(telemetry::request_span)
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(middleware::from_fn_with_state(
            Arc::new(security::SecurityHeaders::new(
                state.settings.is_https(),
                &state.form_targets,
            )),
            security::headers,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            same_origin::guard,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), session::load))
        // 503, not 408: browsers silently retry a 408, repeating work that was too slow once.
        .layer(TimeoutLayer::with_status_code(
            http::StatusCode::SERVICE_UNAVAILABLE,
            state.settings.request_timeout,
        ))
        // It needs the request's nonce, and every layer above still runs for /c.
        .layer(middleware::from_fn_with_state(
            patient_page::KeptPatientPage::new(state.session_cookie.clone()),
            patient_page::serve,
        ))
        // Innermost: handlers finish what they started even when the browser went away or the
        // timeout answered (a kept /c answers above without the cost of a task).
        .layer(middleware::from_fn(crate::completion::run_to_completion));
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/lang/{tag}", get(language::switch))
        .merge(crate::oidc::routes())
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let state = state.clone();
            move || shell(state.leptos_options.clone())
        })
        // The patient pages, hydrated by their own bundle (app::patient_routes). Not a second
        // `leptos_routes_with_context`: that would register every server function again.
        .leptos_routes_with_handler(
            patient_routes,
            leptos_axum::render_app_to_stream_with_context(
                {
                    let state = state.clone();
                    let context = context.clone();
                    move || {
                        provide_context(state.clone());
                        context();
                    }
                },
                {
                    let state = state.clone();
                    move || patient_shell(state.leptos_options.clone())
                },
            ),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(layers)
        .with_state(state)
}

/// Reads the Leptos options from the file named by the settings (Leptos.toml by default).
pub fn leptos_options(settings: &Settings) -> Result<LeptosOptions, StartupError> {
    leptos::config::get_configuration(Some(&settings.leptos_config))
        .map(|conf| conf.leptos_options)
        .map_err(|e| StartupError::LeptosConfig {
            path: settings.leptos_config.clone(),
            reason: e.to_string(),
        })
}

fn pool(settings: &Settings) -> Result<db::PgPool, StartupError> {
    let pool_settings = db::PoolSettings {
        max_connections: settings.db_max_connections,
        ..Default::default()
    };
    Ok(db::connect(settings.database_url.expose(), &pool_settings)?)
}

/// `server migrate`: apply pending migrations and exit.
pub async fn migrate(settings: &Settings) -> Result<(), StartupError> {
    connect_and_migrate(settings).await.map(|_| ())
}

/// A pool on a database with every migration applied (waiting for it to come up).
pub async fn connect_and_migrate(settings: &Settings) -> Result<db::PgPool, StartupError> {
    let pool = pool(settings)?;
    migrate_when_reachable(&pool).await?;
    Ok(pool)
}

/// Runs the migrations, waiting (with back-off, up to about a minute) for a database that is
/// still starting, e.g. when server and database are started together.
async fn migrate_when_reachable(pool: &db::PgPool) -> Result<(), StartupError> {
    use sqlx::migrate::MigrateError;
    let mut delay = std::time::Duration::from_millis(250);
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_mins(1);
    loop {
        match db::MIGRATOR.run(pool).await {
            Ok(()) => {
                tracing::info!(
                    migrations = db::MIGRATOR.iter().count(),
                    "database schema is up to date"
                );
                return Ok(());
            }
            Err(error @ MigrateError::Execute(sqlx::Error::PoolTimedOut | sqlx::Error::Io(_))) => {
                if tokio::time::Instant::now() >= deadline {
                    return Err(StartupError::DatabaseUnreachable(error));
                }
                tracing::warn!(retry_in = ?delay, "database not reachable yet; retrying the migrations");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(std::time::Duration::from_secs(5));
            }
            Err(error) => return Err(db::DbError::from(error).into()),
        }
    }
}

/// Serves until SIGINT or SIGTERM, then finishes in-flight requests.
pub async fn serve(settings: Settings) -> Result<(), StartupError> {
    let leptos_options = leptos_options(&settings)?;
    crate::assets::remove_stale_copies(
        std::path::Path::new(&*leptos_options.site_root),
        &leptos_options.site_pkg_dir,
    )?;
    let pool = pool(&settings)?;
    if settings.migrate_on_start {
        migrate_when_reachable(&pool).await?;
    }
    let addr = leptos_options.site_addr;
    let mailer = Arc::new(crate::mail::Mailer::from_settings(&settings.mail)?);
    let every = crate::scheduler::Every {
        mail_poll: settings.mail.poll,
        consent_expiry: settings.consent_expiry_every,
    };
    let outbox_key = crate::scheduler::outbox_key(settings.server_secret.expose());
    let state = AppState::new(leptos_options, pool.clone(), settings);
    tracing::info!(transport = mailer.describe(), "mail delivery is running");
    crate::scheduler::spawn(
        pool.clone(),
        mailer,
        outbox_key,
        state.mail_wake.clone(),
        every,
    );
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| StartupError::Bind { addr, source })?;
    tracing::info!(%addr, origin = %state.settings.public_origin, "Derma Consent is listening");
    axum::serve(
        listener,
        build_router(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(StartupError::Serve)?;
    pool.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing open requests");
}

#[cfg(test)]
mod tests {
    /// cargo-leptos names the bundle after `name`, the server after `output-name`; a mismatch
    /// would serve hydration scripts under names that do not exist.
    #[test]
    fn leptos_toml_gives_both_readers_the_same_bundle_name() {
        let text = include_str!("../../Leptos.toml");
        let value = |key: &str| {
            text.lines().find_map(|line| {
                let (k, v) = line.split_once('=')?;
                (k.trim() == key).then(|| v.trim().trim_matches('"').to_owned())
            })
        };
        let name = value("name").expect("Leptos.toml has name");
        assert_eq!(value("output-name"), Some(name));
    }

    /// The server reads the real file with Leptos' own parser.
    #[test]
    fn leptos_toml_parses_as_server_options() {
        let options = leptos::config::get_config_from_str(include_str!("../../Leptos.toml"))
            .expect("valid Leptos.toml");
        assert_eq!(&*options.output_name, "derma_consent");
        assert_eq!(&*options.site_root, "target/site");
        assert_eq!(&*options.site_pkg_dir, "pkg");
    }
}
