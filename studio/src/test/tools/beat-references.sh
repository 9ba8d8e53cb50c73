#!/bin/bash
# Recomputes the reference beats of the real-music evaluation set (resources/beats/excerpts.tsv)
# with aubio and the Queen Mary tracker, and re-encodes the small subset kept in the repository.
# Given excerpt ids as arguments, recomputes only those. The metre column (beats per bar, 4 when
# absent) sets the QM tracker's bar length.
# Needs: apt-get install aubio-tools libqm-dsp-dev g++ ffmpeg, and the packages named in the set.
# The exact-truth set (resources/beats/midi.tsv) has no references to compute, its MIDI files
# write them; the bench needs: apt-get install openttd-openmsx planetblupi-music-midi fluid-soundfont-gm
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
beats="$here/../resources/beats"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
g++ -O2 -o "$work/qm_beats" "$here/qm-beats/qm_beats.cpp" -I/usr/include/qm-dsp -lqm-dsp
# aubio reports beats 8 ms early on click tracks (its hop latency); the QM host corrects its own
aubio_latency=0.008
# the excerpts kept as audio, first 20 s of each, for the fast test in the build
subset=" singularity-by-product warzone-track9 hyperrogue-hr3-mirror blupi-music004 "

grep -v '^#' "$beats/excerpts.tsv" | while IFS=$'\t' read -r id package file offset seconds licence metre; do
  if [[ $# -gt 0 && " $* " != *" $id "* ]]; then continue; fi
  header="# $id: $package $file from ${offset} s for ${seconds} s; licence $licence"
  ffmpeg -nostdin -v error -y -ss "$offset" -t "$seconds" -i "$file" -ac 1 -ar 44100 "$work/$id.wav"
  { echo "$header; aubio beat"
    aubio beat "$work/$id.wav" | awk -v l=$aubio_latency '{printf "%.4f\n", $1 + l}'
  } > "$beats/$id.aubio.txt"
  { echo "$header; Queen Mary bar-and-beat tracker (time, position in bar)"
    ffmpeg -nostdin -v error -i "$work/$id.wav" -f f32le -ac 1 -ar 44100 - | "$work/qm_beats" "${metre:-4}" 2>/dev/null
  } > "$beats/$id.qm.txt"
  if [[ "$subset" == *" $id "* ]]; then
    ffmpeg -nostdin -v error -y -i "$work/$id.wav" -t 20 -c:a libopus -b:a 48k -ac 1 "$beats/$id.opus"
  fi
  echo "$id"
done
