using LiveRoom.Probe.Bench;

// make bench-probe: CPU of the full probe monitoring a 1080p30 stream in real time, against a full decode of it.
return await ProbeBenchmark.RunAsync(args, CancellationToken.None);
