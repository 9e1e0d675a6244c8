using LiveRoom.Probe.Obs;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Obs;

/// <summary>The monitor's loop on the real clock (short intervals) against a test OBS that goes away and comes back.</summary>
[FailOnUnobservedTaskException]
public sealed class ObsReconnectTests : IAsyncLifetime
{
    private readonly RecordingPointSink _sink = new();
    private readonly ObsTestServer _server = new();
    private readonly CancellationTokenSource _stop = new();

    public Task InitializeAsync()
    {
        _server.Start();
        _server.State.StepOnStreamStatus = true;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _server.DisposeAsync();
        _stop.Dispose();
    }

    private ObsMonitor Monitor() => new(
        _sink,
        new ObsOptions
        {
            Url = _server.Url.ToString(),
            PollInterval = TimeSpan.FromMilliseconds(50),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(20),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        },
        "room-1",
        TimeProvider.System);

    [Fact]
    public async Task Run_ServerRestarts_ReportsDisconnectedThenReconnectsAndPollsAgain()
    {
        var monitor = Monitor();
        var run = monitor.RunAsync(_stop.Token);
        await _sink.WaitForAsync(p => p.Kind == ObsDefaults.Kind && p.Fields.ContainsKey(ObsPoints.Bitrate), "a bitrate");

        await _server.StopAsync();
        await _sink.WaitForEventAsync(ObsPoints.EventDisconnected);
        var mark = _sink.Count;
        await _sink.WaitForAsync(p => p.Kind == ObsDefaults.Kind && p.Fields[ObsPoints.Connected] == false, "a not-connected point", mark);
        _server.Start();
        await _sink.WaitForEventAsync(ObsPoints.EventConnected, mark);
        var point = await _sink.WaitForAsync(p => p.Kind == ObsDefaults.Kind && p.Fields.ContainsKey(ObsPoints.Bitrate), "a bitrate after the reconnect", mark);

        await _stop.CancelAsync();
        await run;
        Assert.Equal(2, monitor.Connections);
        Assert.True(point.Fields[ObsPoints.Bitrate].Number > 0);
    }

    [Fact]
    public async Task Run_KickedWith4011_StopsWithoutReconnecting()
    {
        var monitor = Monitor();
        var run = monitor.RunAsync(_stop.Token);
        await _sink.WaitForEventAsync(ObsPoints.EventConnected);

        await _server.CloseAllAsync(4011, "You have been kicked.");

        await run.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains(ObsPoints.EventSessionInvalidated, _sink.EventTypes);
        Assert.Equal(1, monitor.Connections);
    }

    [Fact]
    public async Task Run_NothingListening_ReportsDisconnectedOnceAndNotConnectedPoints()
    {
        await _server.StopAsync();
        var monitor = Monitor();
        var run = monitor.RunAsync(_stop.Token);

        await _sink.WaitForAsync(_ => _sink.Points.Count(p => p.Kind == ObsDefaults.Kind) >= 3, "three failed attempts");
        await _stop.CancelAsync();
        await run;

        Assert.Equal([ObsPoints.EventDisconnected], _sink.EventTypes);
        Assert.All(_sink.Points.Where(p => p.Kind == ObsDefaults.Kind), p => Assert.False(p.Fields[ObsPoints.Connected].Boolean));
    }
}
