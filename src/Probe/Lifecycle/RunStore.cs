using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>
/// Run records on disk, one JSON file per run under <c>runs/</c> of the lifecycle directory, written atomically.
/// Closed runs older than <see cref="LifecycleDefaults.RunRetention"/> are removed at load (they are stored centrally).
/// </summary>
internal sealed class RunStore(string directory)
{
    public string Directory => Path.Combine(directory, "runs");

    public string PathOf(string runId)
    {
        // Show ids come from the central store: keep the name safe, and unique when characters had to be replaced.
        var safe = new string([.. runId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        if (safe != runId || safe.Length > 100)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(runId)))[..12];
            safe = (safe.Length > 80 ? safe[..80] : safe) + "-" + hash;
        }

        return Path.Combine(Directory, "run-" + safe.TrimStart('.') + ".json");
    }

    public void Save(ChecklistRun run) =>
        AtomicFile.Write(PathOf(run.Id), JsonSerializer.SerializeToUtf8Bytes(run, LifecycleJsonContext.Default.ChecklistRun));

    /// <summary>Every readable run; unreadable files are named in <paramref name="problems"/> and left in place.</summary>
    public List<ChecklistRun> LoadAll(DateTimeOffset now, List<string> problems)
    {
        var runs = new List<ChecklistRun>();
        if (!System.IO.Directory.Exists(Directory))
        {
            return runs;
        }

        var oldest = (now - LifecycleDefaults.RunRetention).ToUnixTimeMilliseconds();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "run-*.json"))
        {
            try
            {
                var run = JsonSerializer.Deserialize(File.ReadAllBytes(file), LifecycleJsonContext.Default.ChecklistRun);
                if (run is null)
                {
                    problems.Add($"{file}: empty");
                    continue;
                }

                if (run.ClosedAt is { } closed && closed < oldest)
                {
                    File.Delete(file);
                    continue;
                }

                runs.Add(run);
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"{file}: {ex.Message}");
            }
        }

        return runs;
    }
}
