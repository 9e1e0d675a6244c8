using LiveRoom.Dashboard;
using LiveRoom.Runtime.Logging;

var builder = WebApplication.CreateBuilder(args);
builder.AddLiveRoomLogging();
builder.AddDashboard();
var app = builder.Build();
app.MapDashboard();
return await app.RunDashboardAsync("liveroom-dashboard");
