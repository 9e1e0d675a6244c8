namespace LiveRoom.Contracts.Validation;

/// <summary>A refused payload: the reason code and a sentence that names exactly what was wrong.</summary>
public sealed record Rejection(RejectReason Reason, string Detail)
{
    public string Code => Reason.ToCode();

    public override string ToString() => $"{Code}: {Detail}";
}
