using LiveRoom.Runtime.Hosting.Watchdog;
using LiveRoom.Testing;
using Microsoft.Extensions.Hosting.Systemd;

namespace LiveRoom.Runtime.Tests.Hosting;

/// <summary>
/// Decision 0028: the service tells systemd's watchdog it is alive only while every liveness check passes; a failing,
/// hanging or throwing check stops the word and is logged once with its consequence, and the word resumes on recovery.
/// </summary>
public sealed class ServiceWatchdogTests
{
    private static readonly ServiceWatchdogSettings Watched = new(TimeSpan.FromSeconds(60));

    [Fact]
    public void Settings_FromSystemdsVariables_HalfTheTimeoutIsThePeriod()
    {
        var settings = ServiceWatchdogSettings.FromEnvironment(Variables(("WATCHDOG_USEC", "60000000"), ("WATCHDOG_PID", "4242")), 4242);

        Assert.Equal(TimeSpan.FromSeconds(60), settings.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Period);
        Assert.Null(settings.Problem);
    }

    [Fact]
    public void Settings_NotWatchedOrMeantForAnotherProcess_NoTimeoutAndTheChecksRunEvery30s()
    {
        var unset = ServiceWatchdogSettings.FromEnvironment(Variables(), 4242);
        var other = ServiceWatchdogSettings.FromEnvironment(Variables(("WATCHDOG_USEC", "60000000"), ("WATCHDOG_PID", "1")), 4242);

        Assert.Null(unset.Timeout);
        Assert.Null(other.Timeout);
        Assert.Null(other.Problem);
        Assert.Equal(ServiceWatchdogSettings.UnwatchedPeriod, unset.Period);
    }

    [Theory]
    [InlineData("sixty")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    public void Settings_UnusableTimeout_NamedAndNotWatched(string usec)
    {
        var settings = ServiceWatchdogSettings.FromEnvironment(Variables(("WATCHDOG_USEC", usec)), 4242);

        Assert.Null(settings.Timeout);
        Assert.Equal($"WATCHDOG_USEC '{usec}' is not a positive number of microseconds", settings.Problem);
    }

    [Fact]
    public async Task Round_AllChecksPass_TellsSystemd()
    {
        var notifier = new RecordingNotifier();
        var watchdog = new ServiceWatchdog([new Check("web", null), new Check("loop", null)], notifier, Watched, TimeProvider.System, new ListLogger<ServiceWatchdog>());

        Assert.True(await watchdog.RoundAsync(CancellationToken.None));
        Assert.Equal(["WATCHDOG=1"], notifier.States);
    }

    [Fact]
    public async Task Round_OneCheckFails_SilentToSystemdLoggedOnceThenRecovers()
    {
        var notifier = new RecordingNotifier();
        var loop = new Check("loop", "no round for 95 s");
        var logger = new ListLogger<ServiceWatchdog>();
        var watchdog = new ServiceWatchdog([new Check("web", null), loop], notifier, Watched, TimeProvider.System, logger);

        Assert.False(await watchdog.RoundAsync(CancellationToken.None));
        Assert.False(await watchdog.RoundAsync(CancellationToken.None));
        Assert.Empty(notifier.States);
        var error = Assert.Single(logger.Lines);
        Assert.Equal(
            "Error: Liveness check 'loop' failed: no round for 95 s; systemd is no longer told this service is alive, and restarts it 60 s after the last word unless this recovers",
            error);

        loop.Reason = null;
        Assert.True(await watchdog.RoundAsync(CancellationToken.None));
        Assert.Equal(["WATCHDOG=1"], notifier.States);
        Assert.Equal("Information: Liveness check 'loop' passes again", logger.Lines[^1]);
    }

    [Fact]
    public async Task Round_CheckHangsOrThrows_CountsAsFailedWithTheReason()
    {
        var notifier = new RecordingNotifier();
        var logger = new ListLogger<ServiceWatchdog>();
        // A period of 0.4 s gives each check 0.2 s to answer.
        var settings = new ServiceWatchdogSettings(TimeSpan.FromSeconds(0.8));
        var watchdog = new ServiceWatchdog([new HangingCheck(), new ThrowingCheck()], notifier, settings, TimeProvider.System, logger);

        Assert.False(await watchdog.RoundAsync(CancellationToken.None));

        Assert.Empty(notifier.States);
        Assert.Contains(logger.Lines, l => l.StartsWith("Error: Liveness check 'hangs' failed: no answer within 0.2 s;", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, l => l.StartsWith("Error: Liveness check 'throws' failed: HttpRequestException: Connection refused (127.0.0.1:9);", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Round_NotWatched_ChecksAndLogsButTellsNobody()
    {
        var notifier = new RecordingNotifier { IsEnabled = false };
        var logger = new ListLogger<ServiceWatchdog>();
        var watchdog = new ServiceWatchdog([new Check("loop", "no round for 40 s")], notifier, Watched, TimeProvider.System, logger);

        Assert.False(watchdog.Watched);
        Assert.False(await watchdog.RoundAsync(CancellationToken.None));
        Assert.Empty(notifier.States);
        Assert.EndsWith("systemd does not watch this process (no WatchdogSec=), so nothing restarts it", Assert.Single(logger.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Watched_TellsSystemdAtOnceThenEveryPeriod()
    {
        var notifier = new RecordingNotifier();
        var time = new FakeTimeProvider();
        var logger = new ListLogger<ServiceWatchdog>();
        using var watchdog = new ServiceWatchdog([], notifier, Watched, time, logger);

        await watchdog.StartAsync(CancellationToken.None);
        await Eventually.WaitAsync(() => notifier.States.Count == 1, TimeSpan.FromSeconds(10), "the word at start");
        time.Advance(TimeSpan.FromSeconds(30));
        await Eventually.WaitAsync(() => notifier.States.Count == 2, TimeSpan.FromSeconds(10), "the word after one period");
        time.Advance(TimeSpan.FromSeconds(30));
        await Eventually.WaitAsync(() => notifier.States.Count == 3, TimeSpan.FromSeconds(10), "the word after two periods");
        await watchdog.StopAsync(CancellationToken.None);

        Assert.Equal("Information: systemd watchdog: timeout 60 s; this service says it is alive every 30 s while these answer: none beyond the thread pool", logger.Lines[0]);
    }

    [Fact]
    public async Task LoopBeacon_ArmedByTheFirstBeatSilentPastThreePeriodsDisarmedByStop()
    {
        var time = new FakeTimeProvider();
        var beacon = new LoopBeacon("checks", TimeSpan.FromSeconds(15), time);

        Assert.Equal(TimeSpan.FromSeconds(45), beacon.Limit);
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(await beacon.CheckAsync(CancellationToken.None)); // not started yet: not hung
        beacon.Beat();
        time.Advance(TimeSpan.FromSeconds(45));
        Assert.Null(await beacon.CheckAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("no round for 46 s (it runs every 15 s; hung after 45 s)", await beacon.CheckAsync(CancellationToken.None));
        beacon.Beat();
        Assert.Null(await beacon.CheckAsync(CancellationToken.None));
        beacon.Stop();
        time.Advance(TimeSpan.FromHours(1));
        Assert.Null(await beacon.CheckAsync(CancellationToken.None)); // ended on purpose
        Assert.Equal(LoopBeacon.MinSilence, new LoopBeacon("fast", TimeSpan.FromSeconds(1), time).Limit);
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] set) =>
        name => set.FirstOrDefault(v => v.Name == name).Value;

    private sealed class RecordingNotifier : ISystemdNotifier
    {
        private readonly List<string> _states = [];

        public bool IsEnabled { get; init; } = true;

        public IReadOnlyList<string> States
        {
            get
            {
                lock (_states)
                {
                    return [.. _states];
                }
            }
        }

        public void Notify(ServiceState state)
        {
            lock (_states)
            {
                _states.Add(state.ToString());
            }
        }
    }

    private sealed class Check(string name, string? reason) : ILivenessCheck
    {
        public string? Reason { get; set; } = reason;

        public string Name => name;

        public Task<string?> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(Reason);
    }

    private sealed class HangingCheck : ILivenessCheck
    {
        public string Name => "hangs";

        public async Task<string?> CheckAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return null;
        }
    }

    private sealed class ThrowingCheck : ILivenessCheck
    {
        public string Name => "throws";

        public Task<string?> CheckAsync(CancellationToken cancellationToken) =>
            Task.FromException<string?>(new HttpRequestException("Connection refused (127.0.0.1:9)"));
    }
}
