using LiveRoom.Demo;
using LiveRoom.Runtime.Hosting;
using LiveRoom.Runtime.Logging;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ApplicationName = "liveroom-demo" });
builder.AddDemo(args);
builder.AddLiveRoomLogging();
var host = builder.Build();
var supervisor = host.Services.GetRequiredService<DemoSupervisor>();
var code = await host.RunLiveRoomAsync("liveroom-demo");
return code != 0 ? code : supervisor.ExitCode;
