using System.Globalization;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Presences;
using LiveRoom.Ingest.Tests.Security;
using LiveRoom.Mqtt;

namespace LiveRoom.Ingest.Tests.Presences;

/// <summary>
/// <c>liveroom-ingest presence list|retire</c> against a real mosquitto with the generated ACL: the collector's account
/// reads every kind of presence and clears the one of a machine taken out of service; one that says it runs is refused
/// without --force; mistakes name what is there.
/// </summary>
public sealed class PresenceCommandTests : IAsyncLifetime
{
    private SecuredBroker _broker = null!;

    public async Task InitializeAsync()
    {
        _broker = await SecuredBroker.StartAsync(BrokerSecurity.PasswordAndAclFiles);
        var since = DateTimeOffset.Parse("2026-11-20T08:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var collector = await _broker.ConnectAsync(null);
        await RetainAsync(collector, Topic.CollectorInstance("a"), new CollectorPresence(CollectorPresence.Active, "a", since).ToJson());
        await RetainAsync(collector, Topic.CollectorInstance("b"), new CollectorPresence(CollectorPresence.Dead, "b", 0).ToJson());
        await RetainAsync(collector, Topic.WatchdogInstance("wd-1"), new ServicePresence(ServicePresence.Online, "wd-1", since).ToJson());
        // A dashboard writes its own presence with its own account.
        var dashboard = await _broker.ConnectAsAsync(_broker.Dashboard);
        await RetainAsync(dashboard, Topic.DashboardInstance("dash-old"), new ServicePresence(ServicePresence.Stopped, "dash-old", since).ToJson());
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task ListThenRetire_DeadAndStoppedCleared_RunningOneOnlyWithForce_MistakesNameWhatIsThere()
    {
        var (code, output, _) = await RunAsync("list");
        Assert.Equal(PresenceCommand.Ok, code);
        Assert.Equal(
            [
                "collector  a                        active     since 2026-11-20 08:00:00Z",
                "collector  b                        dead       since unknown (a last will)",
                "dashboard  dash-old                 stopped    since 2026-11-20 08:00:00Z",
                "watchdog   wd-1                     online     since 2026-11-20 08:00:00Z",
            ],
            Lines(output));

        (code, output, _) = await RunAsync("retire", "collector", "b");
        Assert.Equal(PresenceCommand.Ok, code);
        Assert.StartsWith("retired collector  b ", output, StringComparison.Ordinal);

        var (refused, _, why) = await RunAsync("retire", "collector", "a");
        Assert.Equal(PresenceCommand.Failed, refused);
        Assert.Contains("collector 'a' says it is active: stop it first", why, StringComparison.Ordinal);

        var (unknown, _, which) = await RunAsync("retire", "dashboard", "dash-new");
        Assert.Equal(PresenceCommand.Failed, unknown);
        Assert.Contains("no dashboard 'dash-new' is retained", which, StringComparison.Ordinal);
        Assert.Contains("dashboards there: dash-old", which, StringComparison.Ordinal);

        Assert.Equal(PresenceCommand.Ok, (await RunAsync("retire", "dashboard", "dash-old")).Code);
        Assert.Equal(PresenceCommand.Ok, (await RunAsync("retire", "collector", "a", "--force")).Code);

        // A fresh session finds only the watchdog left: the broker no longer holds the others.
        (code, output, _) = await RunAsync("list");
        Assert.Equal(PresenceCommand.Ok, code);
        Assert.Equal(["watchdog   wd-1                     online     since 2026-11-20 08:00:00Z"], Lines(output));
    }

    [Theory]
    [InlineData(new[] { "retire", "robot", "x" }, "'robot' is not a kind of presence; give collector, dashboard or watchdog")]
    [InlineData(new[] { "retire", "collector" }, "has the wrong arguments")]
    [InlineData(new[] { "forget", "collector", "b" }, "unknown presence command 'forget'")]
    public async Task BadArguments_Usage2NamingTheMistake(string[] args, string expected)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(PresenceCommand.Usage, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("usage: presence list", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_Fails1WithTheBrokersRefusal_NothingCleared()
    {
        var error = new StringWriter();
        var code = await PresenceCommand.RunAsync(
            ["retire", "collector", "b", .. Broker(password: "not-the-password")], new StringWriter(), error, o => new MosquittoClient(o), TimeProvider.System, CancellationToken.None);

        Assert.Equal(PresenceCommand.Failed, code);
        Assert.Contains($"the broker 127.0.0.1:{_broker.Server.Port} with the collector's account:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("collector  b ", (await RunAsync("list")).Output, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await PresenceCommand.RunAsync([.. args, .. Broker()], output, error, o => new MosquittoClient(o), TimeProvider.System, CancellationToken.None)
            .WaitAsync(SecuredBroker.Wait);
        return (code, output.ToString(), error.ToString());
    }

    private string[] Broker(string? password = null)
    {
        var user = _broker.User(null);
        return
        [
            "--Ingest:Mqtt:Host=" + _broker.Server.Host,
            "--Ingest:Mqtt:Port=" + _broker.Server.Port.ToString(CultureInfo.InvariantCulture),
            "--Ingest:Mqtt:Username=" + user.UserName,
            "--Ingest:Mqtt:Password=" + (password ?? user.Password),
        ];
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Task RetainAsync(MosquittoClient client, string topic, byte[] payload) =>
        client.PublishAsync(topic, payload, MqttQos.AtLeastOnce, retain: true, CancellationToken.None).WaitAsync(SecuredBroker.Wait);
}
