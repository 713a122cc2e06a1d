// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) next to every WASM,
// JS and CSS file under a folder, or with `--remove` deletes them again.
//
// The server's file handler (leptos_axum, tower-http ServeDir) sends such a file instead of the
// original to a browser that accepts the encoding, so a patient's phone downloads the bundle
// compressed without the server compressing anything per request. A compressed copy that is
// older than its original would be sent instead of the new file, so scripts/build-bundles
// writes them only for release builds, after every file is final, and removes them from debug
// builds; the server removes at start any copy whose original changed since.
//
//   node scripts/precompress.mjs target/site/pkg           write them
//   node scripts/precompress.mjs --remove target/site/pkg  delete them
import { readdirSync, readFileSync, writeFileSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const remove = args[0] === "--remove";
const root = remove ? args[1] : args[0];
if (!root) {
    console.error("usage: node scripts/precompress.mjs [--remove] <folder>");
    process.exit(2);
}

const compressible = /\.(wasm|js|css)$/;
const compressed = /\.(br|gz)$/;

function* files(folder) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) yield* files(path);
        else if (entry.isFile()) yield path;
    }
}

let count = 0;
let before = 0;
let after = 0;
for (const path of [...files(root)]) {
    if (compressed.test(path)) {
        if (remove) {
            rmSync(path);
            count += 1;
        }
        continue;
    }
    if (remove || !compressible.test(path)) continue;
    const bytes = readFileSync(path);
    const br = brotliCompressSync(bytes, {
        params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_LGWIN]: 24,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
    });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    // The same modification time on the original and its copies, so that caches validate them
    // alike and the server can tell a copy of this very file (server::assets removes any other
    // at start). Set on the original too: a Date holds milliseconds, the file system finer.
    const { atime, mtime } = statSync(path);
    for (const file of [path, `${path}.br`, `${path}.gz`]) utimesSync(file, atime, mtime);
    count += 1;
    before += bytes.length;
    after += br.length;
}

if (remove) {
    if (count) console.log(`precompress: removed ${count} compressed copies under ${root}`);
} else {
    const kb = (n) => (n / 1000).toFixed(1);
    console.log(`precompress: ${count} files under ${root}, ${kb(before)} KB → ${kb(after)} KB brotli`);
}
