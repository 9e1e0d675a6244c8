using System.Globalization;
using System.Text.Json;
using LiveRoom.Contracts.Payloads.Vision;

namespace LiveRoom.Probe.Vision.Commissioning;

/// <summary>
/// Regions for <c>reference approve</c>: a JSON file (<c>{"backdrop":{"x":0,"y":0,"w":1,"h":0.6}, …}</c>, as the
/// dashboard sends them) or an inline spec <c>backdrop=x,y,w,h;desk=…;seat=…;background=…</c>, invariant numbers.
/// </summary>
internal static class RegionSpec
{
    public static ReferenceRegions? Parse(string fileOrSpec, out string? error)
    {
        error = null;
        if (File.Exists(fileOrSpec))
        {
            try
            {
                var command = JsonSerializer.Deserialize(
                    "{\"v\":1,\"action\":\"approve\",\"capture\":\"x\",\"by\":\"\",\"ts\":0,\"regions\":" + File.ReadAllText(fileOrSpec) + "}",
                    VisionJsonContext.Default.ReferenceCommand);
                return command?.Regions ?? Fail("the file holds no regions", out error);
            }
            catch (JsonException ex)
            {
                return Fail($"{fileOrSpec}: {ex.Message}", out error);
            }
        }

        var rects = new Dictionary<string, RegionRect>(StringComparer.Ordinal);
        foreach (var part in fileOrSpec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? part[..eq].Trim() : part;
            if (eq <= 0 || !ReferenceRegions.Names.Contains(name, StringComparer.Ordinal))
            {
                return Fail($"'{part}': expected one of {string.Join(", ", ReferenceRegions.Names)} followed by =x,y,w,h", out error);
            }

            var numbers = part[(eq + 1)..].Split(',');
            var parsed = new double[4];
            if (numbers.Length != 4 || numbers.Where((n, i) => !double.TryParse(n.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out parsed[i])).Any())
            {
                return Fail($"'{part}': needs four numbers x,y,w,h (fractions of the frame, '.' as decimal point)", out error);
            }

            rects[name] = new RegionRect(parsed[0], parsed[1], parsed[2], parsed[3]);
        }

        return new ReferenceRegions
        {
            Backdrop = rects.GetValueOrDefault("backdrop"),
            Desk = rects.GetValueOrDefault("desk"),
            Seat = rects.GetValueOrDefault("seat"),
            Background = rects.GetValueOrDefault("background"),
        };
    }

    private static ReferenceRegions? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
