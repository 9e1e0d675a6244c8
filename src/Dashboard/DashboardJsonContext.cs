using System.Text.Json;
using System.Text.Json.Serialization;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Dashboard.Health;
using LiveRoom.Dashboard.Lifecycle;
using LiveRoom.Dashboard.Reports;
using LiveRoom.Dashboard.Rooms;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.SignIn;
using LiveRoom.Dashboard.Series;
using LiveRoom.Dashboard.Users;
using Microsoft.AspNetCore.Mvc;

namespace LiveRoom.Dashboard;

/// <summary>Source-generated JSON for the API's bodies (camelCase, as the page's JavaScript reads them).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(LiveRoomsResponse))]
[JsonSerializable(typeof(Collectors.CollectorStatusView))]
[JsonSerializable(typeof(Contracts.Payloads.CollectorMember))]
[JsonSerializable(typeof(Contracts.Payloads.ServicePresenceEntry))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(List<Alerting.OpenAlert>))]
[JsonSerializable(typeof(Alerting.OpenAlertsView))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(PasswordChangeRequest))]
[JsonSerializable(typeof(MeResponse))]
[JsonSerializable(typeof(CsrfResponse))]
[JsonSerializable(typeof(CreateUserRequest))]
[JsonSerializable(typeof(UpdateUserRequest))]
[JsonSerializable(typeof(CreatedUserResponse))]
[JsonSerializable(typeof(List<UserSummary>))]
[JsonSerializable(typeof(IReadOnlyList<AuditEntry>))]
[JsonSerializable(typeof(RoomSeriesResponse))]
[JsonSerializable(typeof(ComplianceReport))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(SiteRequest))]
[JsonSerializable(typeof(SiteResponse))]
[JsonSerializable(typeof(List<SiteResponse>))]
[JsonSerializable(typeof(RoomRequest))]
[JsonSerializable(typeof(List<RoomResponse>))]
[JsonSerializable(typeof(ManualItemRequest))]
[JsonSerializable(typeof(IReadOnlyList<ManualItem>))]
[JsonSerializable(typeof(ShowRequest))]
[JsonSerializable(typeof(ShowProfile))]
[JsonSerializable(typeof(List<ShowResponse>))]
[JsonSerializable(typeof(ImportResponse))]
[JsonSerializable(typeof(RoomStateView))]
[JsonSerializable(typeof(ChecklistRunsResponse))]
[JsonSerializable(typeof(ShowReportsResponse))]
[JsonSerializable(typeof(ShowReportDetail))]
[JsonSerializable(typeof(ChecklistConfirmRequest))]
[JsonSerializable(typeof(ChecklistCommandResponse))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
