using LiveRoom.Contracts.Text;

namespace LiveRoom.Dashboard;

/// <summary>The nouns the dashboard's messages name fields by, in both languages (<see cref="LocalText"/>).</summary>
internal static class Words
{
    public static readonly LocalText Site = new("site", "站点");
    public static readonly LocalText Room = new("room", "直播间");
    public static readonly LocalText Name = new("name", "名称");
    public static readonly LocalText Title = new("title", "标题");
    public static readonly LocalText Host = new("host", "主播");
    public static readonly LocalText Item = new("item", "检查项");
    public static readonly LocalText Text = new("text", "文字");
    public static readonly LocalText Run = new("run", "检查批次");
}
