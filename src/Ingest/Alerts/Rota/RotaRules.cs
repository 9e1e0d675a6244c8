using LiveRoom.Contracts.Text;

namespace LiveRoom.Ingest.Alerts.Rota;

/// <summary>Refuses rota entries that cannot route an alert, with a message naming the entry.</summary>
public static class RotaRules
{
    public static IEnumerable<LocalText> Check(IReadOnlyList<RotaEntry> entries) =>
        entries.Where(e => string.IsNullOrWhiteSpace(e.Site) || string.IsNullOrWhiteSpace(e.Name) || e.Level is < 0 or > 9)
            .Select(e => new LocalText(
                $"rota entry '{e.Name}' of site '{e.Site}': site and name must be set and level 0–9",
                $"值班表中站点“{e.Site}”的“{e.Name}”：站点和姓名必填，级别为 0–9"));
}
