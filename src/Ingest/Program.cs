using LiveRoom.Ingest.Hosting;
using LiveRoom.Ingest.Security;
using LiveRoom.Runtime.Hosting;
using LiveRoom.Runtime.Logging;
using Microsoft.Extensions.Hosting;

if (args.Length > 0 && args[0] == "security")
{
    return await SecurityCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddLiveRoomLogging();
builder.AddIngest();
return await builder.Build().RunLiveRoomAsync("liveroom-ingest");
