using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Detection;
using LiveRoom.Probe.Stream;

namespace LiveRoom.Probe.Check;

/// <summary>
/// <c>liveroom-probe check</c> (issue 4 item 8): watches one source for a while with the same monitor the worker runs
/// (no outbox, no broker), then prints pass/warn/fail per item. Exit code 0 only when every item passes, 1 otherwise,
/// 2 for wrong arguments.
/// </summary>
public static class CheckCommand
{
    public const string Verb = "check";

    /// <summary>How long a check on a listening source waits for the encoder's first packet (at least the duration).</summary>
    internal static readonly TimeSpan EncoderWait = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parsed = CheckArguments.Parse(args, out var problem);
        if (parsed is null)
        {
            await error.WriteLineAsync($"{problem}\n{CheckArguments.Usage}").ConfigureAwait(false);
            return 2;
        }

        var report = await RunCheckAsync(parsed, new ExpectedProfile(), new ProbeThresholds(), TimeProvider.System, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(parsed.Json ? JsonSerializer.Serialize(report, CheckJsonContext.Default.CheckReport) + "\n" : Format(report)).ConfigureAwait(false);
        return report.Status == CheckStatus.Pass ? 0 : 1;
    }

    internal static async Task<CheckReport> RunCheckAsync(CheckArguments args, ExpectedProfile profile, ProbeThresholds thresholds, TimeProvider time, CancellationToken cancellationToken)
    {
        var sink = new CollectingSink();
        var samples = new List<RoomSample>();
        // When the first sample with the stream up was taken (the sampling step after the first packet).
        var firstUp = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        var vision = args.ReferenceDirectory is { } referenceDirectory ? new VisionCheck(referenceDirectory, new LiveRoom.Probe.Vision.VisionOptions()) : null;
        using var monitor = new StreamMonitor(
            sink,
            new StreamMonitorOptions { SourceUrl = args.Source, Ffmpeg = args.Ffmpeg, Profile = profile, Thresholds = thresholds },
            "check",
            time,
            frameConsumers: vision is null ? null : [vision])
        {
            OnSample = s =>
            {
                lock (samples)
                {
                    samples.Add(s);
                }

                if (s.Stream.Up)
                {
                    firstUp.TrySetResult(time.GetUtcNow());
                }
            },
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = time.GetUtcNow();
        var run = monitor.RunAsync(stop.Token);
        try
        {
            // The duration is measured from the first packet, whatever the source: a listening probe waits for the
            // encoder (the technician may start it after the check), and a source the probe connects to may take
            // seconds to answer (a loaded PC, a slow server). Without a first packet within the wait, the report says
            // the stream never came.
            var from = started;
            var wait = args.WaitsForEncoder && EncoderWait > args.Duration ? EncoderWait : args.Duration;
            try
            {
                from = await firstUp.Task.WaitAsync(wait, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }

            var left = from + args.Duration - time.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await run.ConfigureAwait(false);
        }

        List<RoomSample> taken;
        lock (samples)
        {
            taken = [.. samples];
        }

        var items = CheckEvaluator.Evaluate(taken, profile, thresholds, monitor.LastStopReason);
        items.AddRange(vision?.Evaluate() ?? []);
        var events = sink.Snapshot()
            .Where(p => p.Kind == MetricKind.Event && !(p.Fields.TryGetValue(EventFields.Active, out var a) && !a.Boolean))
            .Select(p => p.Fields[EventFields.Type].Text + (p.Fields.TryGetValue(EventFields.Message, out var m) ? ": " + m.Text : string.Empty))
            .ToList();
        return new CheckReport
        {
            Source = args.Source,
            DurationSeconds = args.Duration.TotalSeconds,
            FirstPacketAfterSeconds = firstUp.Task.IsCompletedSuccessfully ? Math.Round(Math.Max(0, (firstUp.Task.Result - started).TotalSeconds), 1) : null,
            Status = items.Count > 0 && items.All(i => i.Status == CheckStatus.Pass) ? CheckStatus.Pass : items.Any(i => i.Status == CheckStatus.Fail) ? CheckStatus.Fail : CheckStatus.Warn,
            Items = items,
            Events = events,
        };
    }

    internal static string Format(CheckReport report)
    {
        var text = new StringBuilder();
        var ic = CultureInfo.InvariantCulture;
        var from = report.FirstPacketAfterSeconds is { } after ? string.Create(ic, $" from the encoder's first packet, {after:0.#} s after the start") : string.Empty;
        text.Append(ic, $"liveroom-probe check: {report.Source} for {report.DurationSeconds:0} s{from}\n\n");
        foreach (var item in report.Items)
        {
            text.Append(ic, $"  {Label(item.Status),-4}  {item.Item,-18} {item.Measured}  (expected: {item.Expected})\n");
        }

        if (report.Events.Count > 0)
        {
            text.Append("\nevents:\n");
            foreach (var e in report.Events)
            {
                text.Append(ic, $"  {e}\n");
            }
        }

        text.Append(ic, $"\nresult: {Label(report.Status)}\n");
        return text.ToString();
    }

    private static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "PASS",
        CheckStatus.Warn => "WARN",
        _ => "FAIL",
    };
}
