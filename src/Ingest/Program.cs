using LiveRoom.Ingest.Alerts.Heartbeat;
using LiveRoom.Ingest.Backup;
using LiveRoom.Ingest.Hosting;
using LiveRoom.Ingest.Presences;
using LiveRoom.Ingest.Security;
using LiveRoom.Backup;
using LiveRoom.Runtime.Hosting;
using LiveRoom.Runtime.Hosting.Watchdog;
using LiveRoom.Runtime.Logging;
using Microsoft.Extensions.Hosting;

if (args.Length > 0 && args[0] == "security")
{
    return await SecurityCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);
}

if (args.Length > 0 && args[0] == "presence")
{
    using var stop = StopSignal.Listen();
    return await PresenceCommand.RunAsync(args[1..], Console.Out, Console.Error, o => new LiveRoom.Mqtt.MosquittoClient(o), TimeProvider.System, stop.Token);
}

if (BackupCommand.Matches(args) || RestoreCommand.Matches(args))
{
    using var stop = StopSignal.Listen();
    return BackupCommand.Matches(args)
        ? await BackupCommand.RunAsync(args, Console.Out, Console.Error, TimeProvider.System, stop.Token)
        : await RestoreCommand.RunAsync(args, Console.Out, Console.Error, stop.Token);
}

if (args.Length > 0 && args[0] == "watchdog")
{
    // Its own application name: its own log file (liveroom-watchdog-*.log) when it shares a log directory with the collector.
    var watchdog = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args[1..], ApplicationName = "liveroom-watchdog" });
    watchdog.AddLiveRoomLogging();
    watchdog.Services.AddServiceWatchdog();
    watchdog.AddCollectorWatchdog();
    return await watchdog.Build().RunLiveRoomAsync("liveroom-watchdog");
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddLiveRoomLogging();
builder.Services.AddServiceWatchdog();
builder.AddIngest();
return await builder.Build().RunLiveRoomAsync("liveroom-ingest");
