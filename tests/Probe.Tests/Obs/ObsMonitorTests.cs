using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Obs;
using LiveRoom.Probe.Sinks;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Obs;

/// <summary>Handshake and polling against the test obs-websocket server; polls driven one by one on a fake clock.</summary>
[FailOnUnobservedTaskException]
public sealed class ObsMonitorTests : IAsyncLifetime
{
    private readonly RecordingPointSink _sink = new();
    private readonly FakeTimeProvider _time = new();
    private ObsTestServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ObsMonitor Monitor(string password = "") =>
        new(_sink, new ObsOptions { Url = _server.Url.ToString(), Password = password }, "room-1", _time);

    private MetricPoint LastObsPoint() => _sink.Points.Last(p => p.Kind == ObsDefaults.Kind);

    [Fact]
    public async Task Connect_PasswordMatches_IdentifiesWithAuthenticationAndOutputsSubscription()
    {
        _server = new ObsTestServer(password: "s3cret-ü");
        _server.Start();
        var monitor = Monitor("s3cret-ü");

        await using var connection = await monitor.ConnectOnceAsync(CancellationToken.None);

        Assert.True(connection.Authenticated);
        Assert.Equal(1, connection.NegotiatedRpcVersion);
        Assert.True(_server.Identifies.TryPeek(out var identify));
        Assert.Equal(1, identify.GetProperty("rpcVersion").GetInt32());
        Assert.True(identify.TryGetProperty("authentication", out _));
        Assert.NotEqual(0, identify.GetProperty("eventSubscriptions").GetInt32() & (1 << 6));
        Assert.Equal([ObsPoints.EventConnected], _sink.EventTypes);
    }

    [Fact]
    public async Task Connect_ServerWithoutAuthentication_IdentifySendsNoAuthenticationField()
    {
        _server.Start();
        var monitor = Monitor();

        await using var connection = await monitor.ConnectOnceAsync(CancellationToken.None);

        Assert.False(connection.Authenticated);
        Assert.True(_server.Identifies.TryPeek(out var identify));
        Assert.False(identify.TryGetProperty("authentication", out _));
    }

    [Fact]
    public async Task Connect_WrongPassword_ServerCloses4009AndConnectThrowsAuthenticationException()
    {
        _server = new ObsTestServer(password: "right");
        _server.Start();
        var monitor = Monitor("wrong");

        var ex = await Assert.ThrowsAsync<ObsAuthenticationException>(() => monitor.ConnectOnceAsync(CancellationToken.None));

        Assert.Equal(4009, ex.CloseCode);
        Assert.Equal([4009], _server.ClosesSent);
    }

    [Fact]
    public async Task Run_WrongPassword_ReportsAuthFailedOnceAndNotConnectedPoints()
    {
        _server = new ObsTestServer(password: "right");
        _server.Start();
        var monitor = new ObsMonitor(
            _sink,
            new ObsOptions { Url = _server.Url.ToString(), Password = "wrong", ReconnectMinDelay = TimeSpan.FromMilliseconds(10), ReconnectMaxDelay = TimeSpan.FromMilliseconds(20) },
            "room-1",
            TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var run = monitor.RunAsync(stop.Token);

        // Three refused attempts, then stop.
        await _sink.WaitForAsync(_ => _server.ClosesSent.Count >= 3, "three refused attempts");
        await stop.CancelAsync();
        await run;

        Assert.Equal([ObsPoints.EventAuthFailed], _sink.EventTypes);
        Assert.Contains(_sink.Points, p => p.Kind == ObsDefaults.Kind && p.Fields[ObsPoints.Connected] == false);
        Assert.Equal(0, monitor.Connections);
    }

    [Fact]
    public async Task Poll_OutputBytesGrow_BitrateIsByteDeltaOverElapsedTime()
    {
        _server.Start();
        var monitor = Monitor();
        await using var connection = await monitor.ConnectOnceAsync(CancellationToken.None);
        _server.State.Update(s => s.Bytes = 10_000_000);

        await monitor.PollOnceAsync(connection, CancellationToken.None);
        Assert.False(LastObsPoint().Fields.ContainsKey(ObsPoints.Bitrate));
        _time.Advance(TimeSpan.FromSeconds(2));
        _server.State.Update(s => s.Bytes += 1_250_000);
        await monitor.PollOnceAsync(connection, CancellationToken.None);

        var point = LastObsPoint();
        Assert.Equal(5_000_000, point.Fields[ObsPoints.Bitrate].Number);
        Assert.Equal(11_250_000, point.Fields[ObsPoints.OutputBytes].Number);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), point.Ts);
    }

    [Fact]
    public async Task Poll_OutputRestarted_CounterGoesBack_NoBitrateAndDeltaCountsFromZero()
    {
        _server.Start();
        var monitor = Monitor();
        await using var connection = await monitor.ConnectOnceAsync(CancellationToken.None);
        _server.State.Update(s => (s.Bytes, s.NetworkTotal) = (50_000_000, 9000));
        await monitor.PollOnceAsync(connection, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        _server.State.Update(s => (s.Bytes, s.NetworkTotal) = (400_000, 30));

        await monitor.PollOnceAsync(connection, CancellationToken.None);

        var point = LastObsPoint();
        Assert.False(point.Fields.ContainsKey(ObsPoints.Bitrate));
        Assert.Equal(30, point.Fields[ObsPoints.NetworkTotal + ObsPoints.DeltaSuffix].Number);
    }

    [Fact]
    public async Task Poll_ThreeKindsOfSkippedFrames_KeptApartAsTotalsAndDeltas()
    {
        _server.Start();
        var monitor = Monitor();
        await using var connection = await monitor.ConnectOnceAsync(CancellationToken.None);
        _server.State.Update(s =>
        {
            (s.NetworkSkipped, s.NetworkTotal) = (10, 1000);
            (s.EncoderSkipped, s.EncoderTotal) = (3, 2000);
            (s.RenderSkipped, s.RenderTotal) = (7, 3000);
        });
        await monitor.PollOnceAsync(connection, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        _server.State.Update(s =>
        {
            (s.NetworkSkipped, s.NetworkTotal) = (14, 1030);
            (s.EncoderSkipped, s.EncoderTotal) = (5, 2030);
            (s.RenderSkipped, s.RenderTotal) = (8, 3030);
        });

        await monitor.PollOnceAsync(connection, CancellationToken.None);

        var f = LastObsPoint().Fields;
        const string d = ObsPoints.DeltaSuffix;
        Assert.Equal((14, 4, 1030, 30), (f[ObsPoints.NetworkSkipped].Number, f[ObsPoints.NetworkSkipped + d].Number, f[ObsPoints.NetworkTotal].Number, f[ObsPoints.NetworkTotal + d].Number));
        Assert.Equal((5, 2, 2030, 30), (f[ObsPoints.EncoderSkipped].Number, f[ObsPoints.EncoderSkipped + d].Number, f[ObsPoints.EncoderTotal].Number, f[ObsPoints.EncoderTotal + d].Number));
        Assert.Equal((8, 1, 3030, 30), (f[ObsPoints.RenderSkipped].Number, f[ObsPoints.RenderSkipped + d].Number, f[ObsPoints.RenderTotal].Number, f[ObsPoints.RenderTotal + d].Number));
        Assert.Equal(Math.Round(400.0 / 30, 3), f[ObsPoints.NetworkDroppedPercent].Number);
    }

    [Fact]
    public async Task Poll_StatsAndVideoSettings_PublishedWithConfiguredOutput()
    {
        _server.Start();
        _server.State.Update(s => (s.OutputWidth, s.OutputHeight, s.FpsNumerator, s.FpsDenominator) = (1280, 720, 30000, 1001));
        var monitor = Monitor();
        await using var connection = await monitor.ConnectOnceAsync(CancellationToken.None);

        await monitor.PollOnceAsync(connection, CancellationToken.None);

        var f = LastObsPoint().Fields;
        Assert.Equal(1280, f[ObsPoints.OutputWidth].Number);
        Assert.Equal(720, f[ObsPoints.OutputHeight].Number);
        Assert.Equal(29.97, f[ObsPoints.Fps].Number);
        Assert.Equal(7.25, f[ObsPoints.CpuPercent].Number);
        Assert.Equal(204800.5, f[ObsPoints.DiskAvailableMb].Number);
        Assert.Equal(30, f[ObsPoints.ActiveFps].Number);
        Assert.True(f[ObsPoints.StreamActive].Boolean);
    }

    [Fact]
    public async Task Poll_NetworkDropsCrossThreshold_RaisesThenClearsOnce()
    {
        _server.Start();
        var monitor = Monitor();
        await using var connection = await monitor.ConnectOnceAsync(CancellationToken.None);
        await monitor.PollOnceAsync(connection, CancellationToken.None);

        foreach (var drops in new[] { 0, 3, 3, 0, 0 })
        {
            _server.State.Update(s => s.NetworkDropsPerStep = drops);
            _server.State.Step();
            _time.Advance(TimeSpan.FromSeconds(1));
            await monitor.PollOnceAsync(connection, CancellationToken.None);
        }

        Assert.Equal(
            [ObsPoints.EventConnected, ObsPoints.EventStreamActive, ObsPoints.EventNetworkDrops, ObsPoints.EventNetworkDropsCleared],
            _sink.EventTypes);
    }

    [Fact]
    public async Task Poll_RequestsRefused_OtherFieldsStillPublished_OneEventPerRefusal()
    {
        _server.Start();
        _server.Failures["GetStats"] = (207, "OBS is not ready to perform the request.");
        _server.Failures["GetVideoSettings"] = (204, "Your request type is not valid.");
        var monitor = Monitor();
        await using var connection = await monitor.ConnectOnceAsync(CancellationToken.None);

        await monitor.PollOnceAsync(connection, CancellationToken.None);
        await monitor.PollOnceAsync(connection, CancellationToken.None);

        var f = LastObsPoint().Fields;
        Assert.True(f.ContainsKey(ObsPoints.OutputBytes));
        Assert.False(f.ContainsKey(ObsPoints.CpuPercent));
        Assert.False(f.ContainsKey(ObsPoints.OutputWidth));
        var refusals = _sink.Points.Where(p => p.Kind == MetricKind.Event && p.Fields[SinkPoints.EventType].Text == ObsPoints.EventRequestFailed)
            .Select(p => p.Fields[SinkPoints.EventMessage].Text!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.StartsWith("GetStats: NotReady", refusals[0], StringComparison.Ordinal);
        Assert.StartsWith("GetVideoSettings: UnknownRequestType", refusals[1], StringComparison.Ordinal);

        _server.Failures.Clear();
        await monitor.PollOnceAsync(connection, CancellationToken.None);
        Assert.True(LastObsPoint().Fields.ContainsKey(ObsPoints.CpuPercent));
    }

    [Fact]
    public async Task Poll_UnknownStatusCodeWithoutComment_ReportedByNumberAndStreamFieldsOmitted()
    {
        _server.Start();
        _server.Failures["GetStreamStatus"] = (999, null);
        var monitor = Monitor();
        await using var connection = await monitor.ConnectOnceAsync(CancellationToken.None);

        await monitor.PollOnceAsync(connection, CancellationToken.None);

        var f = LastObsPoint().Fields;
        Assert.True(f[ObsPoints.Connected].Boolean);
        Assert.False(f.ContainsKey(ObsPoints.StreamActive));
        Assert.True(f.ContainsKey(ObsPoints.CpuPercent));
        var refusal = await _sink.WaitForEventAsync(ObsPoints.EventRequestFailed);
        Assert.Equal("GetStreamStatus: RequestStatus 999", refusal.Fields[SinkPoints.EventMessage].Text);
    }

    [Fact]
    public async Task Events_StreamStateChanged_ReportsInactiveReconnectingAndReconnected()
    {
        _server.Start();
        var monitor = Monitor();
        await using var connection = await monitor.ConnectOnceAsync(CancellationToken.None);

        await _server.EmitStreamStateChangedAsync(true, "OBS_WEBSOCKET_OUTPUT_STARTED");
        await _sink.WaitForEventAsync(ObsPoints.EventStreamActive);
        await _server.EmitStreamStateChangedAsync(true, "OBS_WEBSOCKET_OUTPUT_RECONNECTING");
        await _sink.WaitForEventAsync(ObsPoints.EventReconnecting);
        await _server.EmitStreamStateChangedAsync(true, "OBS_WEBSOCKET_OUTPUT_RECONNECTED");
        await _sink.WaitForEventAsync(ObsPoints.EventReconnected);
        await _server.EmitStreamStateChangedAsync(false, "OBS_WEBSOCKET_OUTPUT_STOPPED");
        await _sink.WaitForEventAsync(ObsPoints.EventStreamInactive);

        Assert.Equal(
            [ObsPoints.EventConnected, ObsPoints.EventStreamActive, ObsPoints.EventReconnecting, ObsPoints.EventReconnected, ObsPoints.EventStreamInactive],
            _sink.EventTypes);
    }

    [Fact]
    public async Task Receive_MalformedMessage_CountedAndSessionGoesOn()
    {
        _server.Start();
        var monitor = Monitor();
        await using var connection = await monitor.ConnectOnceAsync(CancellationToken.None);

        await _server.SendRawAsync("{ this is not json");
        await _server.SendRawAsync("{\"op\":7,\"d\":{\"requestId\":\"nobody\"}}");
        await monitor.PollOnceAsync(connection, CancellationToken.None);

        Assert.Equal(2, monitor.BadMessages);
        Assert.True(LastObsPoint().Fields[ObsPoints.Connected].Boolean);
    }

    [Fact]
    public async Task Run_Disabled_ReturnsAtOnceWithoutPoints()
    {
        var monitor = new ObsMonitor(_sink, new ObsOptions(), "room-1", _time);

        await monitor.RunAsync(CancellationToken.None);

        Assert.Empty(_sink.Points);
    }
}
