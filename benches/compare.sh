#!/usr/bin/env bash
# dossier side by side with tantivy-cli and ripgrep: indexing throughput, peak memory,
# index size, and query latency (in-process, whole process, rg on the raw files).
#
# Usage: benches/compare.sh [SIZE_MB | CORPUS_PATH]...        (default: 10 100 1000)
#
#   SIZE_MB       a synthetic corpus of that many MB of article text, generated once by
#                 examples/gen_corpus.rs into $BENCH_DIR/c<SIZE>-s<SEED>/ (JSON Lines)
#   CORPUS_PATH   a real corpus (folder of .txt, or .jsonl): dossier and rg read it as is,
#                 tantivy-cli reads a JSON Lines conversion; queries are derived from it
#
# Environment:
#   BENCH_DIR           corpora and indexes           [/tmp/dossier-bench]
#   BENCH_SEED          generator seed                [7]
#   BENCH_THREADS       indexing threads, both tools  [2]
#   BENCH_RESULTS       markdown results file         [<target dir>/bench-results.md]
#   BENCH_RUNS          in-process runs per query     [200]
#   BENCH_PROCESS_RUNS  whole-process runs per query  [50]
#   BENCH_RG_RUNS       rg runs per query             [10]
#   TANTIVY             tantivy-cli binary  [tantivy on PATH, else /tmp/tantivy-cli/bin/tantivy,
#                       installed there with `cargo install tantivy-cli` when missing]
#
# tantivy-cli gets the same heap budget as dossier's writer (64 MB per thread) and a
# schema of title + body, stored, indexed with positions, default tokenizer.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BENCH_DIR=${BENCH_DIR:-/tmp/dossier-bench}
SEED=${BENCH_SEED:-7}
THREADS=${BENCH_THREADS:-2}
RUNS=${BENCH_RUNS:-200}
PROCESS_RUNS=${BENCH_PROCESS_RUNS:-50}
RG_RUNS=${BENCH_RG_RUNS:-10}
WRITER_MB_PER_THREAD=64
[ $# -gt 0 ] || set -- 10 100 1000
mkdir -p "$BENCH_DIR"

say() { echo "compare: $*" >&2; }

# --- Build -------------------------------------------------------------------------------
TARGET=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
RESULTS=${BENCH_RESULTS:-$TARGET/bench-results.md}
say "building (release)"
cargo build --release --quiet --bin dossier --example gen_corpus
LATENCY=$(cargo bench --quiet --bench search_latency --no-run --message-format=json 2>/dev/null |
    grep -o '"executable":"[^"]*search_latency[^"]*"' | tail -1 | sed 's/"executable":"\(.*\)"/\1/')
DOSSIER=$TARGET/release/dossier
GEN=$TARGET/release/examples/gen_corpus
[ -x "$LATENCY" ] || { say "cannot find the search_latency bench binary"; exit 2; }

# --- Tools -------------------------------------------------------------------------------
TANTIVY=${TANTIVY:-$(command -v tantivy || echo /tmp/tantivy-cli/bin/tantivy)}
if [ ! -x "$TANTIVY" ]; then
    say "installing tantivy-cli into /tmp/tantivy-cli (takes a few minutes)"
    # Not --locked: its lock file pins traitobject 0.1.0, which no longer compiles.
    if cargo install tantivy-cli --root /tmp/tantivy-cli --quiet; then
        TANTIVY=/tmp/tantivy-cli/bin/tantivy
    else
        say "tantivy-cli did not install; its columns stay empty"
        TANTIVY=
    fi
fi
TANTIVY_VERSION=$([ -n "$TANTIVY" ] && "$TANTIVY" --version 2>/dev/null | awk '{print $NF}' || true)
if ! command -v rg >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y -qq ripgrep >/dev/null 2>&1 || true
    fi
    command -v rg >/dev/null || cargo install ripgrep --root /tmp/ripgrep --quiet || true
    export PATH=$PATH:/tmp/ripgrep/bin
fi
command -v rg >/dev/null || say "ripgrep not available; no rg column"
TIME=/usr/bin/time
[ -x "$TIME" ] || say "/usr/bin/time missing (apt-get install time): no peak RSS"

# Runs a command, prints "SECONDS PEAK_RSS_KB" (RSS "-" without /usr/bin/time).
measure() {
    local log=$BENCH_DIR/time.log start end rss=-
    start=$(date +%s%N)
    if [ -x "$TIME" ]; then
        "$TIME" -v -o "$log" "$@" >/dev/null
        rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    else
        "$@" >/dev/null
    fi
    end=$(date +%s%N)
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }') $rss"
}

# Creates an empty tantivy index: title + body, stored, positions, default tokenizer.
tantivy_schema() { # INDEX_DIR
    rm -rf "$1" && mkdir -p "$1"
    local text='{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"default"},"stored":true,"fast":false}'
    printf '{"index_settings":{"docstore_compression":"lz4","docstore_blocksize":16384},"segments":[],"schema":[{"name":"title","type":"text","options":%s},{"name":"body","type":"text","options":%s}],"opstamp":0}\n' \
        "$text" "$text" >"$1/meta.json"
}

num() { awk -v x="$1" "BEGIN { printf \"$2\", $3 }"; }
verdict() { awk -v x="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == "ge") ? x >= t : x <= t; print ok ? "yes" : "**no**" }'; }

{
    echo "# dossier benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "$(nproc) CPUs, $THREADS indexing threads; dossier $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), tantivy-cli ${TANTIVY_VERSION:-n/a}, $(rg --version 2>/dev/null | head -1 || echo 'no rg')."
    echo
} >"$RESULTS"

for arg in "$@"; do
    if [[ $arg =~ ^[0-9]+([.][0-9]+)?$ ]]; then
        corpus=$BENCH_DIR/c$arg-s$SEED
        if [ ! -f "$corpus/manifest.tsv" ] || [ "$GEN" -nt "$corpus/manifest.tsv" ]; then
            say "generating $arg MB into $corpus"
            "$GEN" --mb "$arg" --seed "$SEED" --out "$corpus"
        fi
        inputs=("$corpus/jsonl")
        label="synthetic, $arg MB, seed $SEED"
    else
        [ -e "$arg" ] || { say "no such corpus: $arg"; exit 2; }
        src=$(realpath "$arg")
        corpus=$BENCH_DIR/conv-$(basename "$src" | tr -c 'A-Za-z0-9_.\n-' _)
        if [ ! -f "$corpus/manifest.tsv" ] || [ "$GEN" -nt "$corpus/manifest.tsv" ]; then
            say "converting $src into $corpus"
            "$GEN" --from "$src" --out "$corpus"
        fi
        inputs=("$src")
        label="$src"
    fi
    articles=$(awk '$1 == "articles" { print $2 }' "$corpus/manifest.tsv")
    bytes=$(awk '$1 == "text_bytes" { print $2 }' "$corpus/manifest.tsv")
    mb=$(num "$bytes" "%.1f" "x / 1e6")

    say "$label: dossier index"
    idx=$corpus.dossier-index
    rm -rf "$idx"
    read -r d_secs d_rss < <(measure "$DOSSIER" --index "$idx" index --threads "$THREADS" "${inputs[@]}")
    d_size=$(du -sb "$idx" | cut -f1)

    t_secs=- t_rss=- t_size=-
    if [ -n "$TANTIVY" ]; then
        say "$label: tantivy-cli index"
        tidx=$corpus.tantivy-index
        tantivy_schema "$tidx"
        # time -v reports the largest RSS of the pipeline's processes: tantivy's.
        read -r t_secs t_rss < <(measure bash -c 'cat "$1"/*.jsonl | "$0" index -i "$2" -t "$3" -m "$4"' \
            "$TANTIVY" "$corpus/jsonl" "$tidx" "$THREADS" $((WRITER_MB_PER_THREAD * THREADS * 1048576)))
        t_size=$(du -sb "$tidx" | cut -f1)
        t_docs=$(grep -o '"max_doc": *[0-9]*' "$tidx/meta.json" | awk -F: '{ n += $2 } END { print n + 0 }')
        [ "$t_docs" = "$articles" ] || say "WARNING: tantivy-cli indexed $t_docs documents of $articles"
    fi

    {
        echo "## $label: $articles articles, $mb MB of text"
        echo
        echo "| indexing | dossier | tantivy-cli | dossier / tantivy-cli | target | met |"
        echo "|---|---|---|---|---|---|"
        d_mbs=$(num "$bytes" "%.2f" "x / 1e6 / $d_secs")
        if [ "$t_secs" != - ]; then
            t_mbs=$(num "$bytes" "%.2f" "x / 1e6 / $t_secs")
            ratio=$(num "$d_mbs" "%.2f" "x / $t_mbs")
            echo "| wall time s | $d_secs | $t_secs | | | |"
            echo "| MB/s of text | $d_mbs | $t_mbs | ${ratio}x | ≥ 0.8x | $(verdict "$ratio" 0.8 ge) |"
            echo "| articles/s | $(num "$articles" "%.0f" "x / $d_secs") | $(num "$articles" "%.0f" "x / $t_secs") | | | |"
        else
            echo "| wall time s | $d_secs | - | | | |"
            echo "| MB/s of text | $d_mbs | - | - | ≥ 0.8x | - |"
            echo "| articles/s | $(num "$articles" "%.0f" "x / $d_secs") | - | | | |"
        fi
        d_rss_mb=$( [ "$d_rss" = - ] && echo - || num "$d_rss" "%.0f" "x / 1024")
        t_rss_mb=$( [ "$t_rss" = - ] && echo - || num "$t_rss" "%.0f" "x / 1024")
        echo "| peak RSS MB | $d_rss_mb | $t_rss_mb | | ≤ 512 | $( [ "$d_rss_mb" = - ] && echo - || verdict "$d_rss_mb" 512 le) |"
        d_ratio=$(num "$d_size" "%.2f" "x / $bytes")
        t_ratio=$( [ "$t_size" = - ] && echo - || num "$t_size" "%.2f" "x / $bytes")
        echo "| index / text | ${d_ratio}x | ${t_ratio}x | | ≤ 1.0x | $(verdict "$d_ratio" 1.0 le) |"
        echo
    } | tee -a "$RESULTS"

    say "$label: queries"
    rg_args=()
    for p in "${inputs[@]}"; do rg_args+=(--rg-path "$p"); done
    "$LATENCY" --index "$idx" --queries "$corpus/queries.tsv" --dossier "$DOSSIER" "${rg_args[@]}" \
        --runs "$RUNS" --process-runs "$PROCESS_RUNS" --rg-runs "$RG_RUNS" | tee -a "$RESULTS"
    echo | tee -a "$RESULTS"
done
say "results written to $RESULTS"
