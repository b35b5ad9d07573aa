#!/usr/bin/env bash
# Whole-process speed and memory, side by side, the way users run the tools: one `scenecut detect` per file (default
# settings, scenes on), PySceneDetect's `detect-adaptive` (../shared/peers) and `ffmpeg -f null` (decoding alone, the
# floor), interleaved round by round on the same files so that the machine's drift hits all three alike. Prints the
# median wall time, CPU time and peak memory of each and the ratios.
#
# Usage: scripts/speed-side-by-side.sh [<shared data dir>] [<work dir>] [<rounds>]
#        (defaults: ../shared/data beside the clone, /tmp/scenecut-speed, 3)
# The loops (Megamind.avi of the shared clips looped to 2880 frames, H.264 at 720p and 1080p) are made once in the
# work dir; the 2 s clip is realshort.mp4. Needs /usr/bin/time, ffmpeg and the peer's Python packages (peers/README.md).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="$(cd "${1:-$root/../shared/data}" && pwd)"
work="${2:-/tmp/scenecut-speed}"
rounds="${3:-3}"
peer="$(cd "$data/.." && pwd)/peers/pyscenedetect"
mkdir -p "$work/out"

dotnet build "$root/SceneCut.sln" -c Release -m:1 >/dev/null
scenecut="$root/src/SceneCut.Cli/bin/Release/net10.0/scenecut"

for size in 1280x720 1920x1080; do
    loop="$work/loop-${size#*x}p.mp4"
    [ -f "$loop" ] || ffmpeg -v error -y -stream_loop 10 -i "$data/clips/Megamind.avi" -frames:v 2880 \
        -vf "scale=${size/x/:}" -c:v libx264 -preset veryfast -pix_fmt yuv420p -an "$loop"
done
files=("$work/loop-720p.mp4" "$work/loop-1080p.mp4" "$data/clips/realshort.mp4")

# One measurement: "<wall s> <cpu s> <peak KB>" appended to $work/<file>.<tool>.
measure() {
    local record=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
        echo "failed: $* (stderr in $work/stderr.txt)" >&2; exit 1; }
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time.txt" >> "$record"
}

rm -f "$work"/*.scenecut "$work"/*.pyscenedetect "$work"/*.ffmpeg
for round in $(seq "$rounds"); do
    for file in "${files[@]}"; do
        name="$work/$(basename "$file")"
        measure "$name.scenecut" "$scenecut" detect "$file" -o "$work/out/result.json"
        measure "$name.pyscenedetect" env PYTHONPATH="$peer" /usr/bin/python3 -m scenedetect -q -i "$file" \
            detect-adaptive list-scenes -q -o "$work/out"
        measure "$name.ffmpeg" ffmpeg -v error -i "$file" -an -f null -
    done
    echo "round $round of $rounds done" >&2
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_median() { cut -d' ' -f"$2" "$1" | median; }

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, medians of $rounds interleaved rounds"
printf '%-18s %-14s %8s %8s %9s\n' file tool "wall s" "CPU s" "peak MB"
for file in "${files[@]}"; do
    name="$work/$(basename "$file")"
    for tool in scenecut pyscenedetect ffmpeg; do
        printf '%-18s %-14s %8.2f %8.2f %9.0f\n' "$(basename "$file")" "$tool" \
            "$(column_median "$name.$tool" 1)" "$(column_median "$name.$tool" 2)" "$(echo "$(column_median "$name.$tool" 3) / 1024" | bc -l)"
    done
done
echo
printf '%-18s %26s %26s %18s\n' file "PySceneDetect/SceneCut wall" "SceneCut/ffmpeg CPU" "SceneCut peak MB"
for file in "${files[@]}"; do
    name="$work/$(basename "$file")"
    printf '%-18s %25.2fx %25.2fx %18.0f\n' "$(basename "$file")" \
        "$(echo "$(column_median "$name.pyscenedetect" 1) / $(column_median "$name.scenecut" 1)" | bc -l)" \
        "$(echo "$(column_median "$name.scenecut" 2) / $(column_median "$name.ffmpeg" 2)" | bc -l)" \
        "$(echo "$(column_median "$name.scenecut" 3) / 1024" | bc -l)"
done
