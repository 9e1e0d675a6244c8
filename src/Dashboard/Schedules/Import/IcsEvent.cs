namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>The properties of one VEVENT (nested components such as VALARM left out), with the line of its BEGIN.</summary>
internal sealed class IcsEvent(int line)
{
    private readonly List<IcsContentLine> _properties = [];

    public int Line { get; } = line;

    public void Add(IcsContentLine property) => _properties.Add(property);

    /// <summary>The first property of that name, or null.</summary>
    public IcsContentLine? Get(string name) => _properties.Find(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public IEnumerable<IcsContentLine> All(string name) => _properties.Where(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
