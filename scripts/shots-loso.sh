#!/usr/bin/env bash
# Reproduces the learned shot model and its leave-one-source-out table (models/shot-model.md) in one command:
# trains models/shot-model.scm with `scenecut train-shots --loso`, runs PySceneDetect (adaptive) on the same videos,
# and scores every detector with the reference scorer. Nothing from the data folder is copied into the repository.
#
# Usage: scripts/shots-loso.sh [<shared data dir>] [<work dir>]
#        (defaults: ../shared/data beside the clone, /tmp/scenecut-shots-loso)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data}"
work="${2:-/tmp/scenecut-shots-loso}"
peers="$(cd "$data/.." && pwd)/peers"
scorer="$(cd "$data/.." && pwd)/tools/score_real.py"
mkdir -p "$work/pyscenedetect"

dotnet build "$root/SceneCut.sln" -c Release -m:1 >/dev/null
"$root/src/SceneCut.Cli/bin/Release/net10.0/scenecut" train-shots --real "$data/real" --truth "$data/truth" \
    --out "$root/models/shot-model.scm" --cache "$work/frames" --loso "$work/loso" | tee "$work/train-shots.txt"

for truth in "$data"/real/*.truth.json; do
    name="$(basename "$truth" .truth.json)"
    video="$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['video'])" "$truth")"
    [ -f "$work/pyscenedetect/$name.json" ] || "$peers/run-pyscenedetect.sh" "$data/real/$video" "$work/pyscenedetect/$name.json" adaptive >/dev/null 2>&1
done

# off: thresholds only; learned: each source with the model and decoder choice made without it (the headline).
# (loso/add and loso/replace use the configured decoder settings, chosen over all folds: in-sample, not reported.)
for detector in off learned; do
    printf '%-28s ' "scenecut $detector"; python3 "$scorer" "$data/real" "$work/loso/$detector" --json | python3 -c \
        "import json,sys; s=json.load(sys.stdin)['shots']; print('F1@2 %.3f  P %.3f  R %.3f  cut recall %.3f  gradual recall %.3f' % (s['f1'], s['precision'], s['recall'], s['cut_recall'], s['gradual_recall']))"
done
printf '%-28s ' "pyscenedetect adaptive"; python3 "$scorer" "$data/real" "$work/pyscenedetect" --json | python3 -c \
    "import json,sys; s=json.load(sys.stdin)['shots']; print('F1@2 %.3f  P %.3f  R %.3f  cut recall %.3f  gradual recall %.3f' % (s['f1'], s['precision'], s['recall'], s['cut_recall'], s['gradual_recall']))"
