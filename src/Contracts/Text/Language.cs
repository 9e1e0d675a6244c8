namespace LiveRoom.Contracts.Text;

/// <summary>The languages the product's pages and messages are written in.</summary>
public enum Language
{
    English,
    Chinese,
}
