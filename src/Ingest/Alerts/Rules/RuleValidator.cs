using System.Globalization;
using LiveRoom.Contracts.Text;

namespace LiveRoom.Ingest.Alerts.Rules;

/// <summary>Refuses a rule that cannot work, with a message naming what is wrong (issue 7, "Bad input"), in English and Chinese.</summary>
public static class RuleValidator
{
    public static List<LocalText> Check(AlertRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var failures = new List<LocalText>();
        var id = rule.Id;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            failures.Add(new($"rule id '{id}' must be 1–64 letters, digits, '_' or '-'", $"规则标识“{id}”必须是 1–64 个字母、数字、“_”或“-”"));
        }

        if (string.IsNullOrWhiteSpace(rule.Title))
        {
            failures.Add(new($"rule '{id}': title must not be empty", $"规则“{id}”：标题不能为空"));
        }

        if (!AlertKinds.Kinds.Contains(rule.Kind))
        {
            var known = string.Join(", ", AlertKinds.Kinds.Order(StringComparer.Ordinal));
            failures.Add(new($"rule '{id}': unknown metric kind '{rule.Kind}'; known: {known}", $"规则“{id}”：未知指标类别“{rule.Kind}”；已知类别：{known}"));
        }

        var needsField = rule.Operator is RuleOperator.Below or RuleOperator.Above or RuleOperator.IsTrue or RuleOperator.IsFalse;
        if (needsField && !AlertKinds.Fields.Contains(rule.Field))
        {
            failures.Add(new($"rule '{id}': unknown metric field '{rule.Field}' of kind '{rule.Kind}'", $"规则“{id}”：类别“{rule.Kind}”没有指标字段“{rule.Field}”"));
        }

        if (rule.Operator == RuleOperator.Event && string.IsNullOrWhiteSpace(rule.EventType))
        {
            failures.Add(new($"rule '{id}': an event rule needs an event type", $"规则“{id}”：事件规则需要事件类型"));
        }

        if (rule.Operator == RuleOperator.Offline && rule.Kind != AlertKinds.Status)
        {
            failures.Add(new($"rule '{id}': the offline condition needs kind '{AlertKinds.Status}'", $"规则“{id}”：离线条件需要类别“{AlertKinds.Status}”"));
        }

        if (rule.For < TimeSpan.Zero || rule.For > TimeSpan.FromDays(1))
        {
            failures.Add(new(
                string.Create(CultureInfo.InvariantCulture, $"rule '{id}': for is {rule.For}; it must be 00:00:00–1.00:00:00"),
                string.Create(CultureInfo.InvariantCulture, $"规则“{id}”：持续时间为 {rule.For}，必须在 00:00:00–1.00:00:00 之间")));
        }

        if (!double.IsFinite(rule.Threshold) || !double.IsFinite(rule.Hysteresis) || rule.Hysteresis < 0)
        {
            failures.Add(new(
                string.Create(CultureInfo.InvariantCulture, $"rule '{id}': threshold {rule.Threshold} and hysteresis {rule.Hysteresis} must be finite, hysteresis >= 0"),
                string.Create(CultureInfo.InvariantCulture, $"规则“{id}”：阈值 {rule.Threshold} 和回差 {rule.Hysteresis} 必须是有限数，且回差 >= 0")));
        }

        if (rule.Operator == RuleOperator.Absent && (rule.Threshold < 1 || rule.Threshold > 86_400))
        {
            failures.Add(new(
                string.Create(CultureInfo.InvariantCulture, $"rule '{id}': a data-gap threshold is {rule.Threshold} s; it must be 1–86400 s"),
                string.Create(CultureInfo.InvariantCulture, $"规则“{id}”：数据中断阈值为 {rule.Threshold} 秒，必须在 1–86400 秒之间")));
        }

        return failures;
    }
}
