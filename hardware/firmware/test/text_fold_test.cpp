#include "text_fold.h"

#include <gtest/gtest.h>

#include <string>

namespace liveroom::sign {
namespace {

std::string Fold(std::string text) {
  FoldPunctuationForFont(text.data());
  return text.c_str();
}

TEST(FoldPunctuationForFont, DashesDotsEllipsis_BecomeAscii) {
  EXPECT_EQ(Fold("14:00–16:00"), "14:00-16:00");
  EXPECT_EQ(Fold("春季新品专场 · 李娜"), "春季新品专场 | 李娜");
  EXPECT_EQ(Fold("长标题…"), "长标题...");
  EXPECT_EQ(Fold("“A” ‘b’ —\xC2\xA0x −1"), "\"A\" 'b' - x -1");
}

TEST(FoldPunctuationForFont, PlainAndChineseText_Unchanged) {
  EXPECT_EQ(Fold("直播中 ON AIR 7/10"), "直播中 ON AIR 7/10");
  EXPECT_EQ(Fold(""), "");
}

}  // namespace
}  // namespace liveroom::sign
