using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveRoom.Backup;

/// <summary>Source-generated JSON of <c>manifest.json</c> (camelCase, indented for people who open it).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(BackupManifest))]
internal sealed partial class BackupJsonContext : JsonSerializerContext
{
    /// <summary>As written: paths and versions as they are ('+', non-ASCII names), not \u-escaped for HTML.</summary>
    public static BackupJsonContext Written { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
