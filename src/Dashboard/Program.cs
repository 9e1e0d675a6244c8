using LiveRoom.Dashboard;
using LiveRoom.Dashboard.Users;
using LiveRoom.Runtime.Logging;

if (UsersCommand.Matches(args))
{
    return UsersCommand.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddLiveRoomLogging();
builder.AddDashboard();
var app = builder.Build();
app.MapDashboard();
return await app.RunDashboardAsync("liveroom-dashboard");
