using LiveRoom.Dashboard;
using LiveRoom.Dashboard.Backup;
using LiveRoom.Dashboard.Health;
using LiveRoom.Backup;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Series;
using LiveRoom.Dashboard.Users;
using LiveRoom.Runtime.Hosting.Watchdog;
using LiveRoom.Runtime.Logging;

if (UsersCommand.Matches(args))
{
    return UsersCommand.Run(args, Console.Out, Console.Error);
}

if (ScheduleCommand.Matches(args))
{
    return ScheduleCommand.Run(args, Console.Out, Console.Error, TimeProvider.System);
}

if (RollupCommand.Matches(args))
{
    using var stop = StopSignal.Listen();
    return await RollupCommand.RunAsync(args, Console.Out, Console.Error, TimeProvider.System, stop.Token);
}

if (BackupCommand.Matches(args) || RestoreCommand.Matches(args))
{
    using var stop = StopSignal.Listen();
    return BackupCommand.Matches(args)
        ? await BackupCommand.RunAsync(args, Console.Out, Console.Error, TimeProvider.System, stop.Token)
        : await RestoreCommand.RunAsync(args, Console.Out, Console.Error, stop.Token);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddLiveRoomLogging();
builder.Services.AddServiceWatchdog();
builder.Services.AddSingleton<ILivenessCheck, HealthSelfCheck>();
builder.AddDashboard();
var app = builder.Build();
app.MapDashboard();
return await app.RunDashboardAsync("liveroom-dashboard");
