#include "display_message.h"

#include <gtest/gtest.h>

#include <string>

#include "no_heap.h"
#include "sample.h"

namespace liveroom::sign {
namespace {

using testing::kNotReadyExample;
using testing::Minimal;

struct Parsed {
  bool ok = false;
  DisplayMessage message;
  std::string error;
};

Parsed Parse(const std::string& json) {
  Parsed p;
  char error[kErrorCapacity] = {};
  p.ok = ParseDisplayMessage(json.data(), json.size(), &p.message, error, sizeof error);
  p.error = error;
  return p;
}

TEST(ParseDisplayMessage, ReadmeExample_EveryFieldRead) {
  const Parsed p = Parse(kNotReadyExample);
  ASSERT_TRUE(p.ok) << p.error;
  const DisplayMessage& m = p.message;
  EXPECT_EQ(m.version, 1);
  EXPECT_EQ(m.state, RoomState::kNotReady);
  EXPECT_STREQ(m.code, "not-ready");
  EXPECT_STREQ(m.chinese, "未就绪");
  EXPECT_STREQ(m.english, "NOT READY");
  EXPECT_EQ(m.colour, (Rgb{0xe8, 0x59, 0x0c}));
  EXPECT_TRUE(m.colour_from_message);
  EXPECT_STREQ(m.title, "春季新品专场");
  EXPECT_STREQ(m.host, "李娜");
  EXPECT_STREQ(m.when, "14:00–16:00");
  EXPECT_STREQ(m.next, "16:30 晚间专场");
  EXPECT_STREQ(m.message, "uplink 2.1 Mbit/s");
  EXPECT_FALSE(m.on_air);
  EXPECT_EQ(m.ts, 1795420800);
  EXPECT_FALSE(m.truncated);
  EXPECT_FALSE(m.repaired);
}

struct StateCase {
  const char* code;
  RoomState state;
  const char* chinese;
  const char* english;
};

class EveryState : public ::testing::TestWithParam<StateCase> {};

TEST_P(EveryState, MinimalMessage_StateAndBuiltInWords) {
  const StateCase c = GetParam();
  const bool air = c.state == RoomState::kLive || c.state == RoomState::kFault;
  const Parsed p = Parse(Minimal(c.code, air));
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_EQ(p.message.state, c.state);
  EXPECT_STREQ(p.message.chinese, c.chinese);
  EXPECT_STREQ(p.message.english, c.english);
  EXPECT_EQ(p.message.colour, InfoFor(c.state).colour);
  EXPECT_FALSE(p.message.colour_from_message);
  EXPECT_EQ(p.message.on_air, air);
  EXPECT_EQ(p.message.ts, 0);
  EXPECT_STREQ(p.message.title, "");
}

INSTANTIATE_TEST_SUITE_P(
    ParseDisplayMessage, EveryState,
    ::testing::Values(StateCase{"free", RoomState::kFree, "空闲", "FREE"},
                      StateCase{"booked", RoomState::kBooked, "已预约", "BOOKED"},
                      StateCase{"pre-show", RoomState::kPreShow, "准备中", "PRE-SHOW"},
                      StateCase{"ready", RoomState::kReady, "就绪", "READY"},
                      StateCase{"not-ready", RoomState::kNotReady, "未就绪", "NOT READY"},
                      StateCase{"live", RoomState::kLive, "直播中", "ON AIR"},
                      StateCase{"fault", RoomState::kFault, "故障", "FAULT"},
                      StateCase{"ended", RoomState::kEnded, "已结束", "ENDED"},
                      StateCase{"offline", RoomState::kOffline, "离线", "OFFLINE"}),
    [](const ::testing::TestParamInfo<StateCase>& info) {
      std::string name = info.param.code;
      for (char& c : name) {
        if (c == '-') c = '_';
      }
      return name;
    });

TEST(ParseDisplayMessage, UnknownStateCode_KeptWithItsOwnWords) {
  const Parsed p = Parse(R"({"v":1,"s":"maintenance","air":false})");
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_EQ(p.message.state, RoomState::kUnknown);
  EXPECT_STREQ(p.message.english, "maintenance");
  EXPECT_STREQ(p.message.chinese, "?");
}

TEST(ParseDisplayMessage, ProgressInEnglishWord_Kept) {
  const Parsed p = Parse(R"({"v":1,"s":"pre-show","zh":"准备中 7/10","en":"PRE-SHOW 7/10","c":"f08c00","air":false})");
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_STREQ(p.message.english, "PRE-SHOW 7/10");
  EXPECT_STREQ(p.message.chinese, "准备中 7/10");
}

TEST(ParseDisplayMessage, UnknownKeysOfAnyType_Skipped) {
  const Parsed p = Parse(
      R"({"x":1,"v":1,"future":{"a":[1,{"b":"c"}],"d":null},"s":"live","list":[true,false,-1.5e3],"air":true,)"
      R"("very_long_key_name_that_is_not_known":"value"})");
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_EQ(p.message.state, RoomState::kLive);
  EXPECT_TRUE(p.message.on_air);
}

TEST(ParseDisplayMessage, OptionalKeysNull_TreatedAsAbsent) {
  const Parsed p = Parse(R"({"v":1,"s":"free","zh":null,"en":null,"c":null,"t":null,"h":null,"w":null,"n":null,)"
                         R"("m":null,"ts":null,"air":false})");
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_STREQ(p.message.chinese, "空闲");
  EXPECT_FALSE(p.message.colour_from_message);
  EXPECT_STREQ(p.message.title, "");
}

TEST(ParseDisplayMessage, BadColour_FallsBackToStateColour) {
  for (const char* colour : {"red", "#e8590", "e8590cff", ""}) {
    const Parsed p = Parse(std::string(R"({"v":1,"s":"live","air":true,"c":")") + colour + "\"}");
    ASSERT_TRUE(p.ok) << p.error;
    EXPECT_FALSE(p.message.colour_from_message) << colour;
    EXPECT_EQ(p.message.colour, InfoFor(RoomState::kLive).colour) << colour;
  }
}

TEST(ParseDisplayMessage, Exactly512Bytes_Accepted) {
  std::string json = R"({"v":1,"s":"live","air":true,"pad":")";
  json += std::string(kMaxMessageBytes - json.size() - 2, 'x') + "\"}";
  ASSERT_EQ(json.size(), kMaxMessageBytes);
  const Parsed p = Parse(json);
  EXPECT_TRUE(p.ok) << p.error;
}

TEST(ParseDisplayMessage, Over512Bytes_RejectedNamingTheSize) {
  std::string json = R"({"v":1,"s":"live","air":true,"pad":")";
  json += std::string(kMaxMessageBytes - json.size() - 1, 'x') + "\"}";
  ASSERT_EQ(json.size(), kMaxMessageBytes + 1);
  const Parsed p = Parse(json);
  EXPECT_FALSE(p.ok);
  EXPECT_EQ(p.error, "display: message is 513 bytes; at most 512 are allowed");
}

TEST(ParseDisplayMessage, EveryTruncation_RejectedWithReason) {
  // Cutting the example anywhere (as a broken publish or a too-small MQTT buffer would) is always an error.
  for (std::size_t n = 0; n < kNotReadyExample.size(); ++n) {
    const Parsed p = Parse(kNotReadyExample.substr(0, n));
    EXPECT_FALSE(p.ok) << "cut at " << n;
    EXPECT_FALSE(p.error.empty()) << "cut at " << n;
    EXPECT_EQ(p.error.rfind("display: ", 0), 0u) << p.error;
  }
}

TEST(ParseDisplayMessage, TruncatedInsideString_SaysTruncated) {
  const Parsed p = Parse(kNotReadyExample.substr(0, 40));
  EXPECT_FALSE(p.ok);
  EXPECT_NE(p.error.find("truncated"), std::string::npos) << p.error;
}

TEST(ParseDisplayMessage, WrongTypes_RejectedNamingTheKey) {
  const std::pair<std::string, std::string> cases[] = {
      {R"({"v":"1","s":"live","air":true})", "display: key 'v' at byte 5: expected an integer"},
      {R"({"v":1.0,"s":"live","air":true})", "key 'v'"},
      {R"({"v":1,"s":5,"air":true})", "display: key 's' at byte 11: expected a string"},
      {R"({"v":1,"s":"live","air":"true"})", "display: key 'air' at byte 24: expected true or false"},
      {R"({"v":1,"s":"live","air":1})", "key 'air'"},
      {R"({"v":1,"s":"live","air":true,"ts":"now"})", "key 'ts'"},
      {R"({"v":1,"s":"live","air":true,"t":["a"]})", "key 't'"},
      {R"({"v":1,"s":"live","air":true,"c":13770767})", "key 'c'"},
      {R"({"v":1,"s":"live","air":true,"zh":{}})", "key 'zh'"},
  };
  for (const auto& [json, expected] : cases) {
    const Parsed p = Parse(json);
    EXPECT_FALSE(p.ok) << json;
    EXPECT_NE(p.error.find(expected), std::string::npos) << json << " -> " << p.error;
  }
}

TEST(ParseDisplayMessage, MissingRequiredKeys_RejectedNamingTheKey) {
  EXPECT_EQ(Parse(R"({"s":"live","air":true})").error, "display: key 'v' (schema version) is missing");
  EXPECT_EQ(Parse(R"({"v":1,"air":true})").error, "display: key 's' (state) is missing or empty");
  EXPECT_EQ(Parse(R"({"v":1,"s":"","air":true})").error, "display: key 's' (state) is missing or empty");
  EXPECT_EQ(Parse(R"({"v":1,"s":"live"})").error, "display: key 'air' (ON-AIR lamp) is missing");
  EXPECT_EQ(Parse(R"({"v":1,"s":"live","air":null})").error, "display: key 'air' (ON-AIR lamp) is missing");
}

TEST(ParseDisplayMessage, OtherSchemaVersion_Rejected) {
  EXPECT_EQ(Parse(R"({"v":2,"s":"live","air":true})").error,
            "display: schema version 2 is not supported (this sign reads 1)");
}

TEST(ParseDisplayMessage, DuplicateKnownKey_Rejected) {
  EXPECT_EQ(Parse(R"({"v":1,"s":"free","air":false,"air":true})").error, "display: key 'air' appears twice");
}

TEST(ParseDisplayMessage, NotAnObject_Rejected) {
  for (const std::string json : {"[]", "\"live\"", "null", "{", "{\"v\":1,}", "{\"v\" 1}", "{'v':1}", "{} {}"}) {
    const Parsed p = Parse(json);
    EXPECT_FALSE(p.ok) << json;
    EXPECT_EQ(p.error.rfind("display: byte ", 0), 0u) << json << " -> " << p.error;
  }
}

TEST(ParseDisplayMessage, Empty_RejectedAsCleared) {
  EXPECT_EQ(Parse("").error, "display: empty message (the retained message was cleared)");
}

TEST(ParseDisplayMessage, ByteOrderMarkAndWhitespace_Tolerated) {
  const Parsed p = Parse("\xEF\xBB\xBF \n{ \"v\" : 1 ,\t\"s\":\"free\", \"air\" : false }\r\n");
  EXPECT_TRUE(p.ok) << p.error;
}

TEST(ParseDisplayMessage, LongTexts_CutToFieldWithEllipsis) {
  std::string title;
  for (int i = 0; i < 70; ++i) title += "春";  // 210 bytes, field holds 159
  const Parsed p = Parse(R"({"v":1,"s":"booked","air":false,"t":")" + title + R"(","h":")" + std::string(100, 'h') + "\"}");
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_TRUE(p.message.truncated);
  const std::string t = p.message.title;
  EXPECT_LE(t.size(), sizeof p.message.title - 1);
  EXPECT_EQ(t.substr(t.size() - 3), "…");
  EXPECT_EQ((t.size() - 3) % 3, 0u);  // whole characters only
  EXPECT_EQ(std::string(p.message.host).size(), sizeof p.message.host - 1);
}

TEST(ParseDisplayMessage, BadUtf8InText_ReplacedNotRejected) {
  const Parsed p = Parse("{\"v\":1,\"s\":\"live\",\"air\":true,\"t\":\"\xE6\x98\xA5\xFF\xC0\xAF sale\"}");
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_STREQ(p.message.title, "春??? sale");
  EXPECT_TRUE(p.message.repaired);
}

TEST(ParseDisplayMessage, BadUtf8InStateCode_UnknownStateNotCrash) {
  const Parsed p = Parse("{\"v\":1,\"s\":\"li\xFFve\",\"air\":false}");
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_EQ(p.message.state, RoomState::kUnknown);
  EXPECT_STREQ(p.message.english, "li?ve");
}

TEST(ParseDisplayMessage, AnyInput_NeverAllocates) {
  const std::size_t before = testing::HeapAllocations();
  DisplayMessage m;
  char error[kErrorCapacity];
  for (const std::string* json : {&kNotReadyExample}) {
    for (std::size_t n = 0; n <= json->size(); ++n) {
      ParseDisplayMessage(json->data(), n, &m, error, sizeof error);
    }
  }
  EXPECT_EQ(testing::HeapAllocations(), before);
}

TEST(ParseDisplayMessage, ScrambledInput_NeverCrashes) {
  // Deterministic byte flips over the example: every result is either a message or a named error.
  std::uint32_t seed = 12345;
  int accepted = 0;
  int rejected = 0;
  for (int round = 0; round < 5000; ++round) {
    std::string json = kNotReadyExample;
    for (int flips = 0; flips < 3; ++flips) {
      seed = seed * 1664525u + 1013904223u;
      json[seed % json.size()] = static_cast<char>(seed >> 24);
    }
    const Parsed p = Parse(json);
    if (p.ok) {
      ++accepted;
      EXPECT_NE(p.message.code[0], '\0');
    } else {
      ++rejected;
      EXPECT_FALSE(p.error.empty());
    }
  }
  EXPECT_GT(accepted, 0);
  EXPECT_GT(rejected, 0);
}

}  // namespace
}  // namespace liveroom::sign
