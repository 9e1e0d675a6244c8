#include "colour.h"

#include <gtest/gtest.h>

namespace liveroom::sign {
namespace {

TEST(ParseHexColour, SixHexDigits_Parsed) {
  Rgb c;
  ASSERT_TRUE(ParseHexColour("e8590c", &c));
  EXPECT_EQ(c, (Rgb{0xe8, 0x59, 0x0c}));
  ASSERT_TRUE(ParseHexColour("D1242F", &c));
  EXPECT_EQ(c, (Rgb{0xd1, 0x24, 0x2f}));
}

TEST(ParseHexColour, LeadingHash_Tolerated) {
  Rgb c;
  ASSERT_TRUE(ParseHexColour("#00ff7F", &c));
  EXPECT_EQ(c, (Rgb{0x00, 0xff, 0x7f}));
}

TEST(ParseHexColour, WrongLengthOrDigits_Rejected) {
  Rgb c{1, 2, 3};
  EXPECT_FALSE(ParseHexColour("", &c));
  EXPECT_FALSE(ParseHexColour("e8590", &c));
  EXPECT_FALSE(ParseHexColour("e8590c0", &c));
  EXPECT_FALSE(ParseHexColour("e8590g", &c));
  EXPECT_FALSE(ParseHexColour("red", &c));
  EXPECT_FALSE(ParseHexColour("#", &c));
  EXPECT_FALSE(ParseHexColour(nullptr, &c));
  EXPECT_EQ(c, (Rgb{1, 2, 3}));
}

TEST(TextColourOn, DarkAndLightBackgrounds_ContrastingText) {
  const Rgb white{255, 255, 255};
  const Rgb black{0, 0, 0};
  EXPECT_EQ(TextColourOn({0xd1, 0x24, 0x2f}), white);  // live red
  EXPECT_EQ(TextColourOn({0xe8, 0x59, 0x0c}), white);  // not-ready orange
  EXPECT_EQ(TextColourOn({0x2f, 0x9e, 0x44}), white);  // green
  EXPECT_EQ(TextColourOn({0xfc, 0xc4, 0x19}), black);  // yellow
  EXPECT_EQ(TextColourOn({0xff, 0xff, 0xff}), black);
  EXPECT_EQ(TextColourOn({0, 0, 0}), white);
}

TEST(ToRgb565, PrimaryColours_Packed) {
  EXPECT_EQ(ToRgb565({255, 0, 0}), 0xF800u);
  EXPECT_EQ(ToRgb565({0, 255, 0}), 0x07E0u);
  EXPECT_EQ(ToRgb565({0, 0, 255}), 0x001Fu);
  EXPECT_EQ(ToRgb565({255, 255, 255}), 0xFFFFu);
}

}  // namespace
}  // namespace liveroom::sign
