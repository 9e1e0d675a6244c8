using LiveRoom.Probe.Hosting;
using LiveRoom.Runtime.Hosting;
using LiveRoom.Runtime.Logging;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddLiveRoomLogging();
builder.AddProbe();
return await builder.Build().RunLiveRoomAsync("liveroom-probe");
