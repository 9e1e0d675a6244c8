#include "json_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace liveroom::sign {
namespace {

/// Reads the single member of `{"k": <value>}` as a string into a buffer of cap bytes.
std::string ReadOnlyString(const std::string& json, std::size_t cap, StringStats* stats, bool* ok) {
  JsonReader reader(json.data(), json.size());
  char key[8];
  bool fits = false;
  bool has = false;
  char out[256] = {};
  *ok = reader.BeginObject() && reader.NextMember(key, sizeof key, &fits, &has) && has &&
        reader.ReadString(out, cap, stats);
  return out;
}

TEST(JsonReaderReadString, Escapes_Decoded) {
  StringStats stats;
  bool ok;
  EXPECT_EQ(ReadOnlyString(R"({"k":"a\"b\\c\/d\u00e9\u672a"})", 64, &stats, &ok), "a\"b\\c/d\xC3\xA9未");
  EXPECT_TRUE(ok);
  EXPECT_FALSE(stats.truncated);
  EXPECT_FALSE(stats.repaired);
}

TEST(JsonReaderReadString, SurrogatePair_DecodedToOneCodePoint) {
  StringStats stats;
  bool ok;
  EXPECT_EQ(ReadOnlyString(R"({"k":"\ud83d\udd34 live"})", 64, &stats, &ok), "\xF0\x9F\x94\xB4 live");
  EXPECT_TRUE(ok);
  EXPECT_FALSE(stats.repaired);
}

TEST(JsonReaderReadString, LoneSurrogates_ReplacedAndFlagged) {
  StringStats stats;
  bool ok;
  EXPECT_EQ(ReadOnlyString(R"({"k":"a\ud83db\udd34c\ud83d\u0041"})", 64, &stats, &ok), "a?b?c?A");
  EXPECT_TRUE(ok);
  EXPECT_TRUE(stats.repaired);
}

TEST(JsonReaderReadString, BadUtf8_ReplacedAndFlagged) {
  StringStats stats;
  bool ok;
  EXPECT_EQ(ReadOnlyString("{\"k\":\"a\xFF" "b\xE6\x9C\"}", 64, &stats, &ok), "a?b??");
  EXPECT_TRUE(ok);
  EXPECT_TRUE(stats.repaired);
}

TEST(JsonReaderReadString, ControlCharactersAndNewlines_BecomeSpaces) {
  StringStats stats;
  bool ok;
  static constexpr char kJson[] = "{\"k\":\"a\tb\\nc\\u0001d\0e\"}";
  EXPECT_EQ(ReadOnlyString(std::string(kJson, sizeof kJson - 1), 64, &stats, &ok), "a b c d e");
  EXPECT_TRUE(ok);
  EXPECT_TRUE(stats.repaired);  // the raw tab and NUL; the escapes alone would not count
}

TEST(JsonReaderReadString, TooLong_CutOnCharacterBoundaryWithEllipsis) {
  StringStats stats;
  bool ok;
  // 8 bytes of room: "未就" is 6, "…" is 3, so only "未" + "…" fits.
  const std::string s = ReadOnlyString(R"({"k":"未就绪未就绪"})", 8, &stats, &ok);
  EXPECT_TRUE(ok);
  EXPECT_TRUE(stats.truncated);
  EXPECT_EQ(s, "未…");
  EXPECT_LE(s.size(), 7u);
}

TEST(JsonReaderReadString, ExactFit_NotTruncated) {
  StringStats stats;
  bool ok;
  EXPECT_EQ(ReadOnlyString(R"({"k":"abcdefg"})", 8, &stats, &ok), "abcdefg");
  EXPECT_FALSE(stats.truncated);
}

TEST(JsonReaderReadString, BufferTooSmallForEllipsis_CutWithout) {
  StringStats stats;
  bool ok;
  EXPECT_EQ(ReadOnlyString(R"({"k":"abcdef"})", 3, &stats, &ok), "ab");
  EXPECT_TRUE(stats.truncated);
}

TEST(JsonReaderReadString, UnknownEscape_Error) {
  StringStats stats;
  bool ok;
  ReadOnlyString(R"({"k":"a\qb"})", 64, &stats, &ok);
  EXPECT_FALSE(ok);
}

TEST(JsonReaderReadInt, Integers_ReadExactly) {
  for (const auto& [text, expected] : {std::pair<std::string, std::int64_t>{"0", 0}, {"-17", -17},
                                       {"9223372036854775807", INT64_MAX}, {"-9223372036854775808", INT64_MIN}}) {
    const std::string json = "{\"k\":" + text + "}";
    JsonReader reader(json.data(), json.size());
    char key[8];
    bool fits;
    bool has;
    std::int64_t v = 42;
    ASSERT_TRUE(reader.BeginObject() && reader.NextMember(key, sizeof key, &fits, &has) && reader.ReadInt(&v)) << text;
    EXPECT_EQ(v, expected) << text;
  }
}

TEST(JsonReaderReadInt, FractionsOverflowAndMalformed_Errors) {
  for (const std::string text : {"1.5", "1e3", "9223372036854775808", "-", "01", "1.", "\"1\"", "true"}) {
    const std::string json = "{\"k\":" + text + "}";
    JsonReader reader(json.data(), json.size());
    char key[8];
    bool fits;
    bool has;
    std::int64_t v = 42;
    ASSERT_TRUE(reader.BeginObject() && reader.NextMember(key, sizeof key, &fits, &has));
    EXPECT_FALSE(reader.ReadInt(&v)) << text;
    EXPECT_NE(reader.error().what, nullptr) << text;
    EXPECT_EQ(v, 42) << text;
  }
}

TEST(JsonReaderSkipValue, NestedValues_SkippedWithSyntaxChecked) {
  const std::string json = R"({"x":{"a":[1,2.5e-3,{"b":null}],"c":"}"},"y":[],"z":{},"k":true})";
  JsonReader reader(json.data(), json.size());
  ASSERT_TRUE(reader.BeginObject());
  char key[8];
  bool fits;
  bool has;
  for (const char* expected : {"x", "y", "z"}) {
    ASSERT_TRUE(reader.NextMember(key, sizeof key, &fits, &has));
    EXPECT_STREQ(key, expected);
    ASSERT_TRUE(reader.SkipValue()) << reader.error().what;
  }
  bool b = false;
  ASSERT_TRUE(reader.NextMember(key, sizeof key, &fits, &has) && reader.ReadBool(&b));
  EXPECT_TRUE(b);
  ASSERT_TRUE(reader.NextMember(key, sizeof key, &fits, &has));
  EXPECT_FALSE(has);
  EXPECT_TRUE(reader.End());
}

TEST(JsonReaderSkipValue, TooDeep_ErrorNotCrash) {
  const std::string json = "{\"x\":" + std::string(5000, '[') + std::string(5000, ']') + "}";
  JsonReader reader(json.data(), json.size());
  char key[8];
  bool fits;
  bool has;
  ASSERT_TRUE(reader.BeginObject() && reader.NextMember(key, sizeof key, &fits, &has));
  EXPECT_FALSE(reader.SkipValue());
  EXPECT_STREQ(reader.error().what, "nested deeper than 16 levels");
}

TEST(JsonReaderNextMember, LongKey_ReportedAsNotFitting) {
  const std::string json = R"({"airplane_mode":true})";
  JsonReader reader(json.data(), json.size());
  char key[4];
  bool fits = true;
  bool has = false;
  ASSERT_TRUE(reader.BeginObject() && reader.NextMember(key, sizeof key, &fits, &has));
  EXPECT_TRUE(has);
  EXPECT_FALSE(fits);
}

TEST(JsonReaderEnd, TrailingGarbage_Error) {
  const std::string json = "{} x";
  JsonReader reader(json.data(), json.size());
  char key[4];
  bool fits;
  bool has;
  ASSERT_TRUE(reader.BeginObject() && reader.NextMember(key, sizeof key, &fits, &has));
  EXPECT_FALSE(has);
  EXPECT_FALSE(reader.End());
  EXPECT_EQ(reader.error().offset, 3u);
}

}  // namespace
}  // namespace liveroom::sign
