using LiveRoom.Ingest.Security;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Services;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Security;

public enum BrokerSecurity
{
    /// <summary>password_file + acl_file.</summary>
    PasswordAndAclFiles,

    /// <summary>The dynamic-security plugin with the generated dynamic-security.json.</summary>
    DynamicSecurityPlugin,
}

/// <summary>
/// A real mosquitto loaded with files written by <see cref="MosquittoSecurityGenerator"/> for two rooms, the collector,
/// the dashboard and a door sign per room.
/// </summary>
internal sealed class SecuredBroker : IAsyncDisposable
{
    public const string DynamicSecurityPlugin = "/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so";
    public static readonly RoomId RoomA = new("site1", "room-a");
    public static readonly RoomId RoomB = new("site1", "room-b");
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    public const string CollectorUser = "collector";
    public const string DashboardUser = "dashboard";

    private readonly TempDirectory _dir;
    private readonly List<MosquittoClient> _clients = [];

    private SecuredBroker(TempDirectory dir, MosquittoServer server, SecurityFiles files)
    {
        _dir = dir;
        Server = server;
        Files = files;
    }

    public MosquittoServer Server { get; }

    public SecurityFiles Files { get; }

    public static async Task<SecuredBroker> StartAsync(BrokerSecurity mode)
    {
        var dir = new TempDirectory("secured");
        var files = MosquittoSecurityGenerator.Generate([RoomA, RoomB], CollectorUser, DashboardUser, signs: true);
        var config = dir.Combine("security");
        await MosquittoSecurityGenerator.WriteAsync(files, config, overwrite: false, CancellationToken.None);
        var options = new MosquittoServerOptions { DataDirectory = dir.Combine("broker"), AllowAnonymous = false, Persistence = false };
        options = mode == BrokerSecurity.PasswordAndAclFiles
            ? options with { PasswordFile = Path.Combine(config, SecurityFiles.PasswordFileName), AclFile = Path.Combine(config, SecurityFiles.AclFileName) }
            : options with { ExtraConfig = $"plugin {DynamicSecurityPlugin}\nplugin_opt_config_file {Path.Combine(config, SecurityFiles.DynamicSecurityFileName)}" };
        var server = await MosquittoServer.StartAsync(options, CancellationToken.None);
        return new SecuredBroker(dir, server, files);
    }

    /// <summary>The edge of <paramref name="room"/>, or the collector for null.</summary>
    public BrokerUser User(RoomId? room) =>
        room is null
            ? Files.Users.Single(u => u.Kind == BrokerUserKind.Collector)
            : Files.Users.Single(u => u.Kind == BrokerUserKind.Edge && u.Room == room);

    public BrokerUser Dashboard => Files.Users.Single(u => u.Kind == BrokerUserKind.Dashboard);

    public BrokerUser Sign(RoomId room) => Files.Users.Single(u => u.Kind == BrokerUserKind.Sign && u.Room == room);

    /// <summary>Connects as the edge of <paramref name="room"/>, or as the collector for null.</summary>
    public Task<MosquittoClient> ConnectAsync(RoomId? room, Func<MqttMessage, CancellationToken, ValueTask>? onMessage = null) =>
        ConnectAsAsync(User(room), onMessage);

    /// <remarks>will and port: a last will, and a relay's port in front of the broker to cut the link with.</remarks>
    public async Task<MosquittoClient> ConnectAsAsync(BrokerUser user, Func<MqttMessage, CancellationToken, ValueTask>? onMessage = null, MqttWill? will = null, int? port = null)
    {
        var client = new MosquittoClient(Options(user.UserName, user.Password, onMessage, will, port));
        _clients.Add(client);
        await client.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        return client;
    }

    public MqttClientOptions Options(string? user, string? password, Func<MqttMessage, CancellationToken, ValueTask>? onMessage = null, MqttWill? will = null, int? port = null) => new()
    {
        Host = Server.Host,
        Port = port ?? Server.Port,
        Will = will,
        ClientId = "sec-" + Guid.NewGuid().ToString("N")[..12],
        Username = user,
        Password = password,
        OnMessage = onMessage,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await Server.DisposeAsync();
        _dir.Dispose();
    }
}
