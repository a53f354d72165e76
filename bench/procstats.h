#pragma once

// What the benchmarks read about processes: CPU time, peak memory, time spent waiting for a
// CPU. Linux's /proc; 0 elsewhere (the benchmarks then print the wall time only).
#include <QString>

namespace jl::bench {

// CPU seconds (user + system) of `pid`, and with `children` of its running children too
// (PostgreSQL's backends under the postmaster).
double cpuSecondsOf(qint64 pid, bool children = false);
// CPU seconds of this process.
double cpuSeconds();
// CPU milliseconds of the calling thread.
double threadCpuMs();
// Seconds the threads of `pid` ("self" for this process) were runnable but waiting for a
// CPU: on a shared machine, the part of the wall time other programs took.
double waitingSecondsOf(const QString &pid);
// This process's peak resident memory (VmHWM) in MB, and its reset to the current size.
double peakMegabytes();
void resetPeak();

} // namespace jl::bench
