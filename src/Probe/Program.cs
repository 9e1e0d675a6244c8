using LiveRoom.Probe.Check;
using LiveRoom.Probe.Hosting;
using LiveRoom.Probe.Vision.Commissioning;
using LiveRoom.Runtime.Hosting;
using LiveRoom.Runtime.Hosting.Watchdog;
using LiveRoom.Runtime.Logging;
using Microsoft.Extensions.Hosting;

if (args is [CheckCommand.Verb, .. var checkArgs])
{
    return await CheckCommand.RunAsync(checkArgs, Console.Out, Console.Error, CancellationToken.None);
}

if (args is [ReferenceCommandLine.Verb, .. var referenceArgs])
{
    return await ReferenceCommandLine.RunAsync(referenceArgs, Console.Out, Console.Error, TimeProvider.System, CancellationToken.None);
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddLiveRoomLogging();
builder.Services.AddServiceWatchdog();
builder.AddProbe();
return await builder.Build().RunLiveRoomAsync("liveroom-probe");
