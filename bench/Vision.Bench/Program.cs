using LiveRoom.Vision.Bench;

// make bench-vision (issue 5): LiveRoom's vision analysis fed by ffmpeg against ffmpeg's signalstats, same frames, same scale.
return await VisionBenchmark.RunAsync(CancellationToken.None);
