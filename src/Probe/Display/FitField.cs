using System.Text;
using System.Text.Json;

namespace LiveRoom.Probe.Display;

/// <summary>
/// One free-text field of a <see cref="Contracts.Payloads.Lifecycle.DisplayMessage"/> as text elements with their
/// JSON-encoded cost in bytes, so it can be cut on a text-element boundary (never inside a UTF-8 sequence, a
/// surrogate pair or an emoji sequence) with "…".
/// </summary>
internal sealed class FitField
{
    public const string Ellipsis = "…";

    /// <summary>Nothing longer can fit in 512 bytes anyway; bounds the work on a huge title.</summary>
    public const int MaxElements = DisplayMessageLimit;

    private const int DisplayMessageLimit = Contracts.Payloads.Lifecycle.DisplayMessage.MaxBytes;

    private static readonly int EllipsisCost = CostOf(Ellipsis);

    private readonly List<string> _elements;
    private readonly List<int> _costs;
    private int _sum;

    public FitField(string? text)
    {
        (_elements, Cut) = DisplayText.Elements(DisplayText.Clean(text), MaxElements);
        _costs = new List<int>(_elements.Count);
        foreach (var element in _elements)
        {
            var cost = CostOf(element);
            _costs.Add(cost);
            _sum += cost;
        }
    }

    /// <summary>Whether text was left off (the field ends with "…").</summary>
    public bool Cut { get; private set; }

    /// <summary>Bytes the value takes inside its JSON quotes.</summary>
    public int Cost => _elements.Count == 0 ? 0 : _sum + (Cut ? EllipsisCost : 0);

    public string Text
    {
        get
        {
            if (_elements.Count == 0)
            {
                return string.Empty;
            }

            var builder = new StringBuilder();
            foreach (var element in _elements)
            {
                builder.Append(element);
            }

            return Cut ? builder.Append(Ellipsis).ToString() : builder.ToString();
        }
    }

    /// <summary>Drops whole text elements from the end until the field costs at most <paramref name="target"/> bytes.</summary>
    public void CutTo(int target)
    {
        if (Cost <= target)
        {
            return;
        }

        while (_elements.Count > 0 && _sum + EllipsisCost > target)
        {
            _sum -= _costs[^1];
            _elements.RemoveAt(_elements.Count - 1);
            _costs.RemoveAt(_costs.Count - 1);
        }

        Cut = _elements.Count > 0;
    }

    private static int CostOf(string text) => JsonEncodedText.Encode(text).EncodedUtf8Bytes.Length;
}
