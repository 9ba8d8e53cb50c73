// Reference beats from the Queen Mary bar-and-beat tracker (qm-dsp), set up as the
// qm-vamp-plugins "Bar and Beat Tracker" sets it up: complex spectral difference onsets with
// 512-sample steps at 44.1 kHz, TempoTrackV2 (alpha 0.9, tightness 4), DownBeat with 4 beats
// a bar (or as many as the first argument says: 3 for waltzes). Reads mono float32 samples at
// 44100 Hz on stdin; prints "seconds bar-position" a line, and on stderr how much more the
// spectrum changes on the chosen downbeats than on the other beats (the bar's contrast).
// Build: g++ -O2 -o qm_beats qm_beats.cpp -I/usr/include/qm-dsp -lqm-dsp
#include <dsp/onsets/DetectionFunction.h>
#include <dsp/tempotracking/DownBeat.h>
#include <dsp/tempotracking/TempoTrackV2.h>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char **argv) {
  const int beatsPerBar = argc > 1 ? atoi(argv[1]) : 4;
  const int rate = 44100, step = 512, block = 1024, decimation = 16;
  std::vector<float> audio;
  float buf[4096];
  size_t n;
  while ((n = fread(buf, sizeof(float), 4096, stdin)) > 0) audio.insert(audio.end(), buf, buf + n);

  DFConfig config;
  config.stepSize = step;
  config.frameLength = block;
  config.DFType = DF_COMPLEXSD;
  config.dbRise = 3;
  config.adaptiveWhitening = false;
  config.whiteningRelaxCoeff = -1;
  config.whiteningFloor = -1;
  DetectionFunction df(config);
  DownBeat down(rate, decimation, step);
  down.setBeatsPerBar(beatsPerBar);

  std::vector<double> onsets, frame(block);
  std::vector<float> stepBlock(step);
  for (size_t start = 0; start + block <= audio.size(); start += step) {
    for (int i = 0; i < block; i++) frame[i] = audio[start + i];
    onsets.push_back(df.processTimeDomain(frame.data()));
    for (int i = 0; i < step; i++) stepBlock[i] = audio[start + i];
    down.pushAudioBlock(stepBlock.data());
  }
  size_t nonZero = onsets.size();
  while (nonZero > 0 && onsets[nonZero - 1] <= 0) nonZero--;
  if (nonZero <= 2) return 0;
  // the plugin drops the first two onset values, which see the start-up transient
  std::vector<double> usable(onsets.begin() + 2, onsets.begin() + nonZero);
  std::vector<double> period(usable.size(), 0.0), tempi, beats;
  TempoTrackV2 tracker(rate, step);
  tracker.calculateBeatPeriod(usable, period, tempi, 120.0, false);
  tracker.calculateBeats(usable, period, beats, 0.9, 4.0);
  size_t length = 0;
  const float *low = down.getBufferedAudio(length);
  std::vector<int> downbeats;
  down.findDownBeats(low, length, beats, downbeats);
  std::vector<double> sd;
  down.getBeatSD(sd);
  if (!sd.empty()) {
    // the strongest phase's mean change over the mean change of all beats
    double all = 0, best = 0;
    for (double v : sd) all += v;
    for (int p = 0; p < beatsPerBar; p++) {
      double on = 0;
      int count = 0;
      for (size_t i = p; i < sd.size(); i += beatsPerBar) { on += sd[i]; count++; }
      if (count > 0 && on / count > best) best = on / count;
    }
    fprintf(stderr, "contrast %d %.3f\n", beatsPerBar, all > 0 ? best / (all / sd.size()) : 0.0);
  }
  std::vector<int> position(beats.size(), 0);
  for (size_t d = 0; d < downbeats.size(); d++) {
    for (size_t i = downbeats[d], k = 1; i < beats.size() && (d + 1 == downbeats.size() || i < (size_t) downbeats[d + 1]); i++, k++) position[i] = k;
  }
  // onset value k (after the two dropped) is that of the block starting at (k + 2) * step;
  // on click tracks that start is 6 ms after the click, a latency taken out here
  for (size_t i = 0; i < beats.size(); i++) {
    printf("%.4f %d\n", (beats[i] + 2) * step / (double) rate - 0.006, position[i]);
  }
  return 0;
}
