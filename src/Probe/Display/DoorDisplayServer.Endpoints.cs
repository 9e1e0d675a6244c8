using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LiveRoom.Probe.Lifecycle;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LiveRoom.Probe.Display;

/// <content>The page, the state JSON and the technician's two actions.</content>
public sealed partial class DoorDisplayServer
{
    private void MapEndpoints(WebApplication app)
    {
        app.MapGet("/", (RequestDelegate)(c => StaticAsync(c, DoorPage.Html, "text/html; charset=utf-8")));
        app.MapGet("/door.css", (RequestDelegate)(c => StaticAsync(c, DoorPage.Css, "text/css; charset=utf-8")));
        app.MapGet("/door.js", (RequestDelegate)(c => StaticAsync(c, DoorPage.Script, "text/javascript; charset=utf-8")));
        app.MapGet("/favicon.ico", (RequestDelegate)(c =>
        {
            // Browsers ask for it; answering "no content" keeps a 404 out of the kiosk's console.
            c.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }));
        app.MapGet("/api/state", (RequestDelegate)StateAsync);
        app.MapGet("/events", (RequestDelegate)EventsAsync);
        app.MapPost("/api/confirm", (RequestDelegate)ConfirmAsync);
        app.MapPost("/api/checklist/run", (RequestDelegate)RunAsync);
    }

    private static Task StaticAsync(HttpContext context, byte[] body, string contentType)
    {
        var response = context.Response;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers.ContentSecurityPolicy = DoorPage.ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private Task StateAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return WriteJsonAsync(context, StatusCodes.Status200OK, Snapshot(_lifecycle.Current), DisplayJsonContext.Default.DoorSnapshot);
    }

    private async Task ConfirmAsync(HttpContext context)
    {
        var request = await ReadAsync(context, DisplayJsonContext.Default.ConfirmRequest).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var item = DisplayText.Clean(request.Item);
        var by = DisplayText.Clean(request.By);
        var problem = Required("item", item, "the id of a manual checklist item") ?? Required("by", by, "the technician's name");
        if (problem is null)
        {
            var items = _lifecycle.ManualItems;
            if (!items.Any(i => string.Equals(i.Id, item, StringComparison.Ordinal)))
            {
                problem = items.Count == 0
                    ? $"unknown item '{item}': no checklist run with manual items is active"
                    : $"unknown item '{item}'; manual items of the current run: {string.Join(", ", items.Select(i => i.Id))}";
            }
        }

        if (problem is not null)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
            return;
        }

        var result = await _lifecycle.ConfirmAsync(item, by, context.RequestAborted).ConfigureAwait(false);
        DoorDisplayLog.Confirmed(_logger, by, item, result.Ok, result.Message);
        await WriteJsonAsync(context, result.Ok ? StatusCodes.Status200OK : StatusCodes.Status409Conflict, result, DisplayJsonContext.Default.LifecycleResult).ConfigureAwait(false);
    }

    private async Task RunAsync(HttpContext context)
    {
        var request = await ReadAsync(context, DisplayJsonContext.Default.RunChecklistRequest).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var by = DisplayText.Clean(request.By);
        if (Required("by", by, "the technician's name") is { } problem)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
            return;
        }

        var result = await _lifecycle.RunChecklistAsync(by, context.RequestAborted).ConfigureAwait(false);
        DoorDisplayLog.RunRequested(_logger, by, result.Ok, result.Message);
        await WriteJsonAsync(context, result.Ok ? StatusCodes.Status200OK : StatusCodes.Status409Conflict, result, DisplayJsonContext.Default.LifecycleResult).ConfigureAwait(false);
    }

    private static string? Required(string field, string value, string what)
    {
        if (value.Length == 0)
        {
            return $"{field} is required: {what}";
        }

        return value.Length > DisplayDefaults.MaxNameLength ? $"{field} is {value.Length} characters long; allowed at most {DisplayDefaults.MaxNameLength}" : null;
    }

    /// <summary>The body of a POST from the door page, or null after answering 403/413/415/400.</summary>
    private async Task<T?> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        if (SameOriginPolicy.Refusal(context.Request) is { } refusal)
        {
            DoorDisplayLog.CrossOriginRefused(_logger, context.Request.Method, context.Request.Path, Remote(context), refusal);
            await WriteJsonAsync(context, StatusCodes.Status403Forbidden, LifecycleResult.Refused(refusal), DisplayJsonContext.Default.LifecycleResult).ConfigureAwait(false);
            return null;
        }

        if (!context.Request.HasJsonContentType())
        {
            await RejectAsync(context, StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json").ConfigureAwait(false);
            return null;
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted).ConfigureAwait(false);
            if (body is not null)
            {
                return body;
            }

            await RejectAsync(context, StatusCodes.Status400BadRequest, "body must be a JSON object").ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "body is not valid JSON: " + e.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RejectAsync(context, e.StatusCode, $"body is larger than {DisplayDefaults.MaxRequestBytes} bytes").ConfigureAwait(false);
        }

        return null;
    }

    private Task RejectAsync(HttpContext context, int status, string message)
    {
        DoorDisplayLog.BadRequest(_logger, context.Request.Path, Remote(context), status, message);
        return WriteJsonAsync(context, status, LifecycleResult.Refused(message), DisplayJsonContext.Default.LifecycleResult);
    }

    private static Task WriteJsonAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted);
    }

    private static string Remote(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "?";
}
