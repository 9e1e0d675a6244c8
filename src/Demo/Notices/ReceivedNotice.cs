using System.Text.Json.Nodes;

namespace LiveRoom.Demo.Notices;

/// <summary>One notice the inbox received: the webhook's JSON body as sent, when it came, and how often it was delivered.</summary>
internal sealed class ReceivedNotice(DateTimeOffset receivedAt, string? key, JsonObject body)
{
    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    /// <summary>The sender's <c>Idempotency-Key</c>: the same across retries of one notice.</summary>
    public string? Key { get; } = key;

    public JsonObject Body { get; } = body;

    /// <summary>1, plus one per retry that arrived after the first delivery was already taken.</summary>
    public int Deliveries { get; set; } = 1;

    public string Title => Body["title"] is null ? "(no title)" : Text(Body["title"]);

    /// <summary>firing, reminder, escalation, resolved or test (the webhook's <c>kind</c>).</summary>
    public string Kind => Body["kind"] is null ? "notice" : Text(Body["kind"]);

    /// <summary>Whom the notice names, e.g. "王工 (level 0)"; "nobody" when the rota named nobody.</summary>
    public string Recipients
    {
        get
        {
            var names = (Body["recipients"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(r => $"{Text(r["name"])} (level {Text(r["level"])})")
                .ToList();
            return names.Count == 0 ? "nobody" : string.Join(", ", names);
        }
    }

    public JsonObject Json() => new()
    {
        ["receivedAt"] = ReceivedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["deliveries"] = Deliveries,
        ["notice"] = Body.DeepClone(),
    };

    /// <summary>A JSON value as text: a string as it is, anything else as its JSON.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
