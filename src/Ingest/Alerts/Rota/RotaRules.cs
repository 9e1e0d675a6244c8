namespace LiveRoom.Ingest.Alerts.Rota;

/// <summary>Refuses rota entries that cannot route an alert, with a message naming the entry.</summary>
public static class RotaRules
{
    public static IEnumerable<string> Check(IReadOnlyList<RotaEntry> entries) =>
        entries.Where(e => string.IsNullOrWhiteSpace(e.Site) || string.IsNullOrWhiteSpace(e.Name) || e.Level is < 0 or > 9)
            .Select(e => $"rota entry '{e.Name}' of site '{e.Site}': site and name must be set and level 0–9");
}
