namespace LiveRoom.Ingest.Security;

/// <summary>
/// <c>liveroom-ingest security generate --rooms site1/room1,site1/room2 --collector-user collector --out DIR
/// [--dashboard-user dashboard] [--signs] [--force]</c>: writes the broker's password, ACL and dynamic-security files
/// and the credentials for each edge, the collector and, when asked for, the dashboard and each room's door sign.
/// Exit codes: 0 written, 2 bad arguments, 1 could not write.
/// </summary>
public static class SecurityCommand
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private const string UsageText =
        "usage: security generate --rooms SITE/ROOM[,SITE/ROOM...] [--rooms-file FILE] --collector-user USER --out DIR\n" +
        "                         [--dashboard-user USER] [--signs] [--ca-cert FILE --ca-key FILE [--cert-days N]] [--force]\n" +
        "  --rooms           comma-separated site/room ids (letters, digits, '-', '_', '.')\n" +
        "  --rooms-file      a file with one site/room per line ('#' starts a comment)\n" +
        "  --collector-user  the collector's broker user name\n" +
        "  --dashboard-user  also an account for the dashboard (publishes every room's cmd/#, reads state, status,\n" +
        "                    thumbnail), written to dashboard.credentials\n" +
        "  --signs           also a read-only account per room for its door sign, sign-SITE-ROOM (reads the room's\n" +
        "                    display, state and status), written to signs.credentials\n" +
        "  --out             directory for passwords, acl, dynamic-security.json, rooms.credentials, collector.credentials\n" +
        "                    (and dashboard.credentials, signs.credentials)\n" +
        "  --ca-cert, --ca-key  also issue a client certificate per user (CN = user name) signed by this CA,\n" +
        "                    written to certs/USER.crt and certs/USER.key (for use_identity_as_username)\n" +
        "  --cert-days       validity of issued certificates in days (default 397)\n" +
        "  --force           replace existing files (every account gets a new password)\n";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteAsync(UsageText.AsMemory(), ct).ConfigureAwait(false);
            return args.Length == 0 ? Usage : Ok;
        }

        if (args[0] != "generate")
        {
            return await UsageErrorAsync(error, $"unknown security command '{args[0]}'", ct).ConfigureAwait(false);
        }

        var roomTexts = new List<string>();
        string? collector = null;
        string? dashboard = null;
        var signs = false;
        string? outDir = null;
        var force = false;
        string? caCert = null;
        string? caKey = null;
        var certDays = (int)ClientCertificateIssuer.DefaultValidity.TotalDays;
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--force")
            {
                force = true;
                continue;
            }

            if (name == "--signs")
            {
                signs = true;
                continue;
            }

            if (name is not ("--rooms" or "--rooms-file" or "--collector-user" or "--dashboard-user" or "--out" or "--ca-cert" or "--ca-key" or "--cert-days"))
            {
                return await UsageErrorAsync(error, $"unknown option '{name}'", ct).ConfigureAwait(false);
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return await UsageErrorAsync(error, $"{name} needs a value", ct).ConfigureAwait(false);
            }

            var value = args[++i];
            switch (name)
            {
                case "--rooms":
                    roomTexts.AddRange(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "--rooms-file":
                    if (!File.Exists(value))
                    {
                        return await UsageErrorAsync(error, $"rooms file '{value}' does not exist", ct).ConfigureAwait(false);
                    }

                    roomTexts.AddRange((await File.ReadAllLinesAsync(value, ct).ConfigureAwait(false))
                        .Select(l => l.Split('#', 2)[0].Trim())
                        .Where(l => l.Length > 0));
                    break;
                case "--collector-user":
                    collector = value;
                    break;
                case "--dashboard-user":
                    dashboard = value;
                    break;
                case "--ca-cert":
                    caCert = value;
                    break;
                case "--ca-key":
                    caKey = value;
                    break;
                case "--cert-days":
                    if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out certDays) || certDays is < 1 or > 3650)
                    {
                        return await UsageErrorAsync(error, $"--cert-days '{value}' must be a whole number of days from 1 to 3650", ct).ConfigureAwait(false);
                    }

                    break;
                default:
                    outDir = value;
                    break;
            }
        }

        if (roomTexts.Count == 0)
        {
            return await UsageErrorAsync(error, "no rooms given (--rooms or --rooms-file)", ct).ConfigureAwait(false);
        }

        if (collector is null || outDir is null)
        {
            return await UsageErrorAsync(error, collector is null ? "--collector-user is required" : "--out is required", ct).ConfigureAwait(false);
        }

        if ((caCert is null) != (caKey is null))
        {
            return await UsageErrorAsync(error, "--ca-cert and --ca-key go together", ct).ConfigureAwait(false);
        }

        foreach (var file in new[] { caCert, caKey })
        {
            if (file is not null && !File.Exists(file))
            {
                return await UsageErrorAsync(error, $"'{file}' does not exist", ct).ConfigureAwait(false);
            }
        }

        var rooms = new List<RoomId>(roomTexts.Count);
        var seen = new HashSet<RoomId>();
        foreach (var text in roomTexts)
        {
            if (!RoomId.TryParse(text, out var room, out var reason))
            {
                return await UsageErrorAsync(error, reason!, ct).ConfigureAwait(false);
            }

            if (!seen.Add(room))
            {
                return await UsageErrorAsync(error, $"room '{text}' is listed twice", ct).ConfigureAwait(false);
            }

            rooms.Add(room);
        }

        SecurityFiles files;
        try
        {
            files = MosquittoSecurityGenerator.Generate(rooms, collector, dashboard, signs);
            if (caCert is not null)
            {
                files = files with
                {
                    Certificates = ClientCertificateIssuer.Issue(files.Users, caCert, caKey!, TimeSpan.FromDays(certDays), TimeProvider.System),
                };
            }
        }
        catch (ArgumentException ex)
        {
            return await UsageErrorAsync(error, ex.Message.Split(" (Parameter", 2)[0], ct).ConfigureAwait(false);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            await error.WriteLineAsync($"error: cannot use CA '{caCert}' with key '{caKey}': {ex.Message}".AsMemory(), ct).ConfigureAwait(false);
            return Failed;
        }

        IReadOnlyList<string> stale;
        try
        {
            stale = await MosquittoSecurityGenerator.WriteAsync(files, outDir, force, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {ex.Message}".AsMemory(), ct).ConfigureAwait(false);
            return Failed;
        }

        var full = Path.GetFullPath(outDir);
        await output.WriteLineAsync(
            ($"wrote {rooms.Count} room user(s), collector user '{collector}'" +
            (dashboard is null ? string.Empty : $", dashboard user '{dashboard}'") +
            (signs ? $", {rooms.Count} sign user(s)" : string.Empty) +
            $" to {full}\n" +
            $"  broker (plain files):    password_file {Path.Combine(full, SecurityFiles.PasswordFileName)}\n" +
            $"                           acl_file {Path.Combine(full, SecurityFiles.AclFileName)}\n" +
            $"  broker (or, refusing disallowed subscriptions with 0x87): plugin .../mosquitto_dynamic_security.so\n" +
            $"                           plugin_opt_config_file {Path.Combine(full, SecurityFiles.DynamicSecurityFileName)}\n" +
            $"  edges:     {SecurityFiles.RoomCredentialsFileName} (0600, one line per room: site/room user password)\n" +
            $"  collector: {SecurityFiles.CollectorCredentialsFileName} (0600)\n" +
            (dashboard is null
                ? string.Empty
                : $"  dashboard: {SecurityFiles.DashboardCredentialsFileName} (0600, user password: Dashboard:Mqtt:Username and Password)\n") +
            (signs
                ? $"  signs:     {SecurityFiles.SignCredentialsFileName} (0600, one line per room: site/room user password; SIGN_MQTT_USER, SIGN_MQTT_PASSWORD)\n"
                : string.Empty) +
            (files.Certificates.Count > 0
                ? $"  client certificates: {SecurityFiles.CertificateDirectoryName}/USER.crt and .key (0600); TLS listener: require_certificate true, use_identity_as_username true\n"
                : string.Empty) +
            "  and set allow_anonymous false" +
            string.Concat(stale.Select(path => $"\n  removed {path}: its account is not in the new password file (add the option again to keep one)"))).AsMemory(),
            ct).ConfigureAwait(false);
        return Ok;
    }

    private static async Task<int> UsageErrorAsync(TextWriter error, string message, CancellationToken ct)
    {
        await error.WriteLineAsync($"error: {message}".AsMemory(), ct).ConfigureAwait(false);
        await error.WriteAsync(UsageText.AsMemory(), ct).ConfigureAwait(false);
        return Usage;
    }
}
