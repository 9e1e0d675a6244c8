using System.Globalization;

namespace LiveRoom.Ingest.Alerts.Rules;

/// <summary>Refuses a rule that cannot work, with a message naming what is wrong (issue 7, "Bad input").</summary>
public static class RuleValidator
{
    public static List<string> Check(AlertRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(rule.Id) || rule.Id.Length > 64 || !rule.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            failures.Add($"rule id '{rule.Id}' must be 1–64 letters, digits, '_' or '-'");
        }

        if (string.IsNullOrWhiteSpace(rule.Title))
        {
            failures.Add($"rule '{rule.Id}': title must not be empty");
        }

        if (!AlertKinds.Kinds.Contains(rule.Kind))
        {
            failures.Add($"rule '{rule.Id}': unknown metric kind '{rule.Kind}'; known: {string.Join(", ", AlertKinds.Kinds.Order(StringComparer.Ordinal))}");
        }

        var needsField = rule.Operator is RuleOperator.Below or RuleOperator.Above or RuleOperator.IsTrue or RuleOperator.IsFalse;
        if (needsField && !AlertKinds.Fields.Contains(rule.Field))
        {
            failures.Add($"rule '{rule.Id}': unknown metric field '{rule.Field}' of kind '{rule.Kind}'");
        }

        if (rule.Operator == RuleOperator.Event && string.IsNullOrWhiteSpace(rule.EventType))
        {
            failures.Add($"rule '{rule.Id}': an event rule needs an event type");
        }

        if (rule.Operator == RuleOperator.Offline && rule.Kind != AlertKinds.Status)
        {
            failures.Add($"rule '{rule.Id}': the offline condition needs kind '{AlertKinds.Status}'");
        }

        if (rule.For < TimeSpan.Zero || rule.For > TimeSpan.FromDays(1))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"rule '{rule.Id}': for is {rule.For}; it must be 00:00:00–1.00:00:00"));
        }

        if (!double.IsFinite(rule.Threshold) || !double.IsFinite(rule.Hysteresis) || rule.Hysteresis < 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"rule '{rule.Id}': threshold {rule.Threshold} and hysteresis {rule.Hysteresis} must be finite, hysteresis >= 0"));
        }

        if (rule.Operator == RuleOperator.Absent && (rule.Threshold < 1 || rule.Threshold > 86_400))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"rule '{rule.Id}': a data-gap threshold is {rule.Threshold} s; it must be 1–86400 s"));
        }

        return failures;
    }
}
