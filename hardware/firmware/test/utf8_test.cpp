#include "utf8.h"

#include <gtest/gtest.h>

#include <cstring>

namespace liveroom::sign {
namespace {

std::size_t Len(const char* s) { return Utf8SequenceLength(reinterpret_cast<const unsigned char*>(s), std::strlen(s)); }

TEST(Utf8SequenceLength, ValidSequences_ReturnTheirLength) {
  EXPECT_EQ(Len("A"), 1u);
  EXPECT_EQ(Len("\xC3\xA9"), 2u);          // é
  EXPECT_EQ(Len("未"), 3u);
  EXPECT_EQ(Len("\xF0\x9F\x94\xB4"), 4u);  // U+1F534
}

TEST(Utf8SequenceLength, InvalidSequences_ReturnZero) {
  EXPECT_EQ(Len("\x80"), 0u);              // lone continuation
  EXPECT_EQ(Len("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(Len("\xE0\x80\xAF"), 0u);      // overlong 3-byte
  EXPECT_EQ(Len("\xED\xA0\x80"), 0u);      // surrogate D800
  EXPECT_EQ(Len("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(Len("\xFF"), 0u);
  EXPECT_EQ(Len("\xE6\x9C"), 0u);          // cut off
  EXPECT_EQ(Len("\xE6\x41\x41"), 0u);      // bad continuation
}

TEST(AppendCodePoint, FullBuffer_WritesNothing) {
  char out[4] = {};
  std::size_t used = 2;
  EXPECT_FALSE(AppendCodePoint(0x672A, out, sizeof out, &used));  // 3 bytes into 2 free
  EXPECT_EQ(used, 2u);
  EXPECT_TRUE(AppendCodePoint('x', out, sizeof out, &used));
  EXPECT_EQ(used, 3u);
}

TEST(IsValidUtf8, MixedText_Checked) {
  EXPECT_TRUE(IsValidUtf8("春季 sale …", std::strlen("春季 sale …")));
  EXPECT_FALSE(IsValidUtf8("ab\xE6\x9C", 4));
}

}  // namespace
}  // namespace liveroom::sign
