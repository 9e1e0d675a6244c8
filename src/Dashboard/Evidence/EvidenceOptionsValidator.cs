using System.Globalization;
using LiveRoom.Contracts.Topics;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Evidence;

/// <summary>Checks <see cref="EvidenceOptions"/> at start; each message names the key and the allowed range.</summary>
internal sealed class EvidenceOptionsValidator : IValidateOptions<EvidenceOptions>
{
    public ValidateOptionsResult Validate(string? name, EvidenceOptions options)
    {
        var errors = new List<string>();
        if (options.RetentionDays is < EvidenceDefaults.MinRetentionDays or > EvidenceDefaults.MaxRetentionDays)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{EvidenceOptions.Section}:RetentionDays is {options.RetentionDays}; allowed {EvidenceDefaults.MinRetentionDays} to {EvidenceDefaults.MaxRetentionDays} (seed clause 6.2.3 keeps evidence at least 60 days), default {EvidenceDefaults.RetentionDays}"));
        }

        if (options.SweepInterval < TimeSpan.FromMinutes(1) || options.SweepInterval > TimeSpan.FromDays(7))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{EvidenceOptions.Section}:SweepInterval is {options.SweepInterval:c}; allowed 00:01:00 to 7.00:00:00, default 1.00:00:00"));
        }

        if (!Identifier.IsValid(options.ClientId, out var bad))
        {
            errors.Add($"{EvidenceOptions.Section}:ClientId: {bad}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
