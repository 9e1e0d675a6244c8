using System.Text;
using LiveRoom.Contracts.Topics;

namespace LiveRoom.Ingest.Security;

/// <summary>
/// Generates per-room broker security for Mosquitto 2.0: a password file and an ACL file (for
/// <c>password_file</c>/<c>acl_file</c>), the same accounts and rules as a dynamic-security plugin config, and
/// the clear-text credentials to hand to each edge. Every room user <c>edge-{site}-{room}</c> may publish only
/// its own channels and read only its own <c>cmd/#</c> and <c>ack</c>; the collector reads and writes
/// <c>liveroom/v1/#</c> and writes <c>liveroom-sys/#</c>. Optionally the dashboard may publish every room's
/// <c>cmd/#</c> and read every room's <c>state</c>, <c>status</c> and <c>thumbnail</c>, and each room's door sign
/// <c>sign-{site}-{room}</c> may read its own room's <c>display</c>, <c>state</c> and <c>status</c> and publish
/// nothing. Nothing else is allowed to anyone.
/// </summary>
public static class MosquittoSecurityGenerator
{
    /// <summary>
    /// Builds the files in memory; rooms.credentials has exactly one line per room, <c>site/room user password</c>.
    /// With <paramref name="dashboardUser"/> also a dashboard account, with <paramref name="signs"/> also one sign
    /// account per room. Throws <see cref="ArgumentException"/> naming the offending room or user, and for two
    /// accounts that would get the same name, both of them.
    /// </summary>
    public static SecurityFiles Generate(IReadOnlyList<RoomId> rooms, string collectorUser, string? dashboardUser = null, bool signs = false)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        if (!Identifier.IsValid(collectorUser, out var reason))
        {
            throw new ArgumentException($"collector user: {reason}", nameof(collectorUser));
        }

        if (dashboardUser is not null && !Identifier.IsValid(dashboardUser, out reason))
        {
            throw new ArgumentException($"dashboard user: {reason}", nameof(dashboardUser));
        }

        if (rooms.Count == 0)
        {
            throw new ArgumentException("at least one room is required", nameof(rooms));
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [collectorUser] = "the collector" };
        var edges = new List<BrokerUser>(rooms.Count);
        var signUsers = new List<BrokerUser>(signs ? rooms.Count : 0);
        foreach (var room in rooms)
        {
            Identifier.ThrowIfInvalid(room.Site, nameof(rooms));
            Identifier.ThrowIfInvalid(room.Room, nameof(rooms));
            if (!names.TryAdd(room.UserName, room.ToString()))
            {
                // e.g. a-b/c and a/b-c both give edge-a-b-c: one account must never serve two rooms.
                throw new ArgumentException(
                    $"room '{room}' gives user name '{room.UserName}', which is already used by {names[room.UserName]}", nameof(rooms));
            }

            edges.Add(NewUser(BrokerUserKind.Edge, room, room.UserName));
        }

        // After every edge name, so that a clash between two rooms is reported as the edge clash it also is.
        if (signs)
        {
            foreach (var room in rooms)
            {
                if (!names.TryAdd(room.SignUserName, $"the sign of {room}"))
                {
                    throw new ArgumentException(
                        $"room '{room}' gives sign user name '{room.SignUserName}', which is already used by {names[room.SignUserName]}", nameof(rooms));
                }

                signUsers.Add(NewUser(BrokerUserKind.Sign, room, room.SignUserName));
            }
        }

        if (dashboardUser is not null && !names.TryAdd(dashboardUser, "the dashboard"))
        {
            throw new ArgumentException($"dashboard user '{dashboardUser}' is already used by {names[dashboardUser]}", nameof(dashboardUser));
        }

        var collector = NewUser(BrokerUserKind.Collector, null, collectorUser);
        var dashboard = dashboardUser is null ? null : NewUser(BrokerUserKind.Dashboard, null, dashboardUser);
        var users = new List<BrokerUser>(edges) { collector };
        if (dashboard is not null)
        {
            users.Add(dashboard);
        }

        users.AddRange(signUsers);
        return new SecurityFiles(
            users,
            PasswordFile(users),
            AclFile(users),
            DynamicSecurityConfig.Build(users),
            RoomCredentials(edges),
            Credentials(collector))
        {
            DashboardCredentials = dashboard is null ? null : Credentials(dashboard),
            SignCredentials = signs ? RoomCredentials(signUsers) : null,
        };
    }

    /// <summary>
    /// Writes the files into <paramref name="directory"/> (created if missing). Password and credential files are
    /// created with mode 0600. Existing files are replaced only with <paramref name="overwrite"/>.
    /// </summary>
    /// <returns>
    /// Credentials files of a previous run whose accounts this run does not generate (dashboard, signs), removed with
    /// <paramref name="overwrite"/>: the new password file no longer has those accounts, so their passwords are dead.
    /// </returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(SecurityFiles files, string directory, bool overwrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(directory);
        var secret = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var readable = secret | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var outputs = new (string Name, string Text, UnixFileMode Mode)[]
        {
            (SecurityFiles.PasswordFileName, files.PasswordFile, secret),
            (SecurityFiles.AclFileName, files.AclFile, readable),
            (SecurityFiles.DynamicSecurityFileName, files.DynamicSecurityJson, secret),
            (SecurityFiles.RoomCredentialsFileName, files.RoomCredentials, secret),
            (SecurityFiles.CollectorCredentialsFileName, files.CollectorCredentials, secret),
        };
        if (files.DashboardCredentials is not null)
        {
            outputs = [.. outputs, (SecurityFiles.DashboardCredentialsFileName, files.DashboardCredentials, secret)];
        }

        if (files.SignCredentials is not null)
        {
            outputs = [.. outputs, (SecurityFiles.SignCredentialsFileName, files.SignCredentials, secret)];
        }

        var certificates = Path.Combine(directory, SecurityFiles.CertificateDirectoryName);
        if (files.Certificates.Count > 0)
        {
            Directory.CreateDirectory(certificates);
        }

        outputs =
        [
            .. outputs,
            .. files.Certificates.SelectMany(c => new[]
            {
                (Path.Combine(SecurityFiles.CertificateDirectoryName, c.UserName + ".crt"), c.CertificatePem, readable),
                (Path.Combine(SecurityFiles.CertificateDirectoryName, c.UserName + ".key"), c.KeyPem, secret),
            }),
        ];
        if (!overwrite)
        {
            var existing = outputs.Select(o => Path.Combine(directory, o.Name)).Where(File.Exists).ToList();
            if (existing.Count > 0)
            {
                throw new IOException($"{string.Join(", ", existing)} already exist(s); use --force to replace them (every room gets a new password)");
            }
        }

        foreach (var (name, text, mode) in outputs)
        {
            var path = Path.Combine(directory, name);
            File.Delete(path);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // Set at creation, so the secret is never readable by others, not even for a moment.
                options.UnixCreateMode = mode;
            }

            var stream = new FileStream(path, options);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
            }
        }

        var stale = new List<string>();
        foreach (var (name, generated) in new[]
        {
            (SecurityFiles.DashboardCredentialsFileName, files.DashboardCredentials is not null),
            (SecurityFiles.SignCredentialsFileName, files.SignCredentials is not null),
        })
        {
            var path = Path.Combine(directory, name);
            if (overwrite && !generated && File.Exists(path))
            {
                File.Delete(path);
                stale.Add(path);
            }
        }

        return stale;
    }

    private static BrokerUser NewUser(BrokerUserKind kind, RoomId? room, string userName)
    {
        var password = MosquittoPasswordHash.NewPassword();
        var (salt, hash) = MosquittoPasswordHash.Compute(password);
        return new BrokerUser(kind, room, userName, password, salt, hash);
    }

    private static string Credentials(BrokerUser user) => string.Concat(user.UserName, " ", user.Password, "\n");

    private static string PasswordFile(IEnumerable<BrokerUser> users)
    {
        var text = new StringBuilder();
        foreach (var user in users)
        {
            text.Append(user.UserName).Append(':').Append(MosquittoPasswordHash.Format(user.Salt, user.Hash)).Append('\n');
        }

        return text.ToString();
    }

    private static string AclFile(IEnumerable<BrokerUser> users)
    {
        var text = new StringBuilder();
        text.Append("# Generated by liveroom-ingest security generate. Anything not listed is denied.\n");
        text.Append("# mosquitto 2.0's acl_file checks publishing and delivery; subscriptions outside a user's topics are\n");
        text.Append("# granted but receive nothing. dynamic-security.json also refuses them at SUBACK (0x87).\n");
        foreach (var user in users)
        {
            text.Append('\n').Append("user ").Append(user.UserName).Append('\n');
            foreach (var grant in AccountRules.For(user))
            {
                var access = grant switch
                {
                    { Read: true, Write: true } => "readwrite",
                    { Write: true } => "write",
                    _ => "read",
                };
                text.Append("topic ").Append(access).Append(' ').Append(grant.Filter).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary><c>site/room user password</c>, one line per room account.</summary>
    private static string RoomCredentials(IEnumerable<BrokerUser> users)
    {
        var text = new StringBuilder();
        foreach (var user in users)
        {
            if (user.Room is { } room)
            {
                text.Append(room.ToString()).Append(' ').Append(user.UserName).Append(' ').Append(user.Password).Append('\n');
            }
        }

        return text.ToString();
    }
}
