using System.Text.Json;
using System.Text.Json.Serialization;
using LiveRoom.Dashboard.Health;
using LiveRoom.Dashboard.Rooms;
using Microsoft.AspNetCore.Mvc;

namespace LiveRoom.Dashboard;

/// <summary>Source-generated JSON for the API's bodies (camelCase, as the page's JavaScript reads them).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(LiveRoomsResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ProblemDetails))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
