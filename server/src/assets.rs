//! The compressed copies of the built assets (`<file>.br`, `<file>.gz`, written by
//! scripts/precompress.mjs with the modification time of their original). The file handler
//! sends such a copy instead of the original to a browser that accepts its encoding, so a copy
//! left from an earlier build would deliver an old bundle with new HTML, and hydration fails.
//! That happens when something rebuilds the site without the project's scripts (a bare
//! `cargo leptos build` after a release build): at start the server removes every copy whose
//! original is gone or has another modification time. (A rebuild while the server runs, as
//! `cargo leptos watch` does for CSS, is not noticed until the next start.)

use std::path::{Path, PathBuf};

use crate::StartupError;

/// Removes stale compressed copies under `<site_root>/<pkg_dir>`; answers how many. A copy
/// that cannot be removed stops the start: serving it would break the pages.
pub fn remove_stale_copies(site_root: &Path, pkg_dir: &str) -> Result<usize, StartupError> {
    let pkg = site_root.join(pkg_dir);
    let mut removed = 0;
    for copy in copies(&pkg) {
        if is_current(&copy) {
            continue;
        }
        match std::fs::remove_file(&copy) {
            Ok(()) => removed += 1,
            // Another server starting on the same folder was quicker.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(StartupError::Assets(format!(
                    "{} is older than its original and cannot be removed: {e}",
                    copy.display()
                )))
            }
        }
    }
    if removed > 0 {
        tracing::warn!(
            removed,
            "compressed asset copies from an earlier build removed (scripts/build-bundles --release writes them anew)"
        );
    }
    Ok(removed)
}

/// Every `.br` and `.gz` file under `folder` (none when it does not exist).
fn copies(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => folders.push(path),
                Ok(t) if t.is_file() && is_copy(&path) => found.push(path),
                _ => {}
            }
        }
    }
    found
}

fn is_copy(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz"))
}

/// Whether the copy's original exists and has the copy's modification time.
fn is_current(copy: &Path) -> bool {
    let original = copy.with_extension("");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(&original), modified(copy)) {
        (Some(original), Some(copy)) => original == copy,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::fs::{self, File};
    use std::time::{Duration, SystemTime};

    fn write(path: &std::path::Path, modified: SystemTime) {
        fs::write(path, b"bytes").expect("write");
        File::options()
            .write(true)
            .open(path)
            .and_then(|f| f.set_modified(modified))
            .expect("set mtime");
    }

    #[test]
    fn copies_of_another_build_are_removed_and_current_ones_kept() {
        let site = std::env::temp_dir().join(format!("derma-assets-{}", uuid::Uuid::new_v4()));
        let pkg = site.join("pkg");
        fs::create_dir_all(pkg.join("pdf")).expect("folders");
        let built = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_007);
        let rebuilt = built + Duration::from_mins(1);
        // A release build's copies, then a rebuild of the bundle without new copies.
        for name in [
            "app.css",
            "app.css.br",
            "app.css.gz",
            "pdf/pdf.js",
            "pdf/pdf.js.br",
        ] {
            write(&pkg.join(name), built);
        }
        write(&pkg.join("app.wasm.br"), built);
        write(&pkg.join("app.wasm"), rebuilt);
        // A copy whose original is gone.
        write(&pkg.join("old.js.gz"), built);

        let removed = super::remove_stale_copies(&site, "pkg").expect("removed");
        assert_eq!(removed, 2);
        for kept in ["app.css.br", "app.css.gz", "pdf/pdf.js.br", "app.wasm"] {
            assert!(pkg.join(kept).exists(), "{kept} kept");
        }
        for gone in ["app.wasm.br", "old.js.gz"] {
            assert!(!pkg.join(gone).exists(), "{gone} removed");
        }
        assert_eq!(super::remove_stale_copies(&site, "pkg").expect("again"), 0);
        assert_eq!(
            super::remove_stale_copies(&site.join("missing"), "pkg").expect("no site"),
            0
        );
        let _ = fs::remove_dir_all(&site);
    }
}
