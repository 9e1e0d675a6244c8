using System.Globalization;
using LiveRoom.Runtime.Processes;

namespace LiveRoom.Probe.Bench;

/// <summary>
/// Issue 4's benchmark, both sides in the same run on the same file: (a) CPU seconds of <c>liveroom-probe check
/// --duration 60s</c> monitoring a 60 s 1920x1080 30 fps H.264 ~4.5 Mbit/s + AAC stream in real time (the probe
/// process plus its ffmpeg reader: every metric of items 2–4), the file played live into a loopback socket by a
/// separate feeder that stands in for the encoder (<see cref="LiveFeed"/>), (b) CPU seconds of <c>ffmpeg -t 60 -i SRC -f null -</c>, a
/// full decode of the same 60 s (the median of three: one before the probe, two after). The file runs 10 s longer
/// (<see cref="Tail"/>): the check measures its 60 s from the first packet, and a stream that ended inside it (the
/// probe's start-up takes a second or two) would have the probe try to reconnect, starting new readers the run would
/// count as monitoring. CPU is the user+system time
/// of the waited-for children as bash's <c>times</c> reports it (it includes grandchildren the child waited for). Last line: <c>probe_cpu_ratio X</c> = a / b.
/// </summary>
internal static class ProbeBenchmark
{
    private const int Seconds = 60;

    /// <summary>Seconds of stream beyond the measured 60, so the encoder is still sending when the check ends.</summary>
    private const int Tail = 10;

    /// <summary>When the probe counts as started: ffmpeg's start, any JIT and the first checks are behind it.</summary>
    private static readonly TimeSpan SettledAfter = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var dir = Path.Combine(Path.GetTempPath(), "liveroom-probe-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            // Arguments: [--probe PATH] [FILE] [tcp|srt|file]: the probe executable to measure (make bench-probe passes the
            // native one that ships, decision 0018; default the apphost built next to the bench), a ready stream file (at least 70 s),
            // and how it reaches the probe (see LiveFeed).
            var probe = Path.Combine(AppContext.BaseDirectory, "liveroom-probe");
            if (args is ["--probe", var path, .. var rest])
            {
                probe = Path.GetFullPath(path);
                args = rest;
            }

            if (!File.Exists(probe))
            {
                await Console.Error.WriteLineAsync($"--probe {probe}: no such file (make probe-native publishes it)").ConfigureAwait(false);
                return 2;
            }

            var transport = args.Length > 1 ? args[1] : "tcp";
            if (!LiveFeed.Transports.Contains(transport))
            {
                await Console.Error.WriteLineAsync($"transport '{transport}': expected one of {string.Join(", ", LiveFeed.Transports)}").ConfigureAwait(false);
                return 2;
            }

            var source = args.Length > 0 ? args[0] : await MakeStreamAsync(dir, cancellationToken).ConfigureAwait(false);
            Print($"probe {probe} ({(IsNative(probe) ? "native executable" : ".NET apphost, JIT-compiled")})");
            Print($"stream {source}");
            var decodes = new List<double> { await FullDecodeAsync(source, cancellationToken).ConfigureAwait(false) };
            double probeCpu, ownCpu, steady;
            long probeRss, readerRss;
            string report;
            await using (var feed = await LiveFeed.StartAsync(source, transport, cancellationToken).ConfigureAwait(false))
            {
                Print($"probe_source {feed.Url} ({transport}: the file played live by a separate feeder process, not counted)");
                (probeCpu, probeRss, readerRss, ownCpu, steady, report) = await MeasureAsync(probe, ["check", "--source", feed.Url, "--duration", $"{Seconds}s", "--json"], watchRss: true, cancellationToken).ConfigureAwait(false);
            }

            Print($"probe_check_result {Result(report)}");
            Print($"probe_cpu_s {probeCpu:0.000}");
            Print($"probe_own_cpu_s {ownCpu:0.000} (the .NET process alone, last poll before exit; the rest is its ffmpeg reader: {probeCpu - ownCpu:0.000})");
            Print($"probe_peak_rss_mb {probeRss / 1024.0:0.0}");
            Print($"reader_peak_rss_mb {readerRss / 1024.0:0.0} (its ffmpeg reader; probe and reader together at most {(probeRss + readerRss) / 1024.0:0.0})");

            // The baseline is the noisier side on a shared machine (one decode measured 6.7 to 8.1 CPU s between runs of
            // an hour): it is measured once before the probe and twice after, and the median is used.
            decodes.Add(await FullDecodeAsync(source, cancellationToken).ConfigureAwait(false));
            decodes.Add(await FullDecodeAsync(source, cancellationToken).ConfigureAwait(false));
            var decodeCpu = decodes.Order().ElementAt(1);
            Print($"full_decode_cpu_s {decodeCpu:0.000} (median of {string.Join(", ", decodes.Select(d => d.ToString("0.000", CultureInfo.InvariantCulture)))}: one decode before the probe, two after)");
            // For the reader, not the result: a probe runs for days, so after its start-up it costs this per minute.
            Print($"probe_steady_cpu_s_per_min {steady * 60:0.000} (probe and reader from {SettledAfter.TotalSeconds:0} s to the end; start-up, mostly ffmpeg's own start (and the JIT in a JIT build), is the rest of probe_cpu_s)");
            Print($"probe_steady_cpu_ratio {steady * 60 / decodeCpu:0.000} (a minute at the steady rate / full decode)");
            Print($"probe_cpu_ratio {probeCpu / decodeCpu:0.000}");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>CPU seconds of <c>ffmpeg -t 60 -i SRC -f null -</c>: every track of the measured 60 s decoded, nothing written.</summary>
    private static async Task<double> FullDecodeAsync(string source, CancellationToken cancellationToken) =>
        (await MeasureAsync("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-t", Seconds.ToString(CultureInfo.InvariantCulture), "-i", source, "-f", "null", "-"], watchRss: false, cancellationToken).ConfigureAwait(false)).Cpu;

    private static async Task<string> MakeStreamAsync(string dir, CancellationToken cancellationToken)
    {
        var path = Path.Combine(dir, "bench-1080p30.ts");
        var s = (Seconds + Tail).ToString(CultureInfo.InvariantCulture);

        // What a studio encoder sends: x264 veryfast CBR 4.5 Mbit/s, keyframe every 2 s, AAC 128k (speech-like tone).
        (await ProcessRunner.RunAsync(
            "ffmpeg",
            [
                "-hide_banner", "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", $"testsrc2=size=1920x1080:rate=30:duration={s}",
                "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={s}",
                "-c:v", "libx264", "-preset", "veryfast", "-b:v", "4500k", "-maxrate", "4500k", "-bufsize", "9000k", "-g", "60", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-shortest", "-f", "mpegts", path,
            ],
            TimeSpan.FromMinutes(10),
            cancellationToken).ConfigureAwait(false)).EnsureSuccess();
        return path;
    }

    /// <summary>
    /// Runs the program under bash and returns its CPU seconds (children included), its peak RSS (KiB), the largest peak
    /// RSS of any of its live children (KiB), its own CPU
    /// seconds without children (as last polled), the CPU seconds per second of it and its children from
    /// <see cref="SettledAfter"/> to the last poll (NaN without <paramref name="watchRss"/>) and its stdout.
    /// </summary>
    private static async Task<(double Cpu, long PeakRssKb, long ChildPeakRssKb, double OwnCpu, double SteadyCpuPerSecond, string Stdout)> MeasureAsync(string program, IReadOnlyList<string> arguments, bool watchRss, CancellationToken cancellationToken)
    {
        var pid = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stdout = new List<string>();
        var tail = new List<string>();

        // bash prints the program's pid on stderr, waits for it, then `times` (user and system time of its children).
        const string Script = "\"$0\" \"$@\" & echo \"pid $!\" >&2; wait $!; code=$?; times >&2; exit $code";
        await using var child = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "bench " + Path.GetFileName(program),
            FileName = "bash",
            Arguments = ["-c", Script, program, .. arguments],
            StdoutLine = line => { lock (stdout) { stdout.Add(line); } },
            StderrLine = line =>
            {
                if (line.StartsWith("pid ", StringComparison.Ordinal))
                {
                    pid.TrySetResult(int.Parse(line.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture));
                }

                lock (tail) { tail.Add(line); }
            },
        });
        long peak = 0, childPeak = 0;
        double own = 0;
        var id = await pid.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        (double At, double Cpu)? settled = null, last = null;
        while (!child.HasExited)
        {
            if (watchRss && ReadHighWaterMarkKb(id) is { } kb)
            {
                peak = Math.Max(peak, kb);
                var children = ChildrenOf(id);
                childPeak = Math.Max(childPeak, (children ?? []).Select(ReadHighWaterMarkKb).Max() ?? 0);
                own = ReadOwnCpuSeconds(id) ?? own;
                if (ReadTreeCpuSeconds(id, children) is { } tree)
                {
                    last = (clock.Elapsed.TotalSeconds, tree);
                    settled ??= clock.Elapsed >= SettledAfter ? last : null;
                }
            }

            await Task.WhenAny(child.Exited, Task.Delay(250, cancellationToken)).ConfigureAwait(false);
        }

        await child.Exited.ConfigureAwait(false);
        List<string> err;
        lock (tail)
        {
            err = [.. tail];
        }

        // `times`: line 1 the shell's own user/system time, line 2 its children's, e.g. "0m1.234s 0m0.456s".
        var times = err.Where(l => l.Contains("m", StringComparison.Ordinal) && l.EndsWith('s') && l.Split(' ').Length == 2).ToList();
        if (times.Count < 2)
        {
            throw new InvalidOperationException($"{program}: no CPU times (exit {child.ExitCode}): {string.Join(" | ", err.TakeLast(10))}");
        }

        var parts = times[^1].Split(' ');
        var steady = settled is { } a && last is { } b && b.At - a.At >= 10 ? (b.Cpu - a.Cpu) / (b.At - a.At) : double.NaN;
        lock (stdout)
        {
            return (ParseTimes(parts[0]) + ParseTimes(parts[1]), peak, childPeak, own, steady, string.Join('\n', stdout));
        }
    }

    /// <summary>utime + stime of the process, its live children (its ffmpeg reader) and the children it has waited for.</summary>
    private static double? ReadTreeCpuSeconds(int pid, List<int>? children)
    {
        if (ReadCpuTicks(pid, withWaited: true) is not { } total || children is null)
        {
            return null;
        }

        foreach (var child in children)
        {
            total += ReadCpuTicks(child, withWaited: true) ?? 0;
        }

        return total / 100.0;
    }

    /// <summary>The live children of <paramref name="pid"/>; null when it or one of its threads exited while being read.</summary>
    private static List<int>? ChildrenOf(int pid)
    {
        var children = new List<int>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                foreach (var text in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    children.Add(int.Parse(text, CultureInfo.InvariantCulture));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return children;
    }

    private static long? ReadCpuTicks(int pid, bool withWaited)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return withWaited ? ticks + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture) : ticks;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static double ParseTimes(string text)
    {
        var m = text.IndexOf('m', StringComparison.Ordinal);
        return (double.Parse(text.AsSpan(0, m), NumberStyles.Float, CultureInfo.InvariantCulture) * 60)
            + double.Parse(text.AsSpan(m + 1, text.Length - m - 2), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static long? ReadHighWaterMarkKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // Exited between the check and the read.
        }

        return null;
    }

    /// <summary>utime + stime of the process itself (fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s).</summary>
    private static double? ReadOwnCpuSeconds(int pid) => ReadCpuTicks(pid, withWaited: false) / 100.0;

    private static string Result(string json)
    {
        var at = json.LastIndexOf("\"status\"", StringComparison.Ordinal);
        return at < 0 ? "unknown" : json[(at + 8)..].Split('"', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) ?? "unknown";
    }

    /// <summary>A .NET apphost has its managed assembly beside it; the native executable is self-contained.</summary>
    private static bool IsNative(string probe) => !File.Exists(Path.ChangeExtension(probe, ".dll"));

    private static void Print(FormattableString line) => Console.Out.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
