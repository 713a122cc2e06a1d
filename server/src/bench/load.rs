//! A closed-loop HTTP/1.1 load generator: a fixed number of keep-alive connections, each sending
//! its next request as soon as the previous answer has been read completely. Deliberately thin
//! (hyper's connection API, no pool, no redirects): client work shares the CPU with the servers,
//! and a heavy client would make every server look alike.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper_util::rt::TokioIo;

/// What one run of the generator against one target saw.
#[derive(Debug, Default)]
pub struct Sample {
    pub requests: u64,
    pub elapsed: Duration,
    /// Microseconds from sending a request until its whole body arrived.
    pub latencies_us: Vec<u32>,
    /// Answers that were not 200 or lacked the expected text, with the first one described.
    pub failures: u64,
    pub first_failure: Option<String>,
}

impl Sample {
    pub fn per_second(&self) -> f64 {
        #[allow(clippy::cast_precision_loss)] // request counts stay far below 2^52
        let requests = self.requests as f64;
        requests / self.elapsed.as_secs_f64()
    }

    /// Adds another run's figures (its time too: rounds run one after another).
    pub fn merge(&mut self, other: Sample) {
        self.requests += other.requests;
        self.elapsed += other.elapsed;
        self.latencies_us.extend(other.latencies_us);
        self.failures += other.failures;
        self.first_failure = self.first_failure.take().or(other.first_failure);
    }

    /// The latency below which `share` (0..=1) of the requests finished, in milliseconds.
    pub fn percentile_ms(&mut self, share: f64) -> f64 {
        if self.latencies_us.is_empty() {
            return f64::NAN;
        }
        self.latencies_us.sort_unstable();
        #[allow(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss
        )]
        let index = ((self.latencies_us.len() - 1) as f64 * share).round() as usize;
        f64::from(self.latencies_us[index]) / 1000.0
    }
}

/// The request every connection repeats, and the text each answer must contain.
#[derive(Clone, Debug)]
pub struct Target {
    pub addr: SocketAddr,
    pub path: &'static str,
    pub must_contain: &'static str,
}

/// Runs `connections` connections against `target` for `duration`, then lets the requests
/// still in flight finish; `elapsed` runs until the last of them has.
pub async fn run(
    target: &Target,
    connections: usize,
    duration: Duration,
) -> Result<Sample, String> {
    let start = Instant::now();
    let deadline = start + duration;
    let workers: Vec<_> = (0..connections)
        .map(|_| tokio::spawn(connection(target.clone(), deadline)))
        .collect();
    let mut total = Sample::default();
    for worker in workers {
        let sample = worker
            .await
            .map_err(|e| format!("a client task failed: {e}"))??;
        total.merge(sample);
    }
    total.elapsed = start.elapsed();
    Ok(total)
}

/// One keep-alive connection sending requests back to back until `deadline`.
async fn connection(target: Target, deadline: Instant) -> Result<Sample, String> {
    let io_error = |e: &dyn std::fmt::Display| format!("{} {}: {e}", target.addr, target.path);
    let stream = tokio::net::TcpStream::connect(target.addr)
        .await
        .map_err(|e| io_error(&e))?;
    stream.set_nodelay(true).map_err(|e| io_error(&e))?;
    let (mut sender, driver) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| io_error(&e))?;
    let driver = tokio::spawn(driver);
    let mut sample = Sample::default();
    while Instant::now() < deadline {
        sender.ready().await.map_err(|e| io_error(&e))?;
        let request = request(&target).map_err(|e| io_error(&e))?;
        let sent = Instant::now();
        let answer = sender
            .send_request(request)
            .await
            .map_err(|e| io_error(&e))?;
        let status = answer.status();
        let body = answer
            .into_body()
            .collect()
            .await
            .map_err(|e| io_error(&e))?
            .to_bytes();
        let micros = u32::try_from(sent.elapsed().as_micros()).unwrap_or(u32::MAX);
        sample.requests += 1;
        sample.latencies_us.push(micros);
        let has_text =
            std::str::from_utf8(&body).is_ok_and(|text| text.contains(target.must_contain));
        if status != http::StatusCode::OK || !has_text {
            sample.failures += 1;
            sample.first_failure.get_or_insert_with(|| {
                format!(
                    "GET {} answered {status} with {} bytes{}",
                    target.path,
                    body.len(),
                    if has_text {
                        ""
                    } else {
                        ", without the expected text"
                    }
                )
            });
        }
    }
    drop(sender);
    driver.abort();
    Ok(sample)
}

/// A browser-like first visit: no cookie, German preferred.
fn request(target: &Target) -> Result<http::Request<Empty<Bytes>>, http::Error> {
    http::Request::get(target.path)
        .header(http::header::HOST, target.addr.to_string())
        .header(http::header::ACCEPT, "text/html,application/xhtml+xml")
        .header(http::header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9,en;q=0.5")
        .header(http::header::USER_AGENT, "derma-consent-bench")
        .body(Empty::new())
}

/// One GET on a fresh connection, for the files of the first load.
pub async fn get_once(
    addr: SocketAddr,
    path: &str,
    accept_encoding: &str,
) -> Result<(http::StatusCode, http::HeaderMap, Bytes), String> {
    let failed = |e: &dyn std::fmt::Display| format!("GET {path}: {e}");
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|e| failed(&e))?;
    let (mut sender, driver) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| failed(&e))?;
    let driver = tokio::spawn(driver);
    let request = http::Request::get(path)
        .header(http::header::HOST, addr.to_string())
        .header(http::header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9,en;q=0.5")
        .header(http::header::ACCEPT_ENCODING, accept_encoding)
        .body(Empty::<Bytes>::new())
        .map_err(|e| failed(&e))?;
    let answer = sender.send_request(request).await.map_err(|e| failed(&e))?;
    let (parts, body) = answer.into_parts();
    let body = body.collect().await.map_err(|e| failed(&e))?.to_bytes();
    driver.abort();
    Ok((parts.status, parts.headers, body))
}
