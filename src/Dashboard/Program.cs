using LiveRoom.Dashboard;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Users;
using LiveRoom.Runtime.Logging;

if (UsersCommand.Matches(args))
{
    return UsersCommand.Run(args, Console.Out, Console.Error);
}

if (ScheduleCommand.Matches(args))
{
    return ScheduleCommand.Run(args, Console.Out, Console.Error, TimeProvider.System);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddLiveRoomLogging();
builder.AddDashboard();
var app = builder.Build();
app.MapDashboard();
return await app.RunDashboardAsync("liveroom-dashboard");
