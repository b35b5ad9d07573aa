#!/usr/bin/env bash
# Files per minute over a folder, scenes on: `scenecut batch` with 1 and 2 files in parallel (models loaded once per
# process), against PySceneDetect's `detect-adaptive` run once per file as its users script it. Each run starts from an
# empty output folder and ledger; prints wall time, files per minute, CPU time and peak memory.
#
# Usage: scripts/batch-throughput.sh [<folder of videos>] [<work dir>]
#        (defaults: the 33 real videos of ../shared/data/real/media, /tmp/scenecut-batch)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
folder="$(cd "${1:-$root/../shared/data/real/media}" && pwd)"
work="${2:-/tmp/scenecut-batch}"
peer="$(cd "$root/../shared/peers/pyscenedetect" && pwd)"
mkdir -p "$work"

dotnet build "$root/SceneCut.sln" -c Release -m:1 >/dev/null
scenecut="$root/src/SceneCut.Cli/bin/Release/net10.0/scenecut"
mapfile -t videos < <(find "$folder" -maxdepth 1 -type f | sort)

report() {
    awk -v label="$1" -v n="${#videos[@]}" '{ printf "%-28s %8.1f %10.1f %9.1f %9.0f\n", label, $1, n * 60 / $1, $2 + $3, $4 / 1024 }' "$work/time.txt"
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, ${#videos[@]} files in $folder"
printf '%-28s %8s %10s %9s %9s\n' run "wall s" "files/min" "CPU s" "peak MB"
for parallel in 1 2; do
    rm -rf "$work/batch-$parallel"
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$scenecut" batch "$folder" -o "$work/batch-$parallel" -j "$parallel" >/dev/null 2>"$work/stderr.txt"
    report "scenecut batch -j $parallel"
done

rm -rf "$work/pyscenedetect"
mkdir -p "$work/pyscenedetect"
/usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" bash -c '
    peer=$1; out=$2; shift 2
    for video in "$@"; do
        PYTHONPATH="$peer" /usr/bin/python3 -m scenedetect -q -i "$video" detect-adaptive list-scenes -q -o "$out" >/dev/null 2>&1 || echo "PySceneDetect failed on $video" >&2
    done' _ "$peer" "$work/pyscenedetect" "${videos[@]}"
report "PySceneDetect, one per file"
