using LiveRoom.Contracts.Text;

namespace LiveRoom.Contracts.Tests.Text;

public sealed class LanguagesTests
{
    [Theory]
    [InlineData(null, Language.English)]
    [InlineData("", Language.English)]
    [InlineData("zh-CN", Language.Chinese)]
    [InlineData("zh", Language.Chinese)]
    [InlineData("ZH-hans-CN", Language.Chinese)]
    [InlineData("en", Language.English)]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", Language.Chinese)]
    [InlineData("en-US,en;q=0.9,zh-CN;q=0.8", Language.English)]
    [InlineData("de-DE,zh;q=0.5", Language.Chinese)]
    [InlineData("de-DE,fr;q=0.5", Language.English)]
    [InlineData("*", Language.English)]
    [InlineData("en;q=0.4, zh;q=0.6", Language.Chinese)]
    [InlineData("zh;q=0, en;q=0.1", Language.English)]
    [InlineData("zhx, en", Language.English)]
    [InlineData(";;;, zh-CN", Language.Chinese)]
    [InlineData("zh;q=abc", Language.English)]
    public void FromAcceptLanguage_Header_HighestWeightedLanguageWeSpeak(string? header, Language expected) =>
        Assert.Equal(expected, Languages.FromAcceptLanguage(header));

    [Fact]
    public void LocalText_InAndAppend_KeepTheLanguagesApart()
    {
        var text = new LocalText("line 4: ", "第 4 行：").Append(new LocalText("bad", "错误"));

        Assert.Equal(("line 4: bad", "第 4 行：错误"), (text.In(Language.English), text.In(Language.Chinese)));
        Assert.Equal("line 4: bad", text.ToString());
        Assert.Equal(("en", "zh-CN"), (Languages.Tag(Language.English), Languages.Tag(Language.Chinese)));
    }
}
