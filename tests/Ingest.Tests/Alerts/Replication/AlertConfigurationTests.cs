using System.Text;
using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Replication;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Store;
using LiveRoom.Ingest.Standby;
using LiveRoom.Ingest.Tests.Alerts.Support;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Ingest.Tests.Alerts.Replication;

/// <summary>
/// The alert configuration a standby collector takes from the active one (seed clause 4.3): newest revision wins
/// whatever the clocks say, unsound configurations change nothing, and what is taken is live and survives a restart.
/// </summary>
public sealed class AlertConfigurationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    // The standby's machine clock is an hour behind the active one's.
    private readonly FakeTimeProvider _standbyTime = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
    private readonly TwoCollectors _collectors;
    private readonly AlertService _active;
    private readonly AlertService _standby;

    public AlertConfigurationTests()
    {
        _collectors = new TwoCollectors(_time, _standbyTime);
        _active = _collectors.Active;
        _standby = _collectors.Standby;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _collectors.DisposeAsync().AsTask();

    [Fact]
    public void EveryAdminChange_IsANewRevision_AndRaisesTheEvent()
    {
        var raised = 0;
        _active.Admin.ConfigurationChanged += (_, _) => raised++;
        Assert.Equal(0, _active.Admin.Configuration("a").Revision);

        Assert.Empty(_active.Admin.SaveRule(TestRules.Fps() with { Threshold = 25 }));
        Assert.NotEmpty(_active.Admin.SaveRule(TestRules.Fps() with { Field = "fpz" }));
        _active.Admin.DeleteRule("data_gap");
        Assert.Empty(_active.Admin.AddSilence(Silence("s1")));
        Assert.Empty(_active.Admin.SetRota([Tech("lin")]));

        var configuration = _active.Admin.Configuration("a");
        Assert.Equal(4, raised);
        Assert.Equal((4L, _time.GetUtcNow()), (configuration.Revision, configuration.ChangedAt!.Value));
        Assert.Equal("a", configuration.Instance);
        Assert.Equal(25, configuration.Rules.Single(r => r.Id == "fps_low").Threshold);
        Assert.DoesNotContain(configuration.Rules, r => r.Id == "data_gap");
        Assert.Equal("s1", Assert.Single(configuration.Silences).Id);
        Assert.Equal("lin", Assert.Single(configuration.Rota).Name);
    }

    [Fact]
    public void Standby_TakesANewerConfiguration_LiveAtOnce_AndAfterARestart()
    {
        Assert.Empty(_active.Admin.SaveRule(TestRules.Fps() with { Threshold = 25 }));
        Assert.Empty(_active.Admin.AddSilence(Silence("maintenance")));
        Assert.Empty(_active.Admin.SetRota([Tech("lin"), Tech("wang") with { Level = 1 }]));
        // The standby had a change of its own earlier (revision 1): the active one's revision 3 is newer.
        Assert.Empty(_standby.Admin.SetRota([Tech("old")]));

        var payload = _active.Admin.Configuration("a").ToJson();
        var follower = new ConfigurationFollower(_standby.Admin, "b", NullLogger.Instance);

        Assert.Equal(ConfigurationResult.Applied, follower.OnMessage(payload));
        Assert.Equal(25, _standby.Evaluator.Rules.Single(r => r.Id == "fps_low").Threshold);
        Assert.Equal(["lin", "wang"], _standby.Rota.Entries.Select(e => e.Name));
        Assert.Equal("maintenance", Assert.Single(_standby.Engine.Silences()).Id);
        Assert.Equal(3, _standby.Admin.Configuration("b").Revision);

        // The same message again (a reconnect) and an older one change nothing.
        Assert.Equal(ConfigurationResult.NotNewer, follower.OnMessage(payload));
        var older = _active.Admin.Configuration("a") with { Revision = 2, Rota = [Tech("stale")] };
        Assert.Equal(ConfigurationResult.NotNewer, follower.OnMessage(older.ToJson()));
        Assert.Equal(["lin", "wang"], _standby.Rota.Entries.Select(e => e.Name));

        using var reopened = new AlertStore(_collectors.StandbyStore);
        Assert.Equal(3, reopened.ConfigurationRevision().Revision);
        Assert.Equal(25, reopened.LoadRules().Single(r => r.Id == "fps_low").Threshold);
        Assert.Equal(["lin", "wang"], reopened.LoadRota().Select(e => e.Name));
        Assert.Equal("maintenance", Assert.Single(reopened.LoadSilences(_standbyTime.GetUtcNow())).Id);
    }

    [Fact]
    public void AChangeAfterATakeover_OutranksTheOldConfiguration_WhateverTheClocks()
    {
        Assert.Empty(_active.Admin.SetRota([Tech("lin")]));
        var follower = new ConfigurationFollower(_standby.Admin, "b", NullLogger.Instance);
        Assert.Equal(ConfigurationResult.Applied, follower.OnMessage(_active.Admin.Configuration("a").ToJson()));

        // b takes over and is changed, with a clock an hour behind a's: a, now the standby, still takes it.
        Assert.Empty(_standby.Admin.SetRota([Tech("zhao")]));
        Assert.True(_standby.Admin.Configuration("b").ChangedAt < _active.Admin.Configuration("a").ChangedAt);
        var back = new ConfigurationFollower(_active.Admin, "a", NullLogger.Instance);

        Assert.Equal(ConfigurationResult.Applied, back.OnMessage(_standby.Admin.Configuration("b").ToJson()));
        Assert.Equal("zhao", Assert.Single(_active.Rota.Entries).Name);
        Assert.Equal(2, _active.Admin.Configuration("a").Revision);
    }

    [Theory]
    [InlineData("{not json", "not valid alert configuration JSON")]
    [InlineData("null", "JSON null")]
    [InlineData("""{"v":2,"revision":5,"rules":[],"rota":[],"silences":[]}""", "schema version 2; this collector reads version 1")]
    [InlineData("""{"v":1,"revision":5,"rules":null,"rota":[],"silences":[]}""", "rules, rota and silences must all be lists")]
    [InlineData("""{"v":1,"revision":-1,"rules":[],"rota":[],"silences":[]}""", "revision -1 is negative")]
    [InlineData("""{"v":1,"revision":5,"rules":[],"rota":[{"site":"s1","level":0}],"silences":[]}""", "not valid alert configuration JSON")]
    public void Parse_NotAConfiguration_SaysWhy(string json, string reason)
    {
        Assert.Null(AlertConfiguration.Parse(Encoding.UTF8.GetBytes(json), out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsoundConfiguration_IsRefusedWithEveryReason_AndChangesNothing()
    {
        Assert.Empty(_standby.Admin.SetRota([Tech("lin")]));
        var bad = _active.Admin.Configuration("a") with
        {
            Revision = 9,
            Rules = [TestRules.Fps() with { Field = "fpz" }, TestRules.Fps(), TestRules.Fps()],
            Rota = [Tech("nobody") with { Level = 12 }],
            Silences = [Silence("forever") with { EndsAt = DateTimeOffset.MaxValue }],
        };

        var outcome = _standby.Admin.Apply(bad);

        Assert.Equal(ConfigurationResult.Refused, outcome.Result);
        Assert.Contains(outcome.Failures, f => f.English.Contains("unknown metric field 'fpz'", StringComparison.Ordinal));
        Assert.Contains(outcome.Failures, f => f.English.Contains("rule 'fps_low' appears 3 times", StringComparison.Ordinal));
        Assert.Contains(outcome.Failures, f => f.English.Contains("rota entry 'nobody'", StringComparison.Ordinal));
        Assert.Contains(outcome.Failures, f => f.English.Contains("silence 'forever' has no expiry", StringComparison.Ordinal));
        Assert.Equal(1, _standby.Admin.Configuration("b").Revision);
        Assert.Equal("lin", Assert.Single(_standby.Rota.Entries).Name);
        Assert.Equal(29.5, _standby.Evaluator.Rules.Single(r => r.Id == "fps_low").Threshold);
    }

    [Fact]
    public void ClearedRetainedConfiguration_KeepsWhatTheStandbyHas()
    {
        Assert.Empty(_standby.Admin.SetRota([Tech("lin")]));
        var follower = new ConfigurationFollower(_standby.Admin, "b", NullLogger.Instance);

        Assert.Equal(ConfigurationResult.NotNewer, follower.OnMessage([]));
        Assert.Equal(ConfigurationResult.Refused, follower.OnMessage("[]"u8));
        Assert.Equal("lin", Assert.Single(_standby.Rota.Entries).Name);
    }

    private static RotaEntry Tech(string name) => new() { Site = "s1", Level = 0, Name = name, Mobile = "13800000000" };

    private Silence Silence(string id) => new()
    {
        Id = id,
        Site = "s1",
        StartsAt = _time.GetUtcNow(),
        EndsAt = _time.GetUtcNow().AddHours(2),
        CreatedBy = "admin",
    };
}
