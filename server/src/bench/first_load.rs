//! What a browser downloads on its first visit of `/c`: the files under `/pkg/` that the
//! page's HTML names (JS glue, WASM, CSS) and the JS modules the glue imports, each fetched
//! through the real router. Sizes raw and brotli-compressed at quality 11 (Node's zlib, so the
//! server needs no compression library for a figure only the bench uses).

use std::io::Write as _;
use std::net::SocketAddr;
use std::process::{Command, Stdio};

use super::load::get_once;

/// One file of the first load.
#[derive(Debug)]
pub struct File {
    pub path: String,
    pub raw: usize,
    pub brotli: usize,
    /// What this server sends a browser that accepts `br, gzip`, and in which encoding
    /// (`identity` unless precompressed `.br`/`.gz` files lie next to the file).
    pub sent: usize,
    pub served_as: String,
}

/// The `/pkg/` files the HTML references, then the modules the JS imports.
pub async fn files(addr: SocketAddr, html: &str) -> Result<Vec<File>, String> {
    let mut paths = pkg_paths(html);
    if !paths.iter().any(|p| is(p, "wasm")) || !paths.iter().any(|p| is(p, "js")) {
        return Err(format!(
            "the HTML of /c names no /pkg/ JS and WASM (found {paths:?}): was the site built?"
        ));
    }
    let mut files = Vec::new();
    let mut next = 0;
    while next < paths.len() {
        let path = paths[next].clone();
        next += 1;
        let (status, headers, sent) = get_once(addr, &path, "br, gzip").await?;
        if status != http::StatusCode::OK {
            return Err(format!(
                "GET {path} answered {status}: run `cargo leptos build --release` first"
            ));
        }
        let served_as = headers
            .get(http::header::CONTENT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("identity")
            .to_owned();
        let body = if served_as == "identity" {
            sent.clone()
        } else {
            get_once(addr, &path, "identity").await?.2
        };
        if is(&path, "js") {
            for import in js_imports(&path, &String::from_utf8_lossy(&body)) {
                if !paths.contains(&import) {
                    paths.push(import);
                }
            }
        }
        let brotli = brotli_size_of(body.to_vec()).await?;
        files.push(File {
            path,
            raw: body.len(),
            brotli,
            sent: sent.len(),
            served_as,
        });
    }
    Ok(files)
}

fn is(path: &str, extension: &str) -> bool {
    std::path::Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
}

/// Every distinct `/pkg/…` path in quotes, in order of appearance.
fn pkg_paths(html: &str) -> Vec<String> {
    let mut paths: Vec<String> = Vec::new();
    for (at, _) in html.match_indices("/pkg/") {
        let before = html[..at].chars().next_back();
        if !matches!(before, Some('"' | '\'')) {
            continue;
        }
        let rest = &html[at..];
        let end = rest.find(['"', '\'', '?', '#']).unwrap_or(rest.len());
        let path = rest[..end].to_owned();
        if !paths.contains(&path) {
            paths.push(path);
        }
    }
    paths
}

/// The relative modules a JS file imports (`from"./snippets/…js"`, `import("./…js")`),
/// resolved against its folder. Other quoted `./…js` strings (wasm-bindgen's import namespace
/// `"./<name>_bg.js"`) load nothing.
fn js_imports(js_path: &str, js: &str) -> Vec<String> {
    let folder = &js_path[..=js_path.rfind('/').unwrap_or(0)];
    let mut imports = Vec::new();
    for quote in ['"', '\''] {
        let opening = format!("{quote}./");
        for (at, _) in js.match_indices(&opening) {
            let before = js[..at].trim_end();
            if !(before.ends_with("from")
                || before.ends_with("import(")
                || before.ends_with("import"))
            {
                continue;
            }
            let rest = &js[at + opening.len()..];
            let Some(end) = rest.find(quote) else {
                continue;
            };
            let name = &rest[..end];
            if is(name, "js") && !name.contains(char::is_whitespace) {
                let path = format!("{folder}{name}");
                if !imports.contains(&path) {
                    imports.push(path);
                }
            }
        }
    }
    imports
}

/// The brotli-compressed size of `bytes` (Node runs off the async threads).
pub async fn brotli_size_of(bytes: Vec<u8>) -> Result<usize, String> {
    tokio::task::spawn_blocking(move || brotli_size(&bytes))
        .await
        .map_err(|e| e.to_string())?
}

/// Brotli quality 11 with a 16 MiB window (what `brotli -q 11` and precompression tools use).
fn brotli_size(bytes: &[u8]) -> Result<usize, String> {
    const SCRIPT: &str = "const z=require('zlib');const c=[];process.stdin.on('data',d=>c.push(d))\
        .on('end',()=>{const b=Buffer.concat(c);const o=z.brotliCompressSync(b,{params:{\
        [z.constants.BROTLI_PARAM_QUALITY]:11,[z.constants.BROTLI_PARAM_LGWIN]:24,\
        [z.constants.BROTLI_PARAM_SIZE_HINT]:b.length}});process.stdout.write(String(o.length))})";
    let mut node = Command::new("node")
        .args(["-e", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run node for the brotli sizes: {e} (install Node.js 20)"))?;
    let mut stdin = node.stdin.take().ok_or("node has no stdin")?;
    stdin.write_all(bytes).map_err(|e| format!("node: {e}"))?;
    drop(stdin);
    let output = node.wait_with_output().map_err(|e| format!("node: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    text.trim()
        .parse()
        .map_err(|_| format!("node did not print a brotli size (got {text:?})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quoted_pkg_paths_once() {
        let html = r#"<link rel="modulepreload" href="/pkg/a.js"><link rel="preload" href="/pkg/a.wasm">
            <script>import('/pkg/a.js').then(m => m.default({module_or_path: '/pkg/a.wasm'}))</script>
            <link rel="stylesheet" href="/pkg/a.css?v=1"> <p>see /pkg/not-a-link</p>"#;
        assert_eq!(pkg_paths(html), ["/pkg/a.js", "/pkg/a.wasm", "/pkg/a.css"]);
    }

    #[test]
    fn resolves_js_module_imports() {
        let js = r#"import{x}from"./snippets/app-1/inline0.js";import('./lazy.js');
            const s='./not-js.txt';function r(){return{"./a_bg.js":{}}}"#;
        assert_eq!(
            js_imports("/pkg/a.js", js),
            ["/pkg/snippets/app-1/inline0.js", "/pkg/lazy.js"]
        );
    }
}
