using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Security;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Dashboard.Users;

/// <summary>
/// <c>liveroom-dashboard users create-admin --name NAME</c>: creates the first administrator and prints a
/// one-time password to be changed at first sign-in (there is no default password, issue 8 item 5).
/// Other arguments are configuration, e.g. <c>--Dashboard:Store:Path=/var/lib/liveroom/dashboard/dashboard.db</c>.
/// </summary>
internal static class UsersCommand
{
    public const string Usage = "usage: liveroom-dashboard users create-admin --name NAME [--Dashboard:Store:Path=FILE]";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "users";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length < 2 || args[1] != "create-admin")
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        string? name = null;
        var rest = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            if (args[i] == "--name" && i + 1 < args.Length)
            {
                name = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        if (UserRules.Check(name, [Roles.Admin], []) is { } problem)
        {
            stderr.WriteLine($"liveroom-dashboard: {problem.English}. {Usage}");
            return 2;
        }

        var store = CommandLineStore.Open(rest);
        var users = new UserStore(store);
        var password = Passwords.OneTime();
        if (!users.TryCreate(name!, [Roles.Admin], [], Passwords.Hash(password), mustChangePassword: true, TimeProvider.System.GetUtcNow()))
        {
            stderr.WriteLine($"liveroom-dashboard: a user named '{name}' exists in {store.Path}");
            return 1;
        }

        new AuditLog(store, TimeProvider.System, NullLogger<AuditLog>.Instance)
            .Write("(command line)", null, AuditActions.UserCreate, name, "ok", "roles=admin; first administrator");
        stdout.WriteLine($"created administrator '{name}' in {store.Path}");
        stdout.WriteLine($"one-time password (shown once; change it at first sign-in): {password}");
        return 0;
    }
}
