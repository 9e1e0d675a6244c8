namespace LiveRoom.Contracts.Payloads;

/// <summary>Schema version carried in every payload as <c>v</c>. The collector rejects versions it does not know.</summary>
public static class SchemaVersion
{
    public const int Current = 1;
}
