namespace LiveRoom.Dashboard.Options;

/// <summary>
/// The collectors of <see cref="DashboardOptions.AlertsUrl"/>, asked in turn: only the active one of a primary/standby
/// group listens, and it holds every collector's records and settings.
/// </summary>
internal static class CollectorList
{
    /// <summary>
    /// The first answer without a problem; when none, every collector's problem (named by its URL when there are several).
    /// </summary>
    public static async Task<(T? Value, string? Problem)> FirstAnswerAsync<T>(IReadOnlyList<Uri> collectors, Func<Uri, Task<(T? Value, string? Problem)>> ask)
    {
        var problems = new List<string>();
        foreach (var collector in collectors)
        {
            var (value, problem) = await ask(collector);
            if (problem is null)
            {
                return (value, null);
            }

            problems.Add(collectors.Count == 1 ? problem : $"{collector}: {problem}");
        }

        return (default, string.Join("; ", problems));
    }

    /// <summary><paramref name="path"/> (relative, with its query) on <paramref name="collector"/>.</summary>
    public static Uri At(Uri collector, string path) => new(new Uri(collector.ToString().TrimEnd('/') + "/"), path);
}
