//! The compressed copies that a release build writes next to the bundle
//! (scripts/precompress.mjs, run by scripts/build-bundles --release) are what the server sends
//! to a browser that accepts them, with the original's type and caching; anyone else gets the
//! original.

use std::process::Command;

use crate::support::*;

/// A site folder with a bundle of its own, compressed by the project's script.
fn compressed_site() -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let site = std::env::temp_dir().join(format!("derma-site-{}", uuid::Uuid::new_v4()));
    let pkg = site.join("pkg");
    std::fs::create_dir_all(pkg.join("pdf")).expect("site folder");
    // Compressible, like a real bundle: long repeated runs.
    let wasm: Vec<u8> = b"\0asm\x01\0\0\0"
        .iter()
        .copied()
        .chain((0..20_000u32).map(|i| u8::try_from(i % 7).unwrap_or(0)))
        .collect();
    std::fs::write(pkg.join("bundle.wasm"), &wasm).expect("wasm");
    std::fs::write(pkg.join("bundle.js"), "export default 1;\n".repeat(200)).expect("js");
    std::fs::write(
        pkg.join("pdf/pdf.js"),
        "export const pdf = 2;\n".repeat(200),
    )
    .expect("js");
    let status = Command::new("node")
        .arg(root.join("scripts/precompress.mjs"))
        .arg(&pkg)
        .status()
        .expect("node runs scripts/precompress.mjs");
    assert!(status.success());
    site
}

async fn get_bytes(router: Router, path: &str, accept: Option<&str>) -> (Answer, Vec<u8>) {
    let mut request = Request::get(path);
    if let Some(accept) = accept {
        request = request.header(header::ACCEPT_ENCODING, accept);
    }
    let response = router
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    let answer = Answer {
        status,
        headers,
        body: String::new(),
    };
    (answer, bytes.to_vec())
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_browser_accepting_brotli_gets_the_brotli_copy_and_others_the_original(pool: PgPool) {
    let site = compressed_site();
    // The script's copies are recognised as current by the check the server runs at start.
    assert_eq!(
        server::assets::remove_stale_copies(&site, "pkg").expect("checked"),
        0
    );
    let router = router_with_site(pool, site.to_str().expect("utf-8 path"));
    for (path, content_type) in [
        ("/pkg/bundle.wasm", "application/wasm"),
        ("/pkg/bundle.js", "text/javascript"),
        ("/pkg/pdf/pdf.js", "text/javascript"),
    ] {
        let original = std::fs::read(site.join(&path[1..])).expect("original");
        let (plain, plain_bytes) = get_bytes(router.clone(), path, None).await;
        assert_eq!(plain.status, StatusCode::OK, "{path}");
        assert_eq!(header_or_none(&plain, "content-encoding"), None, "{path}");
        assert_eq!(plain_bytes, original, "{path}");
        assert_eq!(header(&plain, "vary"), "accept-encoding", "{path}");

        let (br, br_bytes) = get_bytes(router.clone(), path, Some("gzip, deflate, br")).await;
        assert_eq!(br.status, StatusCode::OK, "{path}");
        assert_eq!(header(&br, "content-encoding"), "br", "{path}");
        assert!(
            header(&br, "content-type").starts_with(content_type),
            "{path}: {}",
            header(&br, "content-type")
        );
        assert_eq!(header(&br, "cache-control"), "no-cache", "{path}");
        assert_eq!(header(&br, "vary"), "accept-encoding", "{path}");
        assert!(br_bytes.len() * 4 < original.len(), "{path}: compressed");
        assert_eq!(
            br_bytes,
            std::fs::read(site.join(format!("{}.br", &path[1..]))).expect("copy"),
            "{path}"
        );

        let (gz, _) = get_bytes(router.clone(), path, Some("gzip")).await;
        assert_eq!(header(&gz, "content-encoding"), "gzip", "{path}");
    }
    let _ = std::fs::remove_dir_all(&site);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn removed_copies_are_no_longer_sent(pool: PgPool) {
    let site = compressed_site();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let status = Command::new("node")
        .arg(root.join("scripts/precompress.mjs"))
        .arg("--remove")
        .arg(site.join("pkg"))
        .status()
        .expect("node runs scripts/precompress.mjs");
    assert!(status.success());
    let router = router_with_site(pool, site.to_str().expect("utf-8 path"));
    let (answer, bytes) = get_bytes(router, "/pkg/bundle.js", Some("br")).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(header_or_none(&answer, "content-encoding"), None);
    assert_eq!(
        bytes,
        std::fs::read(site.join("pkg/bundle.js")).expect("original")
    );
    let _ = std::fs::remove_dir_all(&site);
}
